"""Through the web: who may open, save and submit a report, and what is kept when a save is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from duties.models import Department
from reports import services
from reports.models import AnnualReport, Membership

pytestmark = pytest.mark.django_db


def account(username, role=None, department=None, jurisdiction=None, superuser=False):
    user = get_user_model().objects.create_user(username, password="pw-for-tests-only", is_superuser=superuser)
    if role:
        Membership.objects.create(user=user, role=role, department=department, jurisdiction=jurisdiction)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def housing():
    return Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")


@pytest.fixture
def report(housing):
    editor, _ = account("owner-editor", Membership.Role.EDITOR, housing)
    return services.report_draft_create(department=housing, year=timezone.localdate().year - 1, user=editor)


def form_data(report, overall, version=None):
    entries = list(report.entries.all())
    data = {
        "overall": overall,
        "version": report.version if version is None else version,
        "entries-TOTAL_FORMS": len(entries),
        "entries-INITIAL_FORMS": len(entries),
        "action": "save",
    }
    for index, entry in enumerate(entries):
        data |= {
            f"entries-{index}-duty_id": entry.duty_id,
            f"entries-{index}-progress": "done",
            f"entries-{index}-work_done": f"已完成第 {index} 项",
            f"entries-{index}-figures": "",
            f"entries-{index}-evidence_links": "",
        }
    return data


def test_the_permission_matrix_for_reading_a_draft(housing, report):
    henan = Department.objects.filter(jurisdiction="410000").first()
    cases = {
        "anonymous": (Client(), 302),
        "no role": (account("plain")[1], 404),
        "other department": (
            account(
                "other", Membership.Role.APPROVER, Department.objects.get(jurisdiction="360000", slug="shui-li-ting")
            )[1],
            404,
        ),
        "own editor": (account("editor", Membership.Role.EDITOR, housing)[1], 200),
        "own approver": (account("approver", Membership.Role.APPROVER, housing)[1], 200),
        "supervisor of the province": (
            account("sup", Membership.Role.SUPERVISOR, jurisdiction=housing.jurisdiction)[1],
            200,
        ),
        "supervisor of another province": (
            account("sup2", Membership.Role.SUPERVISOR, jurisdiction=henan.jurisdiction)[1],
            404,
        ),
        "admin": (account("admin", superuser=True)[1], 200),
    }
    statuses = {name: client.get(f"/reports/{report.pk}/").status_code for name, (client, _) in cases.items()}
    assert statuses == {name: expected for name, (_, expected) in cases.items()}


def test_only_own_staff_can_save_whatever_the_form_says(housing, report):
    _, supervisor = account("sup", Membership.Role.SUPERVISOR, jurisdiction=housing.jurisdiction)
    _, other = account(
        "other", Membership.Role.EDITOR, Department.objects.get(jurisdiction="360000", slug="shui-li-ting")
    )
    assert supervisor.post(f"/reports/{report.pk}/", form_data(report, "x")).status_code == 403
    assert other.post(f"/reports/{report.pk}/", form_data(report, "x")).status_code == 404
    report.refresh_from_db()
    assert report.overall == ""


def test_a_stale_save_is_refused_and_keeps_what_the_user_typed(housing, report):
    _, first = account("first", Membership.Role.EDITOR, housing)
    _, second = account("second", Membership.Role.EDITOR, housing)
    opened_version = report.version
    assert first.post(f"/reports/{report.pk}/", form_data(report, "甲的总体情况")).status_code == 302
    response = second.post(f"/reports/{report.pk}/", form_data(report, "乙写的很长的总体情况", version=opened_version))
    assert response.status_code == 200
    content = response.content.decode()
    assert "其他人已保存了这份报告" in content and "乙写的很长的总体情况" in content
    report.refresh_from_db()
    assert report.overall == "甲的总体情况"


def test_a_bad_evidence_link_re_shows_the_form_with_everything_kept(housing, report):
    _, editor = account("editor", Membership.Role.EDITOR, housing)
    data = form_data(report, "总体")
    data["entries-0-evidence_links"] = "not a url"
    response = editor.post(f"/reports/{report.pk}/", data)
    assert response.status_code == 200
    assert "不是有效的网址" in response.content.decode() and "已完成第 1 项" in response.content.decode()


def test_the_approver_submits_once_and_the_report_freezes(housing, report):
    _, approver = account("approver", Membership.Role.APPROVER, housing)
    data = form_data(report, "总体") | {"action": "submit"}
    assert approver.post(f"/reports/{report.pk}/", data).status_code == 302
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.SUBMITTED and report.revisions.count() == 1
    assert approver.post(f"/reports/{report.pk}/", data).status_code == 403  # frozen: the retry changes nothing
    assert report.revisions.count() == 1


def test_forms_need_the_csrf_token(housing, report):
    user, _ = account("editor", Membership.Role.EDITOR, housing)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(f"/reports/{report.pk}/", form_data(report, "x")).status_code == 403


def test_login_page_is_in_chinese():
    response = Client().get("/accounts/login/")
    assert "部门和督查人员登录" in response.content.decode()
