"""The permission matrix through the web: who may read a draft and who may write it, whatever the URL or form says."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

READERS = {
    "anonymous": 302,  # to the login page
    "no_role_user": 404,
    "other_editor": 404,
    "other_approver": 404,
    "editor": 200,
    "approver": 200,
    "supervisor": 404,  # supervisors read filed reports, never drafts (reports/permissions.py)
    "other_supervisor": 404,
    "site_admin": 200,
}
WRITERS = {"editor", "approver"}


def client_for(request, name):
    client = Client()
    if name != "anonymous":
        client.force_login(request.getfixturevalue(name))
    return client


@pytest.mark.parametrize(("name", "status"), READERS.items())
def test_who_may_open_a_draft(request, draft, name, status):
    assert client_for(request, name).get(f"/workspace/reports/{draft.pk}/").status_code == status


@pytest.mark.parametrize("name", READERS)
def test_only_the_departments_own_staff_may_save_it(request, draft, name):
    data = {"version": draft.version, "overall": f"{name} 写的内容", "action": "save"}
    response = client_for(request, name).post(f"/workspace/reports/{draft.pk}/", data)
    draft.refresh_from_db()
    if name in WRITERS:
        assert response.status_code in (200, 302, 400)  # allowed; the incomplete form may be re-shown
    else:
        assert response.status_code in (302, 403, 404)
        assert draft.overall != f"{name} 写的内容"


@pytest.mark.parametrize(("name", "status"), [("supervisor", 200), ("other_supervisor", 404), ("other_editor", 404)])
def test_a_filed_report_is_open_to_its_provinces_supervisors(request, draft, approver, name, status):
    from reports import services

    draft = services.report_draft_save(
        report=draft, user=approver, expected_version=draft.version, overall="总体", entries={}, sections={}
    )
    services.report_submit(report=draft, user=approver, expected_version=draft.version)
    assert client_for(request, name).get(f"/workspace/reports/{draft.pk}/").status_code == status
