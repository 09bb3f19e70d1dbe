"""Pieces every source shape uses: dates, document numbers, titles, and their repairs."""

import re

from .records import RepairRecord
from .source import SourceLine, SourceText

DATE_RE = re.compile(r"^(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日$")
# A date that lost its 年, 月 and 日 in scraping: 20231211.
BARE_DATE_RE = re.compile(r"^(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])$")
DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]+〔\d{4}〕\d+号$")
# A document number that lost its closing bracket: 〔202258号 for 〔2022〕58号.
BROKEN_DOC_NUMBER_RE = re.compile(r"〔(?P<year>(?:19|20)\d{2})(?P<serial>\d{1,4})号")
PUBLIC_NOTICE_RE = re.compile(r"^[(（]此件.*公开")
CLOSING_RE = re.compile(r"^本(?:通知|意见|方案|措施|办法)由")


def is_date_line(text: str) -> bool:
    return bool(DATE_RE.match(text) or BARE_DATE_RE.match(text))


def parse_date_line(source: SourceText, line: SourceLine, repairs: list[RepairRecord]) -> tuple[int, int, int]:
    """Read 2023年10月7日; read 20231211 too, recording the repair."""
    if match := DATE_RE.match(line.text):
        return int(match["year"]), int(match["month"]), int(match["day"])
    if match := BARE_DATE_RE.match(line.text):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        repairs.append(
            RepairRecord(
                line.number,
                "date",
                line.text,
                f"{year}年{month}月{day}日",
                "成文日期的“年”“月”“日”在抓取中丢失，8 位数字按 年4位、月2位、日2位 读出。",
            )
        )
        return year, month, day
    raise source.error(line.number, f"expected a date such as 2023年10月7日, found {line.text[:30]!r}")


def repair_doc_numbers(text: str, line: int, repairs: list[RepairRecord]) -> str:
    """Restore the closing 〕 of a cited document number, recording each repair."""

    def restore(match):
        repaired = f"〔{match['year']}〕{match['serial']}号"
        repairs.append(
            RepairRecord(
                line,
                "doc-number",
                match.group(0),
                repaired,
                "文号的“〕”在抓取中丢失：年份固定为 4 位，其后为序号，补回“〕”。",
            )
        )
        return repaired

    return BROKEN_DOC_NUMBER_RE.sub(restore, text)


def quoted_title(text: str) -> str | None:
    """The outermost 《…》 title in a line, keeping any nested 〈〉 or 《》."""
    start = text.find("《")
    if start < 0:
        return None
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "《":
            depth += 1
        elif text[index] == "》":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index]
    return None
