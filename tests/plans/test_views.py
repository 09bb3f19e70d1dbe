"""The plans' pages: the workspace for each role, the filing steps through the forms, the public page, and a
fixed number of queries whatever the number of duties and plans."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans import services
from plans.models import AnnualPlan, PlanRule
from tests import factories

pytestmark = pytest.mark.django_db


def form_data(plan, **changes):
    data = {"version": plan.version, "overall_goal": changes.get("overall_goal", "全年目标。")}
    for entry in plan.entries.all():
        prefix = f"entry-{entry.pk}"
        data.update(
            {
                f"{prefix}-goal": "目标。",
                f"{prefix}-key_tasks": "任务。",
                f"{prefix}-measures": "措施。",
                f"{prefix}-responsible_unit": "综合处",
                f"{prefix}-responsible_person": "李四",
                f"{prefix}-planned_completion": "2026-11-30",
            }
        )
    return data


def test_the_editor_opens_and_saves_a_plan_through_the_workspace(client, editor, clock):
    clock("2026-01-05 09:00")
    client.force_login(editor)
    response = client.post("/workspace/plans/new/", {"year": "2026"})
    plan = AnnualPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_workspace_url()
    response = client.post(plan.get_workspace_url(), {**form_data(plan), "action": "save"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.overall_goal == "全年目标。" and set(plan.entries.values_list("responsible_unit", flat=True)) == {
        "综合处"
    }


def test_a_forged_submit_by_the_editor_is_refused_and_saves_nothing(client, plan, editor):
    client.force_login(editor)
    response = client.post(plan.get_workspace_url(), {**form_data(plan), "action": "submit"})
    assert response.status_code == 403
    assert AnnualPlan.objects.get(pk=plan.pk).overall_goal == ""


def test_the_approver_submits_and_the_office_returns_then_acknowledges(client, plan, approver, office):
    client.force_login(approver)
    client.post(plan.get_workspace_url(), {**form_data(plan), "action": "submit"})
    assert AnnualPlan.objects.get(pk=plan.pk).state == AnnualPlan.State.SUBMITTED
    client.force_login(office)
    page = client.get(plan.get_workspace_url()).content.decode()
    assert "予以备案" in page and "退回修改" in page
    response = client.post(f"/workspace/plans/{plan.pk}/decision/", {"action": "return", "comment": ""})
    assert response.status_code == 400 and str(services.COMMENT_REQUIRED) in response.content.decode()
    client.post(f"/workspace/plans/{plan.pk}/decision/", {"action": "return", "comment": "请补充措施。"})
    assert AnnualPlan.objects.get(pk=plan.pk).state == AnnualPlan.State.RETURNED
    client.force_login(approver)
    assert "请补充措施。" in client.get(plan.get_workspace_url()).content.decode()
    plan.refresh_from_db()
    client.post(plan.get_workspace_url(), {**form_data(plan), "action": "submit"})
    client.force_login(office)
    client.post(f"/workspace/plans/{plan.pk}/decision/", {"action": "acknowledge", "comment": ""})
    client.force_login(approver)
    client.post(f"/workspace/plans/{plan.pk}/publish/")
    plan.refresh_from_db()
    assert plan.state == AnnualPlan.State.PUBLISHED and plan.published_revision.number == 2


def test_a_draft_is_not_found_for_the_office_supervisor_or_another_department(
    client, plan, office, supervisor, other_editor
):
    for user in (office, supervisor, other_editor):
        client.force_login(user)
        assert client.get(plan.get_workspace_url()).status_code == 404


def test_the_office_of_another_province_cannot_decide(client, plan, approver, henan_office):
    plan = factories.fill_plan(plan, approver)
    services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    client.force_login(henan_office)
    assert client.get(plan.get_workspace_url()).status_code == 404
    assert client.post(f"/workspace/plans/{plan.pk}/decision/", {"action": "acknowledge"}).status_code == 404


def test_the_public_page_shows_the_unit_and_not_the_person_by_default(client, department, approver, office, clock):
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, office, publish=True)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "大气环境处" in html and "张三" not in html
    PlanRule.objects.create(province=department.jurisdiction, publish_responsible_person=True, source="省级规定")
    assert "张三" in client.get(plan.get_absolute_url()).content.decode()


def test_an_unpublished_plan_has_no_public_page(client, department, approver, office, clock):
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, office)
    assert client.get(plan.get_absolute_url()).status_code == 404


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_the_plan_pages_run_a_fixed_number_of_queries(client, department, other_department, clock):
    """Two departments with different numbers of duties, one plan and two plans: the same counts."""
    clock("2026-01-05 09:00")
    office = factories.make_office(department.jurisdiction)
    counts = {}
    for dept in (department, other_department):
        approver = factories.make_approver(dept)
        plan = factories.make_filed_plan(dept, 2026, approver, office, publish=True)
        services.plan_revise(plan=plan, user=approver)
        plan = factories.fill_plan(plan, approver)
        services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
        client.force_login(approver)
        counts.setdefault("workspace detail (staff)", []).append(queries(client, plan.get_workspace_url()))
        counts.setdefault("workspace list (staff)", []).append(queries(client, "/workspace/plans/"))
        client.force_login(office)
        counts.setdefault("workspace detail (office)", []).append(queries(client, plan.get_workspace_url()))
        counts.setdefault("workspace list (office)", []).append(queries(client, "/workspace/plans/"))
        client.logout()
        counts.setdefault("public", []).append(queries(client, plan.get_absolute_url()))
    assert {name: len(set(values)) for name, values in counts.items()} == dict.fromkeys(counts, 1), counts
    assert {name: values[0] for name, values in counts.items()} == {
        "workspace detail (staff)": 11,
        "workspace list (staff)": 6,
        "workspace detail (office)": 10,
        "workspace list (office)": 6,
        "public": 3,
    }


def test_the_department_page_lists_its_published_plans_and_its_calendar(client, department, approver, office, clock):
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, office, publish=True)
    html = client.get(department.get_absolute_url()).content.decode()
    assert f'href="{plan.get_absolute_url()}"' in html
    assert f'href="/calendar/?department={department.pk}"' in html
