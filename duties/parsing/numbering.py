"""Chinese numerals and the numbering patterns of the documents' structure."""

import re

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_NUMERAL = "[一二三四五六七八九十]+"

PART_RE = re.compile(rf"^(?P<number>{CHINESE_NUMERAL})、(?P<rest>.+)$")
MEASURE_RE = re.compile(rf"^[(（](?P<number>{CHINESE_NUMERAL})[)）](?P<rest>.+)$")
ITEM_RE = re.compile(r"^(?P<number>\d{1,3})[.．](?P<rest>.+)$")


def int_to_chinese(value: int) -> str:
    if not 1 <= value <= 99:
        raise ValueError(value)
    names = {v: k for k, v in _DIGITS.items()}
    tens, units = divmod(value, 10)
    if tens == 0:
        return names[units]
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")


# Each value in the one form the documents print it; 二二, 十十 and 一十 are not among them.
_VALUES = {int_to_chinese(value): value for value in range(1, 100)}


def chinese_to_int(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十二 → 22 (the documents never pass 99); a malformed numeral is a ValueError."""
    try:
        return _VALUES[numeral]
    except KeyError:
        raise ValueError(f"not a Chinese numeral: {numeral!r}") from None
