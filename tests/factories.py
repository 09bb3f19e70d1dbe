"""Accounts, reports and editions the duty-list fixtures do not give: made through the services."""

import dataclasses
import itertools

from django.contrib.auth import get_user_model

from duties import editions
from reports import services
from reports.models import Membership, Report

_serial = itertools.count(1)
PASSWORD = "correct-horse-battery-staple-17"


def make_user(*, role=None, department=None, province=None, superuser=False, username=None):
    """An active account, with a membership when `role` is given."""
    user_model = get_user_model()
    username = username or f"user{next(_serial)}"
    if superuser:
        user = user_model.objects.create_superuser(username=username, password=PASSWORD)
    else:
        user = user_model.objects.create_user(username=username, password=PASSWORD)
    if role is not None:
        Membership.objects.create(user=user, role=role, department=department, province=province)
    return user


def make_editor(department, **kwargs):
    return make_user(role=Membership.Role.EDITOR, department=department, **kwargs)


def make_approver(department, **kwargs):
    return make_user(role=Membership.Role.APPROVER, department=department, **kwargs)


def make_supervisor(province, **kwargs):
    return make_user(role=Membership.Role.SUPERVISOR, province=province, **kwargs)


def save_draft(report, user, *, overall="全年履职情况良好。", status="done", progress="已完成。", **changes):
    """Save `report` as a draft with every entry set to `status`."""
    report = Report.objects.get(pk=report.pk)
    entries = {
        entry.pk: services.EntryInput(status=status, progress=progress, figures="", evidence_links="")
        for entry in report.entries.all()
    }
    sections = {section.pk: changes.get("section_body", "专项工作推进顺利。") for section in report.sections.all()}
    return services.report_draft_save(
        report=report, user=user, expected_version=report.version, overall=overall, entries=entries, sections=sections
    )


def make_filed_report(department, year, approver, *, publish=False):
    """A report submitted (and optionally published) by `approver`."""
    report = services.report_create(user=approver, department=department, year=year)
    report = save_draft(report, approver)
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    if publish:
        report = services.report_publish(report=report, user=approver)
    return report


def make_edition(department, effective_on, *, basis="赣环委办〔2025〕7号", drop_last=False):
    """An edition of `department`'s list from `effective_on` that rewords its first duty (and removes its last)."""
    versions = editions.list_versions(department.jurisdiction, department).as_of(effective_on)
    drafts = [
        editions.DutyDraft(
            lineage=duty.lineage, number=duty.number, text=duty.text, roles=editions.roles_of(duty), row=row
        )
        for row, duty in enumerate(versions.order_by("document", "position"), start=2)
    ]
    drafts[0] = dataclasses.replace(drafts[0], text=f"{drafts[0].text}（修订）")
    if drop_last:
        drafts.pop()
    plan = editions.edition_plan(
        jurisdiction=department.jurisdiction, department=department, effective_on=effective_on, drafts=drafts
    )
    return editions.edition_publish(plan=plan, basis=basis, file_name="list.csv", file_sha256="0" * 64)
