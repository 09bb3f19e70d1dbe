"""What the duty-list documents say: jurisdictions, departments, documents, their
provisions, the duties each department leads, and the reporting rules."""

from duties.audit import AuditEntry
from duties.models.departments import Department, DepartmentQuerySet
from duties.models.documents import Document, DocumentIssuer, Provision, Repair
from duties.models.jurisdictions import Jurisdiction, Sector, province_slug_of
from duties.models.lists import DutyItem, DutyItemQuerySet, DutyRole, Edition, valid_on
from duties.models.offices import CommitteeOffice, office_codes
from duties.models.requirements import EntrySubject, Requirement, RequirementRole
from duties.models.rules import ReportingRule

__all__ = [
    "AuditEntry",
    "CommitteeOffice",
    "Department",
    "DepartmentQuerySet",
    "Document",
    "DocumentIssuer",
    "DutyItem",
    "DutyItemQuerySet",
    "DutyRole",
    "Edition",
    "EntrySubject",
    "Jurisdiction",
    "Provision",
    "Repair",
    "Requirement",
    "RequirementRole",
    "ReportingRule",
    "Sector",
    "province_slug_of",
    "office_codes",
    "valid_on",
]
