"""Building a document's provision tree (parts 一、, measures (一), items 1.) from its lines.

Numbering is checked as it is read: a duplicated or skipped number is a SourceError that
names the line. A short heading line that lost its numeral is repaired from the sequence
and the repair recorded.
"""

from .numbering import ITEM_RE, MEASURE_RE, PART_RE, chinese_to_int, int_to_chinese
from .records import ProvisionNode, RepairRecord
from .source import SourceLine, SourceText

HEADING_MAX_LENGTH = 40
_SENTENCE_PUNCTUATION = "。，,;；:："


def split_heading(rest: str) -> tuple[str, str]:
    """'提高政治站位。各地各部门要…' → ('提高政治站位', '各地各部门要…')."""
    heading, stop, body = rest.partition("。")
    if stop and len(heading) <= HEADING_MAX_LENGTH:
        return heading, body
    return "", rest


def numeral_value(source: SourceText, line: SourceLine, kind: str, shape: str, numeral: str, expected: int) -> int:
    """The value of a heading's numeral; a malformed one (二二、, (十十)) is an error naming the line.

    `shape` is how the heading prints its number ('{}、', '({})'), `expected` the value due there.
    """
    try:
        return chinese_to_int(numeral)
    except ValueError:
        printed, due = shape.format(numeral), shape.format(int_to_chinese(expected))
        raise source.error(line.number, f"{kind} {printed} has a malformed numeral: expected {due}") from None


def looks_like_bare_heading(text: str) -> bool:
    """A short line with no sentence punctuation: a heading, not a paragraph."""
    return len(text) <= HEADING_MAX_LENGTH and not any(mark in text for mark in _SENTENCE_PUNCTUATION)


class TreeBuilder:
    """Read the body lines of a document into parts, measures and paragraphs."""

    def __init__(self, source: SourceText, repairs: list[RepairRecord]):
        self.source = source
        self.repairs = repairs
        self.roots: list[ProvisionNode] = []
        self.part: ProvisionNode | None = None
        self.last: ProvisionNode | None = None
        self.last_measure_value = 0

    def build(self, lines: list[SourceLine]) -> list[ProvisionNode]:
        for index, line in enumerate(lines):
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            self.read(line, following)
        return self.roots

    def read(self, line: SourceLine, following: str):
        text = line.text
        if match := PART_RE.match(text):
            self.add_part(line, match["number"], match["rest"])
        elif match := MEASURE_RE.match(text):
            self.add_measure(line, match["number"], match["rest"])
        elif ITEM_RE.match(text):
            raise self.source.error(
                line.number, f"cannot place the numbered item {text[:20]!r} outside an itemised list"
            )
        elif self.part is not None and looks_like_bare_heading(text) and MEASURE_RE.match(following):
            self.add_part_missing_numeral(line)
        else:
            self.add_paragraph(line)

    def expected_part(self) -> int:
        return sum(1 for node in self.roots if node.kind == "part") + 1

    def add_part(self, line: SourceLine, number: str, heading: str):
        expected = self.expected_part()
        value = numeral_value(self.source, line, "part", "{}、", number, expected)
        if value != expected:
            problem = "is duplicated" if value < expected else "skips a number"
            raise self.source.error(line.number, f"part {number}、 {problem}: expected {int_to_chinese(expected)}、")
        self.part = ProvisionNode("part", number, value, heading, "", line.number, line.number)
        self.roots.append(self.part)
        self.last = self.part

    def add_part_missing_numeral(self, line: SourceLine):
        value = self.expected_part()
        number, previous = int_to_chinese(value), int_to_chinese(value - 1)
        self.add_part(line, number, line.text)
        self.repairs.append(
            RepairRecord(
                line.number,
                "numeral",
                line.text,
                f"{number}、{line.text}",
                f"部分标题缺少序号：前一部分为“{previous}、”，其后紧接“(一)”条目，按顺序补为“{number}、”。",
                provision=self.part,
            )
        )

    def add_measure(self, line: SourceLine, number: str, rest: str):
        value = numeral_value(self.source, line, "measure", "({})", number, self.last_measure_value + 1)
        siblings = [c for c in (self.part.children if self.part else self.roots) if c.kind == "measure"]
        continues = value == self.last_measure_value + 1
        restarts = value == 1 and not siblings
        if not (continues or restarts):
            problem = "is duplicated" if value <= self.last_measure_value else "skips a number"
            expected = int_to_chinese(self.last_measure_value + 1)
            raise self.source.error(line.number, f"measure ({number}) {problem}: expected ({expected})")
        heading, body = split_heading(rest)
        printed = line.text[: len(number) + 2]  # the numeral with its brackets as printed: (一) or （一）
        node = ProvisionNode("measure", printed, value, heading, body, line.number, line.number)
        (self.part.children if self.part else self.roots).append(node)
        self.last_measure_value = value
        self.last = node

    def add_paragraph(self, line: SourceLine):
        if self.last is not None and self.last.kind == "measure":
            # A second paragraph of the same measure.
            self.last.text = f"{self.last.text}\n{line.text}" if self.last.text else line.text
            self.last.line_end = line.number
            return
        siblings = self.part.children if self.part else self.roots
        ordinal = sum(1 for c in siblings if c.kind == "paragraph") + 1
        node = ProvisionNode("paragraph", "", ordinal, "", line.text, line.number, line.number)
        siblings.append(node)
        if self.part is None:
            self.last = node


def assign_anchors(roots: list[ProvisionNode]):
    """Give every node a stable anchor built from the printed numbering: p3-m9, annex-d6-i5."""
    prefixes = {
        "notice": "notice",
        "preamble": "preamble",
        "part": "p",
        "measure": "m",
        "paragraph": "s",
        "annex": "annex",
        "annex-section": "d",
        "item": "i",
        "closing": "closing",
    }

    def visit(node: ProvisionNode, parent_anchor: str):
        own = f"{prefixes[node.kind]}{node.ordinal}" if node.kind not in ("annex",) else "annex"
        node.anchor = f"{parent_anchor}-{own}" if parent_anchor else own
        for child in node.children:
            visit(child, node.anchor)

    for root in roots:
        visit(root, "")
