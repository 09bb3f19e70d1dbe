"""Chinese numerals and the numbering patterns of the documents' structure."""

import re

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMERAL = "[一二三四五六七八九十]+"

PART_RE = re.compile(rf"^(?P<number>{CHINESE_NUMERAL})、(?P<rest>.+)$")
MEASURE_RE = re.compile(rf"^[(（](?P<number>{CHINESE_NUMERAL})[)）](?P<rest>.+)$")
ITEM_RE = re.compile(r"^(?P<number>\d{1,3})[.．](?P<rest>.+)$")


def chinese_to_int(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十二 → 22 (the documents never pass 99)."""
    if not numeral or any(ch not in _DIGITS and ch != "十" for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if "十" not in numeral:
        if len(numeral) != 1:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
        return _DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def int_to_chinese(value: int) -> str:
    if not 1 <= value <= 99:
        raise ValueError(value)
    names = {v: k for k, v in _DIGITS.items()}
    tens, units = divmod(value, 10)
    if tens == 0:
        return names[units]
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")
