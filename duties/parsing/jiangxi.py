"""Jiangxi's implementation opinion with its annex, the itemised list of lead duties.

Shape: a news lead (which states the counts), the notice 关于印发《…》的通知 with its number,
issuing bodies run together two to a line, the date, the opinion in parts and measures,
then 附件: sections 一、<department> with items 1. 2. … restarting in each section, and the
closing lines (注, 抄送, 印发). Link lists after the 印发 line are the web page's, not the
document's.
"""

import re

from .common import DATE_RE, DOC_NUMBER_RE, PUBLIC_NOTICE_RE, parse_date_line, quoted_title
from .numbering import ITEM_RE, PART_RE, int_to_chinese
from .records import IssuerRecord, ParsedDocument, ProvisionNode, RepairRecord
from .source import SourceText
from .structure import TreeBuilder, assign_anchors, numeral_value

NOTICE_RE = re.compile(r"^关于印发《.+》的通知$")
ISSUER_RE = re.compile(r"江西省.+?(?=江西省|$)")
COUNT_PATTERNS = {
    # Each pattern reads a count the document states about itself.
    "parts": re.compile(r"正文共分(\d+)个部分"),
    "measures": re.compile(r"(\d+)条具体措施"),
    "lead_departments": re.compile(r"等(\d+)个承担重要生态环境保护职责部门"),
    "duty_items": re.compile(r"共(\d+)项生态环境保护具体事项"),
    "issuers": re.compile(r"等(\d+)个部门联合印发"),
}


def parse(source: SourceText) -> ParsedDocument:
    repairs: list[RepairRecord] = []
    notice = source.find(NOTICE_RE.match, what="the notice title 关于印发《…》的通知")
    title = quoted_title(notice.text)

    declared = {}
    for line in source.non_blank(1, notice.number - 1):
        for key, pattern in COUNT_PATTERNS.items():
            if key not in declared and (match := pattern.search(line.text)):
                declared[key] = (int(match.group(1)), line.number)

    after_notice = source.non_blank(notice.number + 1)
    number_line, addressee, notice_body = after_notice[0], after_notice[1], after_notice[2]
    if not DOC_NUMBER_RE.match(number_line.text):
        raise source.error(number_line.number, "expected the document number after the notice title")

    issuers, date_line = _issuers(source, after_notice)
    issued = parse_date_line(source, date_line, repairs)

    rest = source.non_blank(date_line.number + 1)
    if PUBLIC_NOTICE_RE.match(rest[0].text):
        rest = rest[1:]
    if rest[0].text != title:
        raise source.error(rest[0].number, f"expected the title {title!r} before the text")
    preamble_line = rest[1]

    annex_ref = source.find(lambda t: t.startswith("附件:") or t.startswith("附件："), preamble_line.number, "附件:")
    builder = TreeBuilder(source, repairs)
    roots = builder.build(source.non_blank(preamble_line.number + 1, annex_ref.number - 1))

    provisions = [
        ProvisionNode("notice", "", 1, "", addressee.text, addressee.number, addressee.number),
        ProvisionNode("notice", "", 2, "", notice_body.text, notice_body.number, notice_body.number),
        ProvisionNode("preamble", "", 1, "", preamble_line.text, preamble_line.number, preamble_line.number),
        *roots,
    ]
    annex, closing = parse_annex(source, annex_ref.number)
    provisions.append(annex)
    provisions.extend(closing)
    assign_anchors(provisions)
    return ParsedDocument(
        file_name=source.file_name,
        sha256=source.sha256,
        title=title,
        doc_number=number_line.text,
        issued=issued,
        script="simplified",
        assigns_duties=True,
        issuers=issuers,
        provisions=provisions,
        repairs=repairs,
        declared_counts=declared,
    )


def _issuers(source: SourceText, after_notice) -> tuple[list[IssuerRecord], object]:
    """The issuing bodies, one or more per line after the notice's text, up to the date line (returned too)."""
    issuers, cursor = [], 3
    while not DATE_RE.match(after_notice[cursor].text):
        line = after_notice[cursor]
        names = ISSUER_RE.findall(line.text)
        if not names:
            raise source.error(line.number, f"expected issuing bodies, found {line.text[:30]!r}")
        issuers.extend(IssuerRecord(name, name, line.number) for name in names)
        cursor += 1
    return issuers, after_notice[cursor]


def parse_annex(source: SourceText, annex_ref_line: int) -> tuple[ProvisionNode, list[ProvisionNode]]:
    """附件: the annex title over one or more lines, sections 一、<department>, items 1. 2. …"""
    lines = source.non_blank(annex_ref_line + 1)
    if lines[0].text != "附件":
        raise source.error(lines[0].number, "expected the line 附件 opening the annex")
    title_lines = []
    index = 1
    while not PART_RE.match(lines[index].text):
        title_lines.append(lines[index])
        index += 1
    annex = ProvisionNode(
        "annex", "", 1, "".join(line.text for line in title_lines), "", lines[0].number, lines[0].number
    )

    section = None
    closing: list[ProvisionNode] = []
    for position, line in enumerate(lines[index:], start=index):
        if line.text.startswith(("注:", "注：")):
            closing = parse_closing(source, lines[position:])
            break
        if match := PART_RE.match(line.text):
            value = numeral_value(source, line, "annex section", "{}、", match["number"], len(annex.children) + 1)
            if value != len(annex.children) + 1:
                expected = int_to_chinese(len(annex.children) + 1)
                raise source.error(
                    line.number, f"annex section {match['number']}、 out of sequence: expected {expected}、"
                )
            section = ProvisionNode(
                "annex-section", match["number"], value, match["rest"], "", line.number, line.number
            )
            annex.children.append(section)
        elif match := ITEM_RE.match(line.text):
            if section is None:
                raise source.error(line.number, "an item before the first department section of the annex")
            value = int(match["number"])
            expected = len(section.children) + 1
            if value != expected:
                problem = "is duplicated" if value < expected else "skips a number"
                raise source.error(line.number, f"item {value}. {problem}: expected {expected}.")
            section.children.append(
                ProvisionNode("item", match["number"], value, "", match["rest"], line.number, line.number)
            )
        else:
            raise source.error(line.number, f"cannot place this line in the annex: {line.text[:30]!r}")
        annex.line_end = line.number
    return annex, closing


def parse_closing(source: SourceText, lines) -> list[ProvisionNode]:
    """The note, 抄送 and 印发 lines; the web page's link list after 印发 is not the document's."""
    closing = []
    for line in lines:
        closing.append(ProvisionNode("closing", "", len(closing) + 1, "", line.text, line.number, line.number))
        if line.text.endswith("印发"):
            return closing
    raise source.error(lines[0].number, "the annex has no closing line ending in 印发")
