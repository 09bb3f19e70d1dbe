"""The administrative divisions of GB/T 2260 (the GB2260 package's latest table): what a province, city or county
is called, its parent, its kind and level, and the pinyin slug its pages use. The synthetic national dataset and
the local governments that join the portal (duties/services/divisions.py) read them here."""

from dataclasses import dataclass

from gb2260.data import data as gb2260_data
from pypinyin import lazy_pinyin

from duties.models import Jurisdiction

# Placeholder rows of the table, not divisions: "市辖区" under a city, "县" under a municipality.
NOT_DIVISIONS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
NOT_PROVINCES = {"71", "81", "82"}  # Taiwan, Hong Kong and Macao publish no lists here
MUNICIPALITIES = {"11", "12", "31", "50"}


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    parent_code: str | None


def divisions() -> list[Division]:
    """Province-level, prefecture-level and county-level divisions, parents before children."""
    table = {f"{code:06d}": name for code, name in gb2260_data[None].items()}
    result = []
    for code in sorted(table):
        name = table[code]
        if code[:2] in NOT_PROVINCES or name in NOT_DIVISIONS:
            continue
        if code.endswith("0000"):
            parent = None
        elif code.endswith("00"):
            parent = code[:2] + "0000"
        else:
            city = code[:4] + "00"
            parent = city if city in table and table[city] not in NOT_DIVISIONS else code[:2] + "0000"
        result.append(Division(code, name, parent))
    return result


def divisions_in(province_code: str) -> list[Division]:
    """The cities and counties of one province, parents before children (the province itself left out)."""
    return [d for d in divisions() if d.code[:2] == province_code[:2] and d.parent_code is not None]


def kind_and_level(division: Division) -> tuple[str, str]:
    code, name = division.code, division.name
    if division.parent_code is None:
        if code[:2] in MUNICIPALITIES:
            return Jurisdiction.Kind.MUNICIPALITY, Jurisdiction.Level.PROVINCE
        if name.endswith("自治区"):
            return Jurisdiction.Kind.AUTONOMOUS_REGION, Jurisdiction.Level.PROVINCE
        return Jurisdiction.Kind.PROVINCE, Jurisdiction.Level.PROVINCE
    if code.endswith("00"):
        kind = Jurisdiction.Kind.CITY if name.endswith("市") else Jurisdiction.Kind.PREFECTURE
        return kind, Jurisdiction.Level.PREFECTURE
    return (Jurisdiction.Kind.DISTRICT if name.endswith("区") else Jurisdiction.Kind.COUNTY), Jurisdiction.Level.COUNTY


def short_name(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name[:20]


def division_slug(division: Division) -> str:
    """The division's name in pinyin, as its pages' addresses spell it (repeats are told apart by the caller)."""
    return "-".join(lazy_pinyin(division.name)) or division.code
