"""A published report shows on the department's page, at its own address and on the home page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from duties.models import Department
from reports import services
from reports.models import AnnualReport, Membership

pytestmark = pytest.mark.django_db
HOUSING_PAGE = "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/"


@pytest.fixture
def housing():
    return Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")


@pytest.fixture
def approver(housing):
    user = get_user_model().objects.create_user("approver", password="pw-for-tests-only")
    Membership.objects.create(user=user, role=Membership.Role.APPROVER, department=housing)
    return user


def submitted(housing, approver, year, at):
    report = services.report_draft_create(department=housing, year=year, user=approver)
    report = services.report_submit(report=report, user=approver)
    AnnualReport.objects.filter(pk=report.pk).update(submitted_at=at)
    report.refresh_from_db()
    return report


def test_publishing_puts_the_report_on_the_department_page_with_its_on_time_record(housing, approver):
    shanghai = ZoneInfo("Asia/Shanghai")
    on_time = submitted(housing, approver, 2024, datetime.datetime(2025, 1, 9, 17, 0, tzinfo=shanghai))
    late = submitted(housing, approver, 2025, datetime.datetime(2026, 1, 12, 9, 0, tzinfo=shanghai))
    assertContains(Client().get(HOUSING_PAGE), "尚未公开年度专题报告")  # submitted is not yet public
    client = Client()
    client.force_login(approver)
    response = client.post(f"/reports/{on_time.pk}/publish/")
    assert response["Location"] == HOUSING_PAGE + "reports/2024/"
    services.report_publish(report=late, user=approver)

    page = Client().get(HOUSING_PAGE)
    assertContains(page, "按时报送 1 / 2 年")
    assertContains(page, 'href="/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/reports/2025/"')
    report_page = Client().get(HOUSING_PAGE + "reports/2024/")
    assertContains(report_page, "2025年1月10日")  # the deadline
    assertContains(report_page, "按时")
    assertContains(report_page, "本级党委和政府")  # submitted to
    assertContains(report_page, "上级主管部门、本级环委会")  # copied to
    assertContains(Client().get("/"), "江西省住房和城乡建设厅 2024 年度专题报告")
    assertContains(
        Client().get("/sitemap.xml"), "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/reports/2025/"
    )


def test_drafts_and_unpublished_reports_have_no_public_page(housing, approver):
    services.report_draft_create(department=housing, year=2025, user=approver)
    assert Client().get(HOUSING_PAGE + "reports/2025/").status_code == 404
    assertNotContains(Client().get("/"), "2025 年度专题报告")


def test_department_page_queries_stay_fixed_with_reports(housing, approver, client):
    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(HOUSING_PAGE)
        return len(captured.captured_queries)

    before = count()
    for year in (2022, 2023, 2024):
        report = submitted(housing, approver, year, datetime.datetime(year + 1, 1, 5, tzinfo=datetime.UTC))
        services.report_publish(report=report, user=approver)
    assert count() == before
