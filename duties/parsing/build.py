"""Parse every source text and assemble the Django fixture the portal loads.

The fixture's primary keys derive from the GB/T 2260 code and the position in the
document, so building twice gives byte-identical output and adding a province never
renumbers another's records.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from opencc import OpenCC

from ..sectors import SECTORS
from . import chongqing, henan, jiangxi, jiangxi_measures, jilin
from .assignments import AssignmentReader, DutyRecord
from .common import repair_doc_numbers
from .departments import DepartmentRegistry, JurisdictionSpec
from .fixture_records import document_objects_for
from .records import ParsedDocument, ProvisionNode, RepairRecord
from .rules import RuleRecord, read_rules
from .source import SourceError, SourceText, read_source

_to_simplified = OpenCC("t2s").convert


@dataclass(frozen=True)
class SourceSpec:
    file_name: str
    jurisdiction_code: str
    parse: Callable[[SourceText], ParsedDocument]
    # Whom the measures address when they name no subject (Jilin's county governments).
    default_subject: str | None = None


# GB/T 2260 codes; the names are as the documents print them.
JURISDICTIONS = (
    JurisdictionSpec("360000", "江西省", "江西", "jiangxi", "province", "province"),
    JurisdictionSpec("410000", "河南省", "河南", "henan", "province", "province"),
    JurisdictionSpec("500000", "重庆市", "重庆", "chongqing", "province", "municipality"),
    JurisdictionSpec("220000", "吉林省", "吉林", "jilin", "province", "province"),
)

SOURCES = (
    SourceSpec("000_7da49b89639e252e.txt", "360000", jiangxi.parse),
    SourceSpec("001_e2154617fca44299.txt", "360000", jiangxi_measures.parse),
    SourceSpec("002_93077c1f7bf33f6f.txt", "410000", henan.parse),
    SourceSpec("004_6018938df5840922.txt", "500000", chongqing.parse),
    SourceSpec("003_5752f4fce0af3575.txt", "220000", jilin.parse, default_subject="县级政府"),
)


@dataclass
class JurisdictionData:
    spec: JurisdictionSpec
    registry: DepartmentRegistry
    documents: list[ParsedDocument] = field(default_factory=list)
    duties: dict[str, list[DutyRecord]] = field(default_factory=dict)
    # Whether a document publishes an itemised list (its duties are specific items) or only sets
    # general requirements on many departments at once.
    itemised: dict[str, bool] = field(default_factory=dict)
    rules: dict[str, list[RuleRecord]] = field(default_factory=dict)


def parse_sources(directory: Path) -> list[JurisdictionData]:
    """Parse every source; raise SourceError naming the file and line on bad input."""
    result = []
    for spec in JURISDICTIONS:
        data = JurisdictionData(spec, DepartmentRegistry(spec))
        sources = [source for source in SOURCES if source.jurisdiction_code == spec.code]
        for source_spec in sources:
            path = directory / source_spec.file_name
            if not path.exists():
                raise SourceError(source_spec.file_name, None, f"the source file is missing from {directory}")
            document = source_spec.parse(read_source(path))
            repair_provision_texts(document)
            check_declared_counts(document)
            data.documents.append(document)
        for document in data.documents:
            add_issuers(data.registry, document)
        for source_spec, document in zip(sources, data.documents, strict=True):
            data.duties[document.file_name] = read_duties(data.registry, document, source_spec.default_subject)
            data.itemised[document.file_name] = any(root.kind == "annex" for root in document.provisions)
            data.rules[document.file_name] = read_rules(list(document.walk()))
        # Notes on names the sources do not print belong to the document that assigns duties.
        duty_document = next((d for d in data.documents if d.assigns_duties), data.documents[0])
        duty_document.repairs.extend(data.registry.finish())
        result.append(data)
    return result


def repair_provision_texts(document: ParsedDocument):
    for node in document.walk():
        repairs: list[RepairRecord] = []
        node.text = repair_doc_numbers(node.text, node.line_start, repairs)
        for repair in repairs:
            repair.provision = node
        document.repairs.extend(repairs)


def check_declared_counts(document: ParsedDocument):
    """The counts a document states about itself must be the counts parsed from it."""
    nodes = list(document.walk())
    in_annex = {id(n) for root in document.provisions if root.kind == "annex" for n in root.walk()}
    parsed = {
        "parts": sum(1 for n in nodes if n.kind == "part"),
        "measures": sum(1 for n in nodes if n.kind == "measure" and id(n) not in in_annex),
        "lead_departments": sum(1 for n in nodes if n.kind == "annex-section"),
        "duty_items": sum(1 for n in nodes if n.kind == "item"),
        "issuers": len(document.issuers),
    }
    for key, (declared, line) in document.declared_counts.items():
        if parsed[key] != declared:
            raise SourceError(
                document.file_name,
                line,
                f"the document states {declared} {key.replace('_', ' ')}, parsed {parsed[key]}",
            )


def add_issuers(registry: DepartmentRegistry, document: ParsedDocument):
    for issuer in document.issuers:
        simplified = _to_simplified(issuer.name)
        try:
            record = registry.add_official(simplified)
        except ValueError as exc:
            raise SourceError(document.file_name, issuer.line, str(exc)) from exc
        record.add_alias(issuer.name_as_written)
        if issuer.name != simplified:
            record.add_alias(issuer.name)


def read_duties(registry: DepartmentRegistry, document: ParsedDocument, default_subject: str | None):
    if not document.assigns_duties:
        return []
    reader = AssignmentReader(registry, document.file_name, document.repairs)
    annexes = [root for root in document.provisions if root.kind == "annex"]
    parts = [root for root in document.provisions if root.kind == "part"]
    nodes = [n for part in parts for n in part.walk()]
    for node in nodes:
        reader.mark_key_departments(node, create=not annexes)
    if not annexes:
        for node in nodes + [root for root in document.provisions if root.kind == "closing"]:
            reader.add_subject_departments(node)
    if annexes:
        return [duty for annex in annexes for duty in duties_from_annex(reader, annex)]
    duties = []
    for node in (n for part in parts for n in part.walk() if n.kind in ("measure", "paragraph")):
        if duty := reader.duty_from_measure(node, default_subject):
            duties.append(duty)
    return duties


def duties_from_annex(reader: AssignmentReader, annex: ProvisionNode) -> list[DutyRecord]:
    duties = []
    for section in annex.children:
        lead = reader.registry.resolve(section.heading)
        if lead is None:
            raise SourceError(reader.file_name, section.line_start, f"unknown department {section.heading!r}")
        for item in section.children:
            duties.append(reader.duty_from_item(item, lead, section.heading))
    return duties


# Fixture assembly -------------------------------------------------------------------


def build_fixture(directory: Path) -> list[dict]:
    objects = [
        {"model": "duties.sector", "pk": sector.code, "fields": {"name": sector.name, "position": position}}
        for position, sector in enumerate(SECTORS, start=1)
    ]
    for data in parse_sources(directory):
        objects.extend(jurisdiction_objects(data))
    return objects


def jurisdiction_objects(data: JurisdictionData) -> list[dict]:
    spec, code = data.spec, int(data.spec.code)
    objects = [
        {
            "model": "duties.jurisdiction",
            "pk": spec.code,
            "fields": {
                "name": spec.name,
                "short_name": spec.short_name,
                "slug": spec.slug,
                "level": spec.level,
                "kind": spec.kind,
                "parent": None,
            },
        }
    ]
    department_pk = {id(record): code * 1000 + record.position for record in data.registry}
    provision_pk: dict[int, int] = {}
    document_objects = []
    for position, document in enumerate(data.documents, start=1):
        document_pk = code * 100 + position
        document_objects.extend(
            document_objects_for(data, document, document_pk, position, department_pk, provision_pk)
        )
    for record in data.registry:
        key_provision = record.key_duties_provision
        objects.append(
            {
                "model": "duties.department",
                "pk": department_pk[id(record)],
                "fields": {
                    "jurisdiction": spec.code,
                    "name": record.name,
                    "name_attested": record.name_attested,
                    "short_name": record.short_name,
                    "aliases": record.aliases,
                    "sector": record.sector.code,
                    "slug": record.slug,
                    "bears_key_duties": record.bears_key_duties,
                    "key_duties_provision": provision_pk[id(key_provision[1])] if key_provision else None,
                    "position": record.position,
                },
            }
        )
    # A department points forward at the provision that lists it; loaddata checks such
    # references once the whole fixture is in, inside its transaction.
    return objects + document_objects


def render_fixture(objects: list[dict]) -> str:
    return json.dumps(objects, ensure_ascii=False, indent=1) + "\n"


def unresolved_mentions(objects: list[dict]) -> list[str]:
    """Names in duty texts that match no department: kept in the data, reported here."""
    duties = {obj["pk"]: obj for obj in objects if obj["model"] == "duties.dutyitem"}
    provisions = {obj["pk"]: obj for obj in objects if obj["model"] == "duties.provision"}
    report = []
    for obj in objects:
        if obj["model"] == "duties.dutyrole" and obj["fields"]["department"] is None:
            duty = duties[obj["fields"]["duty"]]
            line = provisions[duty["fields"]["provision"]]["fields"]["line_start"]
            report.append(
                f"duty {duty['pk']} (line {line}): {obj['fields']['role']} {obj['fields']['name_as_written']}"
            )
    return report
