"""The Jiangxi Department of Ecology and Environment's 20 measures, in traditional characters.

Shape: one lead paragraph (the date without a year, the department, the count of measures),
then unnumbered headings each followed by one paragraph, and a 來源 (source) line.
The year is not printed anywhere, so it stays unknown.
"""

import re

from .records import IssuerRecord, ParsedDocument, ProvisionNode
from .source import SourceText
from .structure import assign_anchors, looks_like_bare_heading

LEAD_RE = re.compile(r"^(?P<month>\d{1,2})月(?P<day>\d{1,2})日,(?P<title>(?P<issuer>\S+?)提出(?P<count>\d+)條措施)")
SOURCE_RE = re.compile(r"^來源[:：](?P<issuer>.+)$")


def parse(source: SourceText) -> ParsedDocument:
    lines = source.non_blank()
    lead = lines[0]
    match = LEAD_RE.match(lead.text)
    if not match:
        raise source.error(lead.number, "expected a lead paragraph such as 3月4日,…提出20條措施")
    if not (source_match := SOURCE_RE.match(lines[-1].text)):
        raise source.error(lines[-1].number, "expected the closing 來源: line")

    measures = []
    body = lines[1:-1]
    if len(body) % 2:
        raise source.error(body[-1].number, "a measure heading without its paragraph")
    for heading, paragraph in zip(body[0::2], body[1::2], strict=True):
        if not looks_like_bare_heading(heading.text):
            raise source.error(heading.number, f"expected a measure heading, found {heading.text[:30]!r}")
        measures.append(
            ProvisionNode(
                "measure", "", len(measures) + 1, heading.text, paragraph.text, heading.number, paragraph.number
            )
        )

    provisions = [
        ProvisionNode("preamble", "", 1, "", lead.text, lead.number, lead.number),
        *measures,
        ProvisionNode("closing", "", 1, "", lines[-1].text, lines[-1].number, lines[-1].number),
    ]
    assign_anchors(provisions)
    return ParsedDocument(
        file_name=source.file_name,
        sha256=source.sha256,
        title=match["title"],
        doc_number="",
        issued=(None, int(match["month"]), int(match["day"])),
        script="traditional",
        assigns_duties=False,
        issuers=[IssuerRecord(source_match["issuer"], source_match["issuer"], lines[-1].number)],
        provisions=provisions,
        declared_counts={"measures": (int(match["count"]), lead.number)},
    )
