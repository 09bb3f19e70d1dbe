"""One parsed document as fixture records (Django's serialisation format), with primary keys derived from
its province's code and each record's position, so that adding a province never renumbers another's."""

from opencc import OpenCC

from .records import ProvisionNode

_to_simplified = OpenCC("t2s").convert


def _record(model: str, pk: int, fields: dict) -> dict:
    return {"model": f"duties.{model}", "pk": pk, "fields": fields}


def document_objects_for(data, document, document_pk, position, department_pk, provision_pk) -> list[dict]:
    """The document, its issuers, provisions, duties with their roles, repairs and rules, in that order."""
    year, month, day = document.issued
    objects = [
        _record(
            "document",
            document_pk,
            {
                "jurisdiction": data.spec.code,
                "title": document.title,
                "doc_number": document.doc_number,
                "issued_year": year,
                "issued_month": month,
                "issued_day": day,
                "source_file": document.file_name,
                "source_sha256": document.sha256,
                "script": document.script,
                "assigns_duties": document.assigns_duties,
                "position": position,
            },
        )
    ]
    issuer_departments = _issuer_records(objects, data, document, document_pk, department_pk)
    _provision_records(objects, document, document_pk, provision_pk)
    _duty_records(objects, data, document, document_pk, department_pk, provision_pk)
    _repair_records(objects, data, document, document_pk, department_pk, provision_pk, issuer_departments)
    _rule_records(objects, data, document, document_pk, provision_pk)
    return objects


def _issuer_records(objects, data, document, document_pk, department_pk) -> dict:
    """The issuing bodies; returns each written name's department record (repairs of names point to it)."""
    issuer_departments = {}
    for index, issuer in enumerate(document.issuers, start=1):
        record = data.registry.resolve(_to_simplified(issuer.name))
        issuer_departments[issuer.name_as_written] = record
        fields = {
            "document": document_pk,
            "department": department_pk[id(record)],
            "name_as_written": issuer.name_as_written,
            "position": index,
        }
        objects.append(_record("documentissuer", document_pk * 100 + index, fields))
    return issuer_departments


def _provision_records(objects, document, document_pk, provision_pk) -> None:
    """The provision tree in reading order (depth first); `provision_pk` learns each node's key."""
    in_document: list[int] = []

    def visit(node: ProvisionNode, parent_pk: int | None):
        pk = document_pk * 10000 + len(in_document) + 1
        in_document.append(pk)
        provision_pk[id(node)] = pk
        fields = {
            "document": document_pk,
            "parent": parent_pk,
            "kind": node.kind,
            "number": node.number,
            "ordinal": node.ordinal,
            "heading": node.heading,
            "text": node.text,
            "position": len(in_document),
            "anchor": node.anchor,
            "line_start": node.line_start,
            "line_end": node.line_end,
        }
        objects.append(_record("provision", pk, fields))
        for child in node.children:
            visit(child, pk)

    for root in document.provisions:
        visit(root, None)


def _duty_records(objects, data, document, document_pk, department_pk, provision_pk) -> None:
    """An itemised list's entries are specific duty items; any other document's are general requirements."""
    itemised = data.itemised[document.file_name]
    model, role_model, parent = (
        ("dutyitem", "dutyrole", "duty") if itemised else ("requirement", "requirementrole", "requirement")
    )
    for index, duty in enumerate(data.duties[document.file_name], start=1):
        duty_pk = document_pk * 1000 + index
        fields = {
            "document": document_pk,
            "provision": provision_pk[id(duty.provision)],
            "number": duty.number,
            "text": duty.text,
            "position": index,
        }
        objects.append(_record(model, duty_pk, fields))
        for role_index, role in enumerate(duty.roles, start=1):
            role_fields = {
                parent: duty_pk,
                "department": department_pk[id(role.department)] if role.department else None,
                "role": role.role,
                "name_as_written": role.written,
                "position": role_index,
            }
            objects.append(_record(role_model, duty_pk * 100 + role_index, role_fields))


def _repair_records(objects, data, document, document_pk, department_pk, provision_pk, issuer_departments) -> None:
    """Each repair, on its provision (or the innermost one holding its line) and department where it has one."""
    nodes = list(document.walk())
    for index, repair in enumerate(sorted(document.repairs, key=lambda r: r.line), start=1):
        provision = repair.provision or next(
            (n for n in nodes if n.line_start <= repair.line <= n.line_end and not n.children), None
        )
        department = None
        if repair.department_key:
            department = data.registry.by_sector[repair.department_key]
        elif repair.kind == "name":
            department = issuer_departments.get(repair.original)
        fields = {
            "document": document_pk,
            "line": repair.line,
            "kind": repair.kind,
            "original": repair.original,
            "repaired": repair.repaired,
            "reason": repair.reason,
            "provision": provision_pk[id(provision)] if provision else None,
            "department": department_pk[id(department)] if department else None,
        }
        objects.append(_record("repair", document_pk * 1000 + index, fields))


def _rule_records(objects, data, document, document_pk, provision_pk) -> None:
    for index, rule in enumerate(data.rules[document.file_name], start=1):
        fields = {
            "jurisdiction": data.spec.code,
            "document": document_pk,
            "provision": provision_pk[id(rule.provision)],
            "kind": rule.kind,
            "text_as_written": rule.text_as_written,
            "deadline_month": rule.deadline_month,
            "deadline_day": rule.deadline_day,
            "months_after_issue": rule.months_after_issue,
            "quarter": rule.quarter,
            "topic": rule.topic,
            "submit_to": rule.submit_to,
            "copy_to": rule.copy_to,
            "publish_online": rule.publish_online,
            "position": index,
        }
        objects.append(_record("reportingrule", document_pk * 100 + index, fields))
