"""The controlled vocabulary of sectors shared by every jurisdiction.

A sector is the function a department serves (development and reform, ecology and
environment, ...), so the same function can be compared across provinces whatever each
names its department. `terms` are the stems the documents use for the sector, from the
longest to the shortest; `suffixes` are the endings of an organ's name at each level of
government, used to recognise a name that lost its last character in scraping.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SectorDefinition:
    code: str
    name: str
    terms: tuple[str, ...]
    suffixes: tuple[str, ...] = ("厅", "局", "委员会", "委")


SECTORS = (
    SectorDefinition(
        "development-reform",
        "发展和改革",
        ("发展和改革委员会", "发展改革委", "发展和改革", "发展改革", "发改委", "发改"),
    ),
    SectorDefinition(
        "industry-it",
        "工业和信息化",
        ("工业和信息化", "经济和信息化委员会", "经济信息委", "经济和信息化", "经信委", "工信"),
    ),
    SectorDefinition("finance", "财政", ("财政",)),
    SectorDefinition("natural-resources", "自然资源", ("规划自然资源", "规划和自然资源", "自然资源")),
    SectorDefinition(
        "ecology-environment",
        "生态环境",
        ("生态环境", "生態環境", "环境保护行政主管", "环保"),
    ),
    SectorDefinition(
        "housing-construction",
        "住房和城乡建设",
        ("住房和城乡建设", "住房城乡建设", "住房城乡建委", "住房城乡建", "住建"),
    ),
    SectorDefinition("urban-management", "城市管理", ("城市管理",)),
    SectorDefinition("transport", "交通运输", ("交通运输", "交通")),
    SectorDefinition("water-resources", "水利", ("水利",)),
    SectorDefinition("agriculture-rural", "农业农村", ("农业农村",)),
    SectorDefinition("commerce", "商务", ("商务",)),
    SectorDefinition("market-regulation", "市场监管", ("市场监督管理", "市场监管")),
    SectorDefinition("energy", "能源", ("能源",)),
    SectorDefinition("forestry", "林业", ("林业",)),
    SectorDefinition("public-security", "公安", ("公安",), ("厅", "局", "机关")),
    SectorDefinition("justice", "司法行政", ("司法行政", "司法"), ("厅", "局", "机关")),
    SectorDefinition("audit", "审计", ("审计",), ("厅", "局", "部门")),
    SectorDefinition("courts", "人民法院", ("高级人民法院", "人民法院", "法院"), ("院",)),
    SectorDefinition("procuratorates", "人民检察院", ("人民检察院", "检察院", "检察"), ("院",)),
    SectorDefinition("emergency-management", "应急管理", ("应急管理", "应急")),
    SectorDefinition("government-affairs", "机关事务管理", ("机关事务管理",)),
    SectorDefinition("government-office", "政府办公厅", ("人民政府办公厅", "政府办公厅"), ("厅",)),
    SectorDefinition("local-government", "地方人民政府", ("县(市、区)政府", "县级政府"), ("政府",)),
    SectorDefinition("propaganda", "宣传", ("宣传",), ("部", "部门")),
    SectorDefinition("organization", "组织人事", ("组织(人事)", "组织人事", "组织"), ("部", "部门")),
    SectorDefinition("education", "教育", ("教育",)),
)

SECTORS_BY_CODE = {sector.code: sector for sector in SECTORS}

# Every term of every sector, longest first, so "生态环境" wins over "环保" and
# "规划自然资源" over "自然资源" when a name is matched against the vocabulary.
TERMS_LONGEST_FIRST = sorted(
    ((term, sector) for sector in SECTORS for term in sector.terms),
    key=lambda pair: -len(pair[0]),
)


def sector_for_name(name: str) -> SectorDefinition | None:
    """Return the sector whose longest term occurs in `name`, or None."""
    for term, sector in TERMS_LONGEST_FIRST:
        if term in name:
            return sector
    return None
