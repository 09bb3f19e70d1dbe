"""The plans' permission matrix through the web: who may open a plan in each state, and who may write or decide."""

import pytest
from django.test import Client

from plans import services
from plans.models import AnnualPlan
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT_READERS = {
    "anonymous": 302,
    "no_role_user": 404,
    "other_editor": 404,
    "editor": 200,
    "approver": 200,
    "office": 404,  # the office reads what is submitted to it, never drafts
    "henan_office": 404,
    "supervisor": 404,
    "other_supervisor": 404,
    "site_admin": 200,
}
SUBMITTED_READERS = {**DRAFT_READERS, "office": 200, "supervisor": 200}


def client_for(request, name):
    client = Client()
    if name != "anonymous":
        client.force_login(request.getfixturevalue(name))
    return client


@pytest.mark.parametrize(("name", "status"), DRAFT_READERS.items())
def test_who_may_open_a_draft(request, plan, name, status):
    assert client_for(request, name).get(plan.get_workspace_url()).status_code == status


@pytest.mark.parametrize(("name", "status"), SUBMITTED_READERS.items())
def test_who_may_open_a_submitted_plan(request, plan, approver, name, status):
    plan = factories.fill_plan(plan, approver)
    services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    assert client_for(request, name).get(plan.get_workspace_url()).status_code == status


@pytest.mark.parametrize("name", DRAFT_READERS)
def test_only_the_departments_staff_may_save_it(request, plan, name):
    data = {"version": plan.version, "overall_goal": f"{name} 写的目标", "action": "save"}
    response = client_for(request, name).post(plan.get_workspace_url(), data)
    saved = AnnualPlan.objects.get(pk=plan.pk).overall_goal == f"{name} 写的目标"
    assert saved == (name in ("editor", "approver"))
    assert response.status_code in ((200, 302, 400) if saved else (302, 403, 404))


@pytest.mark.parametrize("name", [n for n in SUBMITTED_READERS if n != "office"])
def test_only_the_office_decides(request, plan, approver, name):
    plan = factories.fill_plan(plan, approver)
    services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    response = client_for(request, name).post(f"/workspace/plans/{plan.pk}/decision/", {"action": "acknowledge"})
    assert response.status_code in (302, 403, 404)
    assert AnnualPlan.objects.get(pk=plan.pk).state == AnnualPlan.State.SUBMITTED
