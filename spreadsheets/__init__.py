"""What every file the portal exports shares: a text cell that no spreadsheet program runs as a formula.

Excel, LibreOffice and Numbers run a CSV cell that starts with =, +, - or @ (a tab or a carriage return
first, too) as a formula, which can read other cells or start programs (CSV injection). Every CSV export
(the list template, the API, the compliance board) writes such a cell with an apostrophe before it, so it
opens as the text it is; XLSX exports write every text as a text cell, which no program evaluates.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_PREFIX = "'"


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def formula_guarded(value):
    """A CSV cell that opens as text: an apostrophe before a text that a spreadsheet would run as a formula.

    Numbers and other values are returned as they are (a negative number is a number, not a formula).
    """
    if isinstance(value, str) and starts_like_formula(value):
        return TEXT_PREFIX + value
    return value
