"""Henan's measures implementing the national opinion (2023).

Shape: the notice (addressee, one paragraph, date, 此件主动公开), the title, a preamble,
parts 一、 with measures numbered (一)…(二十七) across the whole text, and a closing
paragraph (本通知由…负责解释). The text prints no document number and no issuing body.
"""

from .common import CLOSING_RE, PUBLIC_NOTICE_RE, parse_date_line
from .records import ParsedDocument, ProvisionNode, RepairRecord
from .source import SourceText
from .structure import TreeBuilder, assign_anchors


def parse(source: SourceText) -> ParsedDocument:
    repairs: list[RepairRecord] = []
    lines = source.non_blank()
    addressee, notice_body, date_line = lines[0], lines[1], lines[2]
    issued = parse_date_line(source, date_line, repairs)
    rest = lines[3:]
    if PUBLIC_NOTICE_RE.match(rest[0].text):
        rest = rest[1:]
    title_line, preamble = rest[0], rest[1]
    closing_line = source.find(CLOSING_RE.match, preamble.number, "the closing paragraph 本通知由…")

    builder = TreeBuilder(source, repairs)
    roots = builder.build(source.non_blank(preamble.number + 1, closing_line.number - 1))
    provisions = [
        ProvisionNode("notice", "", 1, "", addressee.text, addressee.number, addressee.number),
        ProvisionNode("notice", "", 2, "", notice_body.text, notice_body.number, notice_body.number),
        ProvisionNode("preamble", "", 1, "", preamble.text, preamble.number, preamble.number),
        *roots,
        *[
            ProvisionNode("closing", "", index, "", line.text, line.number, line.number)
            for index, line in enumerate(source.non_blank(closing_line.number), start=1)
        ],
    ]
    assign_anchors(provisions)
    return ParsedDocument(
        file_name=source.file_name,
        sha256=source.sha256,
        title=title_line.text,
        doc_number="",
        issued=issued,
        script="simplified",
        assigns_duties=True,
        issuers=[],
        provisions=provisions,
        repairs=repairs,
    )
