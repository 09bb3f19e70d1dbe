"""Every FilterSet of the project filters every field of its model, or says why not.

The FilterSets are discovered, not listed: each project app's `filtersets` module is imported, then
every subclass of django-filter's FilterSet defined in the project is checked, as NetBox's
`test_missing_filters` does. A model field without a filter fails unless ANSWERED_BY names the
filter that answers it or NOT_FILTERED says why nobody chooses rows by it, so adding a field to a
model without deciding its filter fails CI. That every FilterSet serves some page or endpoint is
tested with the URLs: tests/test_url_query_counts.py.
"""

from importlib import import_module
from pathlib import Path

import django_filters
import pytest
from django.apps import apps
from django.conf import settings

from search import SearchableModel

# The search columns every searchable model keeps: `search` filters them.
SEARCH_COLUMNS = {field.name for field in SearchableModel._meta.local_fields}


def project_filtersets():
    """Every FilterSet class defined in the project's own packages, after importing each app's `filtersets`."""
    base_dir = Path(settings.BASE_DIR)
    for app in apps.get_app_configs():
        if Path(app.path).parent != base_dir:
            continue  # Django's and third-party apps
        try:
            import_module(f"{app.name}.filtersets")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.filtersets":
                raise
    found, pending = set(), [django_filters.FilterSet]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            package = subclass.__module__.split(".")[0]
            if package != "tests" and (base_dir / package).is_dir():
                found.add(subclass)
    return sorted(found, key=lambda filterset: filterset.__name__)


FILTERSETS = project_filtersets()

SEARCHED = "search"  # the text is matched by ?search=, whatever the script or width
PLACE = "where it sits in its document: shown as the document's anchors and lines, not a way to choose rows"
ORDER = "the order the source prints: the list's own order, not a choice"
STAFF = "staff accounts are not public"

# A field answered by a filter of another name: field → that filter.
ANSWERED_BY = {
    "DepartmentFilterSet": {"name": SEARCHED, "short_name": SEARCHED, "aliases": SEARCHED},
    "DocumentFilterSet": {"title": SEARCHED, "doc_number": SEARCHED},
    "RequirementFilterSet": {
        "provision": "one requirement per provision: the document page links each provision",
        "number": "printed numbers repeat across documents and parts: the id names a requirement",
        "text": "the provision's text: the search page's provisions tab finds it",
        "position": ORDER,
    },
    "DutyItemFilterSet": {
        "text": SEARCHED,
        "departments": "department",  # with `role`; `lead_department` for the leading roles
        "valid_from": "as_of",
        "valid_until": "as_of",
    },
    "ProvisionFilterSet": {"heading": SEARCHED, "text": SEARCHED},
    "ReportFilterSet": {"overall": SEARCHED},
}

# A field nobody chooses rows by, and why.
PERSONAL = "the reporter's personal data: never a filter, never public (problems/)"
SHOWN = "shown with the problem and on its timeline; `status`, `overdue` and `year` choose by where it stands"

NOT_FILTERED = {
    "ProblemFilterSet": {
        "number": "the problem's own address (/api/v1/problems/{number}/)",
        "submit_token": "the form's one-submission token: internal",
        "access_key_hash": "the hash of the reporter's private link: secret",
        "place": "the exact place is not public: `jurisdiction` chooses by county",
        "description": "the reporter's own words are not public: `search` reads the office's published text",
        "public_text": "read by `search`",
        "observed_on": SHOWN,
        "inspection": "the inspection an entry came from: `source` chooses supervision problems",
        "reporter_name": PERSONAL,
        "reporter_phone": PERSONAL,
        "reporter_email": PERSONAL,
        "contact_purged_at": "when the contact data was removed: internal",
        "routing_record": "the lead departments proposed when it was filed, for the reporter's page: internal",
        "received_at": "`year` chooses by it",
        "published_at": SHOWN,
        "acceptance_due": SHOWN,
        "assigned_at": SHOWN,
        "accepted_at": SHOWN,
        "accepted_on_time": SHOWN,
        "handling_due": SHOWN,
        "extended_days": SHOWN,
        "extension_count": SHOWN,
        "handled_at": SHOWN,
        "handled_on_time": SHOWN,
        "closed_at": SHOWN,
        "created_by": "the staff account that entered a supervision problem: internal",
        "hotline": "the hotline system that filed it through Open311: internal",
    },
    "DepartmentFilterSet": {
        "name_attested": "a note on the department's page (the source printed no full name)",
        "slug": "the department's address, unique only within its jurisdiction: the API names departments by id",
        "key_duties_provision": "the provision that lists the key departments: shown, and `key_duties` chooses by it",
        "position": ORDER,
    },
    "DocumentFilterSet": {
        "issued_year": "a jurisdiction publishes a handful of documents, listed with their dates",
        "issued_month": "as issued_year; the sources often print only part of the date",
        "issued_day": "as issued_month",
        "source_file": "provenance, shown on the document's page",
        "source_sha256": "provenance, shown on the document's page",
        "script": "the search folds scripts, so nobody filters by them",
        "assigns_duties": "every document is listed, whether or not it assigns duties",
        "position": ORDER,
        "issuing_bodies": "a handful per document, shown on the document",
    },
    "RequirementFilterSet": {
        "provision": "one requirement per provision: the document page links each provision",
        "number": "printed numbers repeat across documents and parts: the id names a requirement",
        "text": "the provision's text: the search page's provisions tab finds it",
        "position": ORDER,
    },
    "DutyItemFilterSet": {
        "provision": "one duty per provision: the provision's duty is linked from the document page",
        "number": "printed numbers restart in each department's section (Jiangxi's annex): the id names a duty",
        "position": ORDER,
        "ended_by": "the edition's changes (/api/v1/editions/{id}/) list what it ended",
        "wording": "the new wording's row in the edition's file: shown on the duty's page",
    },
    "EditionFilterSet": {
        "basis": "read with the edition; a jurisdiction has few editions, newest first",
        "summary": "read with the edition",
        "document": "the edition's own file, linked from it",
        "created_by": STAFF,
        "created_at": "`effective_on` is the date that matters; the moment of publishing is in the audit trail",
    },
    "ProvisionFilterSet": {
        "parent": "the tree is shown on the document page",
        "number": PLACE,
        "ordinal": PLACE,
        "position": PLACE,
        "anchor": PLACE,
        "line_start": PLACE,
        "line_end": PLACE,
    },
    "ReportFilterSet": {
        "state": "only published reports are listed; drafts never appear",
        "version": "the counter that refuses a stale save: internal",
        "deadline": "follows from the province's rule and the year: `province` and `year` choose it",
        "submitted_at": "`on_time` is what a reader asks of it; the moment is shown",
        "submitted_by": STAFF,
        "published_at": "the list is newest first, and the Atom feeds follow new publications",
        "created_at": "a draft's history, not public",
        "updated_at": "a draft's history, not public",
        "updated_by": STAFF,
        "ready_for_review_at": "a draft's hand-over to its approver, not public",
        "ready_for_review_by": STAFF,
    },
}


def model_fields(model):
    """The fields rows could be chosen by: concrete fields and forward many-to-many, not reverse relations."""
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations: the other model's FilterSet has them
        if field.auto_created and field.primary_key:
            continue  # the id: each row's detail route
        yield field


def filter_of(filterset, field):
    """The name of the filter on `field`, by its own name or the model field it filters."""
    for name, declared in filterset.base_filters.items():
        if field.name in (name, declared.field_name):
            return name
    return None


def test_filtersets_are_found_in_every_app():
    modules = {filterset.__module__ for filterset in FILTERSETS}
    assert {"duties.filtersets", "reports.filtersets"} <= modules
    names = [filterset.__name__ for filterset in FILTERSETS]
    assert len(names) == len(set(names)), "two FilterSets share a name: the tables below are keyed by name"


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda filterset: filterset.__name__)
def test_every_model_field_has_a_filter_or_a_reason(filterset):
    model = filterset._meta.model
    answered_by = ANSWERED_BY.get(filterset.__name__, {})
    not_filtered = NOT_FILTERED.get(filterset.__name__, {})
    missing = []
    for field in model_fields(model):
        if field.name in not_filtered:
            continue
        if field.name in SEARCH_COLUMNS and issubclass(model, SearchableModel):
            expected = SEARCHED
        else:
            expected = answered_by.get(field.name) or filter_of(filterset, field)
        if expected is None or expected not in filterset.base_filters:
            missing.append(f"{model.__name__}.{field.name}" + (f" (expected filter {expected!r})" if expected else ""))
    assert not missing, (
        f"{filterset.__name__} has no filter for {', '.join(missing)}. Add a filter, or name the filter that "
        f"answers the field in ANSWERED_BY, or say in NOT_FILTERED why nobody chooses rows by it "
        f"(tests/test_filterset_completeness.py)."
    )


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda filterset: filterset.__name__)
def test_every_exception_names_a_field_of_the_model_without_its_own_filter(filterset):
    fields = {field.name: field for field in model_fields(filterset._meta.model)}
    stale = [name for name in ANSWERED_BY.get(filterset.__name__, {}) if name not in fields]
    for name in NOT_FILTERED.get(filterset.__name__, {}):
        if name not in fields or filter_of(filterset, fields[name]):
            stale.append(name)
    assert not stale, f"remove {stale} from the tables of {filterset.__name__}: no such field, or it has a filter now"


def test_the_tables_name_only_filtersets_that_exist():
    names = {filterset.__name__ for filterset in FILTERSETS}
    assert set(ANSWERED_BY) | set(NOT_FILTERED) <= names
