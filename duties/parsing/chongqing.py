"""Chongqing's implementation plan (2023), issued by 19 bodies.

Shape: the page's 关怀版 switch and breadcrumb, the notice title naming the first twelve
issuers in full, the addressee and one paragraph, the signatories two to a line (some
missing their last character), the date written 20231211, 此件公开发布, the title over two
lines, a preamble, and parts (two of which lost their numeral) with measures restarting at
(一) in each part.
"""

import re

from .common import PUBLIC_NOTICE_RE, is_date_line, parse_date_line, quoted_title
from .records import IssuerRecord, ParsedDocument, ProvisionNode, RepairRecord
from .source import SourceText
from .structure import TreeBuilder, assign_anchors

NOTICE_RE = re.compile(r"关于印发《.+》的通知$")
ORGAN_SUFFIXES = ("局", "委员会", "院", "厅", "办公厅", "政府")


def parse(source: SourceText) -> ParsedDocument:
    repairs: list[RepairRecord] = []
    notice = source.find(NOTICE_RE.search, what="the notice title …关于印发《…》的通知")
    title = quoted_title(notice.text)
    named_in_notice = notice.text.split("等关于印发")[0].split()

    lines = source.non_blank(notice.number + 1)
    addressee, notice_body = lines[0], lines[1]
    date_index = next(i for i, line in enumerate(lines) if is_date_line(line.text))
    issuers = []
    for line in lines[2:date_index]:
        for written in line.text.split():
            issuers.append(
                IssuerRecord(
                    written, complete_name(source, written, line.number, named_in_notice, repairs), line.number
                )
            )
    issued = parse_date_line(source, lines[date_index], repairs)

    rest = lines[date_index + 1 :]
    if PUBLIC_NOTICE_RE.match(rest[0].text):
        rest = rest[1:]
    preamble_index = next(i for i, line in enumerate(rest) if line.text.startswith("为"))
    printed_title = "".join(line.text for line in rest[:preamble_index])
    if printed_title != title:
        raise source.error(rest[0].number, f"the printed title {printed_title!r} differs from the notice's {title!r}")
    preamble = rest[preamble_index]

    builder = TreeBuilder(source, repairs)
    roots = builder.build(rest[preamble_index + 1 :])
    provisions = [
        ProvisionNode("notice", "", 1, "", addressee.text, addressee.number, addressee.number),
        ProvisionNode("notice", "", 2, "", notice_body.text, notice_body.number, notice_body.number),
        ProvisionNode("preamble", "", 1, "", preamble.text, preamble.number, preamble.number),
        *roots,
    ]
    assign_anchors(provisions)
    return ParsedDocument(
        file_name=source.file_name,
        sha256=source.sha256,
        title=title,
        doc_number="",
        issued=issued,
        script="simplified",
        assigns_duties=True,
        issuers=issuers,
        provisions=provisions,
        repairs=repairs,
    )


def complete_name(source: SourceText, written: str, line: int, named_in_notice: list[str], repairs) -> str:
    """Return a signatory's full name, completing one that lost its last character."""
    if written.endswith(ORGAN_SUFFIXES):
        return written
    in_notice = [name for name in named_in_notice if name.startswith(written) and len(name) == len(written) + 1]
    if in_notice:
        full = in_notice[0]
        reason = f"落款名称缺最后一字；同一文件标题（第{source.find(lambda t: full in t).number}行）列有全称“{full}”。"
    else:
        # A full name that lost one character ends in 局 here: a municipality's departments
        # are 局 or 委员会 (three characters), and 院 belongs to courts and procuratorates.
        full = f"{written}局"
        reason = (
            "落款名称缺最后一字，标题未列其全称；直辖市政府部门全称以“局”或“委员会”结尾，"
            "缺一字者只能是“局”（“院”仅用于法院、检察院）。"
        )
    repairs.append(RepairRecord(line, "name", written, full, reason))
    return full
