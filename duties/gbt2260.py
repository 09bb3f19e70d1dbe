"""What a GB/T 2260 code says about its jurisdiction: its level (from its zeros) and the codes above it.

The first two digits are the province, the next two the prefecture, the last two the county: 360000 is
Jiangxi, 360400 its city 九江市, 360402 a district of 九江市. A county directly under its province (the
municipalities' districts, 省直辖县级行政单位 such as 济源市 419001) has no prefecture of its own in the records.
"""

from django.utils.translation import gettext_lazy as _

from duties.models import Jurisdiction

LEVEL_FROM_CODE = _("代码 %(code)s 是%(level)s行政区（%(why)s）：层级应为“%(level)s”。")
WHY_PROVINCE = _("后四位为 0")
WHY_PREFECTURE = _("后两位为 0，中间两位不为 0")
WHY_COUNTY = _("后两位不为 0")
PROVINCE_HAS_NO_PARENT = _("省级行政区没有上级行政区。")
PARENT_FROM_CODE = _(
    "代码 %(code)s 的上级应是 %(expected)s（代码前两位是省，接着两位是地级市、州）：不能放在 %(parent)s 之下。"
)
PARENT_MISSING = _("代码 %(code)s 的上级应是 %(expected)s：请选择它（还没有的话先添加它）。")
KIND_OF_LEVEL = _("“%(kind)s”不是%(level)s行政区的类型：可选 %(kinds)s。")

KINDS_OF_LEVEL = {
    Jurisdiction.Level.PROVINCE: [
        Jurisdiction.Kind.PROVINCE,
        Jurisdiction.Kind.MUNICIPALITY,
        Jurisdiction.Kind.AUTONOMOUS_REGION,
        Jurisdiction.Kind.SPECIAL_ADMINISTRATIVE_REGION,
    ],
    Jurisdiction.Level.PREFECTURE: [Jurisdiction.Kind.CITY, Jurisdiction.Kind.PREFECTURE],
    Jurisdiction.Level.COUNTY: [Jurisdiction.Kind.DISTRICT, Jurisdiction.Kind.COUNTY],
}


def level_of(code: str) -> str:
    """A code's level, from its zeros."""
    if code[2:] == "0000":
        return Jurisdiction.Level.PROVINCE
    if code[4:] == "00":
        return Jurisdiction.Level.PREFECTURE
    return Jurisdiction.Level.COUNTY


def parent_code_of(code: str, existing_codes=frozenset()) -> str | None:
    """The code of the jurisdiction above: none for a province; a county's prefecture, or its province when
    that prefecture is not in the records (a municipality's districts, a county the province governs)."""
    level = level_of(code)
    if level == Jurisdiction.Level.PROVINCE:
        return None
    if level == Jurisdiction.Level.COUNTY and code[:4] + "00" in existing_codes:
        return code[:4] + "00"
    return code[:2] + "0000"


def code_errors(*, code: str, level: str, kind: str, parent: Jurisdiction | None) -> dict[str, str]:
    """Where a jurisdiction's code, level, kind and parent disagree: field name → message."""
    errors = {}
    expected_level = level_of(code)
    why = {
        Jurisdiction.Level.PROVINCE: WHY_PROVINCE,
        Jurisdiction.Level.PREFECTURE: WHY_PREFECTURE,
        Jurisdiction.Level.COUNTY: WHY_COUNTY,
    }[expected_level]
    label = Jurisdiction.Level(expected_level).label
    if level != expected_level:
        errors["level"] = LEVEL_FROM_CODE % {"code": code, "level": label, "why": why}
    if kind and kind not in KINDS_OF_LEVEL[expected_level]:
        kinds = "、".join(str(Jurisdiction.Kind(choice).label) for choice in KINDS_OF_LEVEL[expected_level])
        errors["kind"] = KIND_OF_LEVEL % {"kind": Jurisdiction.Kind(kind).label, "level": label, "kinds": kinds}
    candidates = {code[:4] + "00", code[:2] + "0000"} - {code}
    existing = set(Jurisdiction.objects.filter(code__in=candidates).values_list("code", flat=True))
    expected_parent = parent_code_of(code, existing)
    if expected_parent is None:
        if parent is not None:
            errors["parent"] = PROVINCE_HAS_NO_PARENT
    elif parent is None:
        errors["parent"] = PARENT_MISSING % {"code": code, "expected": expected_parent}
    elif parent.code != expected_parent:
        errors["parent"] = PARENT_FROM_CODE % {"code": code, "expected": expected_parent, "parent": parent.code}
    return errors
