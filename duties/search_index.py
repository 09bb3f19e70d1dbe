"""Keep the search columns of the duty lists current.

Called wherever duty data is written: `load_duties`, the admin's save hooks and the
spreadsheet import; `manage.py reindex_search` rebuilds everything. A duty is also found
by the names of the departments that lead it, so renaming a department re-indexes the
duties it leads.
"""

from functools import lru_cache
from itertools import islice

from django.db.models import Prefetch

from duties.models import Department, Document, DutyItem, DutyRole, Provision
from search import searchable_text

BATCH_SIZE = 2000


def department_search_columns(department) -> tuple[str, str]:
    title = searchable_text(*dict.fromkeys([department.name, department.short_name, *department.aliases]))
    return title, title


def document_search_columns(document) -> tuple[str, str]:
    return searchable_text(document.title), searchable_text(document.title, document.doc_number)


def provision_search_columns(provision) -> tuple[str, str]:
    return provision_search_columns_of(provision.heading, provision.text)


def provision_search_columns_of(heading: str, text: str) -> tuple[str, str]:
    """The same for a provision not built as a model instance (an edition's rows, written in bulk)."""
    return searchable_text(heading), searchable_text(heading, text)


def duty_search_columns(duty) -> tuple[str, str]:
    """A duty's title is the names of its lead departments (as recorded and as written)."""
    return duty_search_columns_of(duty.text, duty.roles.all())


def duty_search_columns_of(text: str, roles, *, text_columns: str | None = None) -> tuple[str, str]:
    """The same for a duty not yet saved: its text and its roles (each with its department, or none).

    `text_columns`, when given, is `searchable_text(text)` computed already (an edition's row has it).
    """
    names = []
    for role in roles:
        if role.role in DutyRole.LEADING:
            names.append(role.name_as_written)
            if role.department is not None:
                names.extend([role.department.name, role.department.short_name])
    title = _title_text(tuple(dict.fromkeys(names)))
    normalised = searchable_text(text) if text_columns is None else text_columns
    return title, " ".join(filter(None, [title, normalised]))


@lru_cache(maxsize=4096)
def _title_text(names: tuple[str, ...]) -> str:
    """Lead departments' names repeat from duty to duty: normalise each set of them once."""
    return searchable_text(*names)


def _reindex(queryset, columns_of) -> int:
    """Write the search columns of every row of `queryset` whose columns are out of date."""
    changed, total = [], 0
    rows = queryset.order_by("pk").iterator(chunk_size=BATCH_SIZE)
    while batch := list(islice(rows, BATCH_SIZE)):
        for row in batch:
            title, text = columns_of(row)
            if (row.search_title, row.search_text) != (title, text):
                row.search_title, row.search_text = title, text
                changed.append(row)
        if changed:
            queryset.model.objects.using(queryset.db).bulk_update(changed, ["search_title", "search_text"])
            total += len(changed)
            changed = []
    return total


def reindex_departments(queryset=None) -> int:
    queryset = Department.objects.all() if queryset is None else queryset
    return _reindex(
        queryset.only("name", "short_name", "aliases", "search_title", "search_text"), department_search_columns
    )


def reindex_documents(queryset=None) -> int:
    queryset = Document.objects.all() if queryset is None else queryset
    return _reindex(queryset.only("title", "doc_number", "search_title", "search_text"), document_search_columns)


def reindex_provisions(queryset=None) -> int:
    queryset = Provision.objects.all() if queryset is None else queryset
    return _reindex(queryset.only("heading", "text", "search_title", "search_text"), provision_search_columns)


def reindex_duties(queryset=None) -> int:
    queryset = DutyItem.objects.all() if queryset is None else queryset
    lead_roles = DutyRole.objects.filter(role__in=DutyRole.LEADING).select_related("department")
    return _reindex(
        queryset.only("text", "search_title", "search_text").prefetch_related(Prefetch("roles", queryset=lead_roles)),
        duty_search_columns,
    )


def reindex_department(department) -> int:
    """Re-index a department and the duties it leads (their titles carry its names)."""
    departments = Department.objects.using(department._state.db).filter(pk=department.pk)
    duties = DutyItem.objects.using(department._state.db).filter(roles__department=department).distinct()
    return reindex_departments(departments) + reindex_duties(duties)


def reindex_all(using: str = "default") -> int:
    return (
        reindex_departments(Department.objects.using(using))
        + reindex_documents(Document.objects.using(using))
        + reindex_provisions(Provision.objects.using(using))
        + reindex_duties(DutyItem.objects.using(using))
    )
