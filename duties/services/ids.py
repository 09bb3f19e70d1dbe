"""Ids of the records the portal creates (the admin, an import): each derives from its own jurisdiction's code.

The fixture numbers every record from its jurisdiction's GB/T 2260 code and its position
(duties/parsing/fixture_records.py: a department is code × 1000 + n, a document code × 100 + n, a
provision document × 10⁴ + n, a duty document × 1000 + n, a role duty × 100 + n), so that a province
added to the fixture never renumbers another's. Records created here follow the same scheme, never the
table's highest id (which put a new province's department inside Chongqing's range, where a later
fixture row would overwrite it), and keep out of the part of each range the fixture numbers:

| record | id | the fixture's part | the portal's part |
|---|---|---|---|
| department | code × 1000 + n | n ≤ 500 | 501–999 |
| document | code × 10⁴ + n (10 digits) | its 8-digit code × 100 + n | 1–9 999 |
| provision, duty | document × 10⁵ + n | (a fixture document's: × 10⁴ and × 1000) | 1–99 999 |
| …of a fixture document | document × 10⁴ + n, document × 1000 + n | n ≤ 5 000, n ≤ 500 | above |
| role, issuer | parent × 100 + n | n ≤ 50 | 51–99 (of a portal parent: 1–99) |

A version an edition makes is numbered after its row in the edition's document (the same id as that row's
provision), whichever document its source is.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from duties.models import (
    Department,
    Document,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Jurisdiction,
    Provision,
    Repair,
    ReportingRule,
)

TOO_MANY_ROWS = _("一个清单版本最多 %(count)s 行。")
RANGE_FULL = _("%(parent)s 的编号已用完（%(model)s 最多 %(count)s 个）：请联系维护者。")

FIXTURE_DOCUMENT_BELOW = 10**8  # the fixture's documents: an 8-digit code × 100 + n
FIXTURE_DUTY_BELOW = 10**11  # their duties: document × 1000 + n
PORTAL_DOCUMENT_WIDTH = 10**4
PORTAL_ROWS_WIDTH = 10**5  # provisions and duties of a portal document: at most 99,999


@dataclass(frozen=True)
class IdRange:
    """The ids [first, last] that records of one parent take."""

    first: int
    last: int

    def next_free(self, model, label) -> int:
        """One more than the highest id used in the range (its first when none is)."""
        used = model._base_manager.filter(pk__gte=self.first, pk__lte=self.last).aggregate(last=Max("pk"))["last"]
        candidate = self.first if used is None else used + 1
        if candidate > self.last:
            params = {"parent": label, "model": model._meta.verbose_name, "count": self.last - self.first + 1}
            raise ValidationError(RANGE_FULL, code="id_range_full", params=params)
        return candidate


def _children(parent_pk: int, width: int, fixture_part: int | None) -> IdRange:
    """parent × width + n, above the fixture's part when the parent is one the fixture numbers."""
    base = parent_pk * width
    return IdRange(base + (fixture_part or 0) + 1, base + width - 1)


def department_ids(jurisdiction_code: str) -> IdRange:
    return _children(int(jurisdiction_code), 1000, 500)


def document_ids(jurisdiction_code: str) -> IdRange:
    return _children(int(jurisdiction_code), PORTAL_DOCUMENT_WIDTH, None)


def provision_ids(document_pk: int) -> IdRange:
    if document_pk < FIXTURE_DOCUMENT_BELOW:
        return _children(document_pk, 10**4, 5000)
    return _children(document_pk, PORTAL_ROWS_WIDTH, None)


def duty_ids(document_pk: int) -> IdRange:
    if document_pk < FIXTURE_DOCUMENT_BELOW:
        return _children(document_pk, 1000, 500)
    return _children(document_pk, PORTAL_ROWS_WIDTH, None)


def role_ids(duty_pk: int) -> IdRange:
    return _children(duty_pk, 100, 50 if duty_pk < FIXTURE_DUTY_BELOW else None)


def issuer_ids(document_pk: int) -> IdRange:
    return _children(document_pk, 100, 50 if document_pk < FIXTURE_DOCUMENT_BELOW else None)


def repair_ids(document_pk: int) -> IdRange:
    return _children(document_pk, 1000, 500 if document_pk < FIXTURE_DOCUMENT_BELOW else None)


def rule_ids(document_pk: int) -> IdRange:
    return _children(document_pk, 100, 50 if document_pk < FIXTURE_DOCUMENT_BELOW else None)


def edition_row_id(document_pk: int, position: int) -> int:
    """The id of the provision (and of the duty version) of an edition's document's `position`-th row."""
    if not 0 < position < PORTAL_ROWS_WIDTH:
        raise ValidationError(TOO_MANY_ROWS, code="id_range_full", params={"count": PORTAL_ROWS_WIDTH - 1})
    return document_pk * PORTAL_ROWS_WIDTH + position


# Each record the admin may create: the range of its ids, from the record it belongs to (and that one's model).
RANGES = {
    Department: (department_ids, "jurisdiction_id", Jurisdiction),
    Document: (document_ids, "jurisdiction_id", Jurisdiction),
    Provision: (provision_ids, "document_id", Document),
    DutyItem: (duty_ids, "document_id", Document),
    DutyRole: (role_ids, "duty_id", DutyItem),
    DocumentIssuer: (issuer_ids, "document_id", Document),
    Repair: (repair_ids, "document_id", Document),
    ReportingRule: (rule_ids, "document_id", Document),
}


def id_assign(obj) -> None:
    """Give a new record of the duty data its id in its own range (a record that has one keeps it)."""
    if obj.pk is not None or type(obj) not in RANGES:
        return
    ids_of, parent_field, parent_model = RANGES[type(obj)]
    parent = getattr(obj, parent_field)
    if parent is None:
        return  # the form's own error is shown
    # Two editors adding to the same parent at once: the second waits here, then takes the next id.
    parent_model._base_manager.select_for_update().filter(pk=parent).exists()
    obj.pk = ids_of(parent).next_free(type(obj), parent)
