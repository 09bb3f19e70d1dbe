"""The one place where problems write to the duty lists: a consultation's decision adds a duty to its lead's
list as a new dated edition (duties' edition machinery: plan, then publish), so that the next such problem
routes by itself, through the duty lists' edition services."""

import hashlib
import json

from duties import services as duty_services
from duties.models import DutyRole
from duties.selectors import duties_for_department
from duties.services import DutyDraft, RoleDraft, roles_of


def _next_number(duties) -> str:
    numbers = [int(duty.number) for duty in duties if duty.number.isdigit()]
    return str(max(numbers, default=0) + 1)


def duty_list_add(*, department, text: str, basis: str, summary: str, effective_on, user):
    """Publish a new edition of `department`'s list: its duties in force on `effective_on`, plus one it leads."""
    duties = list(duties_for_department(department, DutyRole.LEADING, effective_on))
    drafts = [
        DutyDraft(lineage=duty.lineage, number=duty.number, text=duty.text, roles=roles_of(duty), row=row)
        for row, duty in enumerate(duties, start=1)
    ]
    lead = RoleDraft(DutyRole.Role.LEAD, department.pk, department.short_name or department.name)
    drafts.append(DutyDraft(lineage=None, number=_next_number(duties), text=text, roles=(lead,), row=len(drafts) + 1))
    plan = duty_services.edition_plan(
        jurisdiction=department.jurisdiction, department=department, effective_on=effective_on, drafts=drafts
    )
    content = json.dumps([[d.lineage, d.number, d.text] for d in drafts], ensure_ascii=False).encode()
    return duty_services.edition_publish(
        plan=plan,
        basis=basis,
        summary=summary,
        user=user,
        file_name="consultation-decision.json",
        file_sha256=hashlib.sha256(content).hexdigest(),
    )
