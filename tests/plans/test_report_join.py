"""Plan and report joined: the report on a year opens with each duty's plan as filed, the public report shows the
plan beside the outcome, and duties planned but not reported on (or reported but never planned) are named."""

import datetime

import pytest
from django.db.models import F

from duties.models import DutyItem
from plans import selectors
from reports import services as report_services
from reports.models import ReportEntry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed_plan(department, approver, office, clock):
    clock("2026-01-05 09:00")
    return factories.make_filed_plan(department, 2026, approver, office, publish=True)


def test_the_report_opens_with_each_duty_s_goal_and_tasks_from_the_plan_as_filed(
    filed_plan, department, approver, clock
):
    clock("2027-01-04 09:00")
    report = report_services.report_create(user=approver, department=department, year=2026)
    entries = list(report.entries.order_by("position"))
    assert entries and all(entry.planned_tasks == "制定实施细则；季度调度。" for entry in entries)
    plan_goals = {entry.duty_id: entry.goal for entry in filed_plan.entries.all()}
    assert {entry.duty_id: entry.planned_goal for entry in entries} == plan_goals


def test_a_plan_not_yet_acknowledged_does_not_fill_the_report(department, approver, editor, clock):
    from plans import services as plan_services

    clock("2026-01-05 09:00")
    plan = plan_services.plan_create(user=approver, department=department, year=2026)
    plan = factories.fill_plan(plan, editor)
    plan_services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    clock("2027-01-04 09:00")
    report = report_services.report_create(user=approver, department=department, year=2026)
    assert set(report.entries.values_list("planned_goal", flat=True)) == {""}


def test_the_public_report_shows_the_plan_beside_the_outcome(filed_plan, department, approver, client, clock):
    clock("2027-01-04 09:00")
    report = factories.make_filed_report(department, 2026, approver, publish=True)
    html = client.get(report.get_absolute_url()).content.decode()
    assert html.count('class="plan-outcome plan-outcome--with-plan"') == report.entries.count()
    assert "年度工作方案（已备案）" in html and "完成第 1 项。" in html and "落实情况" in html


def test_the_report_form_shows_the_plan_above_each_entry(filed_plan, department, approver, client, clock):
    clock("2027-01-04 09:00")
    report = report_services.report_create(user=approver, department=department, year=2026)
    client.force_login(approver)
    html = client.get(report.get_workspace_url()).content.decode()
    assert html.count('class="entry__plan"') == report.entries.count()


def test_planned_but_not_reported_and_reported_but_never_planned_are_named(filed_plan, department, approver, clock):
    clock("2027-01-04 09:00")
    report = report_services.report_create(user=approver, department=department, year=2026)
    entries = list(report.entries.order_by("position"))
    # The report's first duty was never planned (as if an edition added it during the year)...
    unplanned = entries[0]
    other_duty = DutyItem.objects.exclude(
        lineage__in=[entry.duty.lineage for entry in filed_plan.entries.all()]
    ).first()
    ReportEntry.objects.filter(pk=unplanned.pk).update(duty=other_duty, duty_text=other_duty.text)
    # ...and, once filed, the second planned duty has nothing written.
    report = factories.save_draft(report, approver)
    ReportEntry.objects.filter(pk=entries[1].pk).update(status=ReportEntry.Status.NOT_STARTED, progress="")
    report_services.report_submit(report=report, user=approver, expected_version=report.version)
    difference = selectors.plan_report_difference(department, 2026)
    assert difference.any
    assert difference.planned_not_reported == [entries[0].duty_text, entries[1].duty_text]
    assert difference.reported_not_planned == [other_duty.text]


def test_no_difference_until_both_plan_and_report_exist(filed_plan, department):
    assert selectors.plan_report_difference(department, 2026) is None


def test_planned_work_follows_a_duty_through_its_versions_by_lineage(filed_plan, department):
    planned = selectors.planned_work(department, 2026)
    lineages = set(
        DutyItem.objects.filter(pk__in=[e.duty_id for e in filed_plan.entries.all()]).values_list(
            F("lineage"), flat=True
        )
    )
    assert set(planned) == {f"duty:{lineage}" for lineage in lineages}


def test_a_department_without_a_list_plans_and_reports_on_the_requirements_put_on_it(henan, henan_office, clock):
    """Henan's document only requires its departments to publish lists: their plans and reports answer for the
    general requirements it puts on them, the report pre-filled from the plan, nothing left unmatched."""
    from duties.models import Department
    from duties.selectors import obligations_of, requirements_for_department

    department = next(
        d
        for d in Department.objects.filter(jurisdiction=henan, bears_key_duties=True).order_by("position")
        if any(d in r.addressed_departments for r in requirements_for_department(d))
    )
    approver = factories.make_approver(department)
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, henan_office, publish=True)
    requirements = obligations_of(department, datetime.date(2026, 1, 1))
    entries = list(plan.entries.order_by("position"))
    assert [entry.requirement_id for entry in entries] == [r.pk for r in requirements] and requirements
    assert {entry.duty_id for entry in entries} == {None}
    clock("2027-01-04 09:00")
    report = factories.make_filed_report(department, 2026, approver, publish=True)
    assert [(e.requirement_id, e.planned_goal) for e in report.entries.order_by("position")] == [
        (entry.requirement_id, entry.goal) for entry in entries
    ]
    assert not selectors.plan_report_difference(department, 2026).any
    html = factories_client_get(plan.get_absolute_url())
    assert html.count("一般要求") >= len(entries)


def factories_client_get(url):
    from django.test import Client

    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()
