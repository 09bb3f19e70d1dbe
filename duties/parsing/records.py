"""What a source-shape parser hands to the fixture builder: plain data, no ORM."""

from dataclasses import dataclass, field


@dataclass
class ProvisionNode:
    kind: str
    number: str  # as printed: "一", "(三)" without brackets, "1"; "" when the text prints none
    ordinal: int  # the printed number's value, or the position among siblings when unnumbered
    heading: str
    text: str
    line_start: int
    line_end: int
    children: list["ProvisionNode"] = field(default_factory=list)
    anchor: str = ""

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class RepairRecord:
    line: int
    kind: str
    original: str
    repaired: str
    reason: str
    provision: ProvisionNode | None = None
    department_key: str | None = None  # the registry key of the department it concerns


@dataclass
class IssuerRecord:
    name_as_written: str
    name: str  # after any repair
    line: int


@dataclass
class ParsedDocument:
    file_name: str
    sha256: str
    title: str
    doc_number: str
    issued: tuple[int | None, int | None, int | None]
    script: str
    assigns_duties: bool
    issuers: list[IssuerRecord]
    provisions: list[ProvisionNode]
    repairs: list[RepairRecord] = field(default_factory=list)
    # Counts the document states about itself ("正文共分6个部分、22条具体措施"), checked after parsing.
    declared_counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def walk(self):
        for root in self.provisions:
            yield from root.walk()
