"""Jilin's opinion on county governments' environmental duties (吉政办发〔2016〕56号).

Shape: a web page: navigation and link lists, then the issuer, the title split over lines,
the number, the addressee, a preamble, parts 一、 (some with plain paragraphs, some with
measures (一) restarting in each part), the issuer and date again, and the page footer
from the 责任编辑 line on.
"""

from .common import DATE_RE, DOC_NUMBER_RE, parse_date_line
from .records import IssuerRecord, ParsedDocument, ProvisionNode, RepairRecord
from .source import SourceText
from .structure import TreeBuilder, assign_anchors


def parse(source: SourceText) -> ParsedDocument:
    repairs: list[RepairRecord] = []
    number_line = source.find(DOC_NUMBER_RE.match, what="the document number such as 吉政办发〔2016〕56号")
    before = source.non_blank(1, number_line.number - 1)
    # Above the number: the issuer, then the title over one or more lines.
    issuer_index = max(i for i, line in enumerate(before) if line.text.endswith(("办公厅", "人民政府")))
    issuer = before[issuer_index]
    title = "".join(line.text for line in before[issuer_index + 1 :])

    after = source.non_blank(number_line.number + 1)
    addressee, preamble = after[0], after[1]
    date_line = source.find(DATE_RE.match, preamble.number, "the date of issue")
    signature = source.non_blank(preamble.number, date_line.number - 1)[-1]
    if signature.text != issuer.text:
        raise source.error(signature.number, f"expected the issuer {issuer.text!r} to sign above the date")
    issued = parse_date_line(source, date_line, repairs)

    builder = TreeBuilder(source, repairs)
    roots = builder.build(source.non_blank(preamble.number + 1, signature.number - 1))
    provisions = [
        ProvisionNode("notice", "", 1, "", addressee.text, addressee.number, addressee.number),
        ProvisionNode("preamble", "", 1, "", preamble.text, preamble.number, preamble.number),
        *roots,
    ]
    assign_anchors(provisions)
    return ParsedDocument(
        file_name=source.file_name,
        sha256=source.sha256,
        title=title,
        doc_number=number_line.text,
        issued=issued,
        script="simplified",
        assigns_duties=True,
        issuers=[IssuerRecord(issuer.text, issuer.text, issuer.number)],
        provisions=provisions,
        repairs=repairs,
    )
