"""Accounts and reports the duty-list fixtures do not give: made through the services."""

import itertools

from django.contrib.auth import get_user_model

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


def make_office(jurisdiction, **kwargs):
    """An account that is `jurisdiction`'s committee office (plans are filed with it)."""
    from plans.models import FilingOffice

    user = make_user(**kwargs)
    FilingOffice.objects.create(user=user, jurisdiction=jurisdiction)
    return user


def fill_plan(plan, user, *, goal="全年完成清单所列任务。", unit="大气环境处", person="张三", **overrides):
    """Save `plan` with an overall goal and every entry's goal and responsible unit filled."""
    import datetime

    from plans import services as plan_services
    from plans.models import AnnualPlan

    plan = AnnualPlan.objects.get(pk=plan.pk)
    entries = {
        entry.pk: plan_services.PlanEntryInput(
            goal=overrides.get("entry_goal", f"完成第 {entry.position} 项。"),
            key_tasks=overrides.get("key_tasks", "制定实施细则；季度调度。"),
            measures="专班推进。",
            responsible_unit=unit,
            responsible_person=person,
            planned_completion=datetime.date(plan.year, 12, 31),
        )
        for entry in plan.entries.all()
    }
    return plan_services.plan_draft_save(
        plan=plan, user=user, expected_version=plan.version, overall_goal=goal, entries=entries
    )


def make_filed_plan(department, year, approver, office, *, publish=False):
    """A plan submitted by `approver` and acknowledged by `office` (and optionally published)."""
    from plans import services as plan_services

    plan = plan_services.plan_create(user=approver, department=department, year=year)
    plan = fill_plan(plan, approver)
    plan = plan_services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    plan = plan_services.plan_acknowledge(plan=plan, user=office)
    if publish:
        plan = plan_services.plan_publish(plan=plan, user=approver)
    return plan
