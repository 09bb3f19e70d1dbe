"""The report workflow: drafts pre-filled from the list, concurrent edits refused, one submission, corrections."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from duties.models import Department
from reports import services
from reports.models import AnnualReport, Membership

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def member(username, role, department=None, jurisdiction=None):
    user = get_user_model().objects.create_user(username, password="pw-for-tests-only")
    Membership.objects.create(user=user, role=role, department=department, jurisdiction=jurisdiction)
    return user


@pytest.fixture
def housing():
    return Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")


@pytest.fixture
def editor(housing):
    return member("editor", Membership.Role.EDITOR, housing)


@pytest.fixture
def approver(housing):
    return member("approver", Membership.Role.APPROVER, housing)


def entries_of(report, text):
    return [
        services.EntryInput(duty_id=entry.duty_id, progress="in-progress", work_done=f"{text} {entry.position}")
        for entry in report.entries.all()
    ]


def test_a_draft_has_one_entry_per_duty_the_department_leads(housing, editor):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    assert report.entries.count() == 8
    assert report.deadline == datetime.date(2026, 1, 10)  # Jiangxi: by 10 January of the next year
    assert services.report_draft_create(department=housing, year=2025, user=editor) == report


@pytest.mark.parametrize(("year", "deadline"), [(2026, datetime.date(2027, 2, 28)), (2027, datetime.date(2028, 2, 29))])
def test_henan_reports_are_due_at_the_end_of_february(year, deadline):
    department = Department.objects.filter(jurisdiction="410000", bears_key_duties=True).first()
    user = member("henan-editor", Membership.Role.EDITOR, department)
    assert services.report_draft_create(department=department, year=year, user=user).deadline == deadline


def test_saving_raises_the_version_and_a_stale_save_is_refused(housing, editor, approver):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    opened = report.version
    services.report_draft_save(
        report=report, user=editor, expected_version=opened, overall="第一人", entries=entries_of(report, "甲")
    )
    with pytest.raises(services.ConcurrentEditError) as refused:
        services.report_draft_save(
            report=report, user=approver, expected_version=opened, overall="第二人", entries=entries_of(report, "乙")
        )
    assert "其他人已保存" in str(refused.value)
    report.refresh_from_db()
    assert report.overall == "第一人" and report.version == opened + 1
    assert report.entries.first().work_done.startswith("甲")


def test_only_the_departments_own_staff_may_write(housing, editor):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    other = member(
        "other", Membership.Role.APPROVER, Department.objects.get(jurisdiction="360000", slug="shui-li-ting")
    )
    supervisor = member("supervisor", Membership.Role.SUPERVISOR, jurisdiction=housing.jurisdiction)
    nobody = get_user_model().objects.create_user("nobody")
    for user in (other, supervisor, nobody):
        with pytest.raises(PermissionDenied):
            services.report_draft_save(
                report=report, user=user, expected_version=report.version, overall="x", entries=[]
            )
        with pytest.raises(PermissionDenied):
            services.report_submit(report=report, user=user)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=report, user=editor)  # an editor drafts; only the approver submits
    assert services.user_can_view_draft(supervisor, housing) and not services.user_can_view_draft(other, housing)


def test_submitting_twice_makes_one_submission_and_freezes_the_report(housing, editor, approver):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    first = services.report_submit(report=report, user=approver)
    again = services.report_submit(report=report, user=approver)
    assert first.submitted_at == again.submitted_at
    assert report.revisions.count() == 1
    with pytest.raises(ValidationError, match="已报送"):
        services.report_draft_save(report=report, user=editor, expected_version=again.version, overall="x", entries=[])


def test_on_time_is_judged_in_shanghai_time(housing, editor, approver):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    report = services.report_submit(report=report, user=approver)
    # 23:30 on 10 January in Shanghai is 15:30 UTC: still on time.
    report.submitted_at = datetime.datetime(2026, 1, 10, 23, 30, tzinfo=SHANGHAI)
    assert report.on_time is True
    report.submitted_at = datetime.datetime(2026, 1, 11, 0, 5, tzinfo=SHANGHAI)
    assert report.on_time is False


def test_a_correction_adds_a_revision_and_keeps_the_first(housing, editor, approver):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    services.report_draft_save(report=report, user=editor, expected_version=report.version, overall="原文", entries=[])
    services.report_submit(report=report, user=approver)
    with pytest.raises(ValidationError):
        services.report_correct(report=report, user=approver, overall="更正", reason=" ")
    services.report_correct(report=report, user=approver, overall="更正后", reason="数据有误")
    revisions = list(report.revisions.order_by("number"))
    assert [(r.number, r.content["overall"]) for r in revisions] == [(1, "原文"), (2, "更正后")]


def test_one_report_per_department_and_year_is_a_database_constraint(housing):
    AnnualReport.objects.create(department=housing, year=2024)
    with pytest.raises(IntegrityError):
        AnnualReport.objects.create(department=housing, year=2024)


def test_publishing_needs_a_submitted_report(housing, editor, approver):
    report = services.report_draft_create(department=housing, year=2025, user=editor)
    with pytest.raises(ValidationError, match="尚未报送"):
        services.report_publish(report=report, user=approver)
    services.report_submit(report=report, user=approver)
    assert services.report_publish(report=report, user=approver).status == AnnualReport.Status.PUBLISHED
