"""The disclosures' pages: a government's workspace through the forms, who may open a draft, the public page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosures.models import Disclosure
from duties.models import Department
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_government_opens_writes_and_publishes_through_its_workspace(client, county_approver, clock):
    clock("2026-04-10 09:00")
    client.force_login(county_approver)
    page = client.get("/workspace/disclosures/").content.decode()
    assert "2026 年第 1 季度" in page and "每季度结束后 15 日内" in page
    response = client.post("/workspace/disclosures/new/", {"quarter": "2026-1"})
    disclosure = Disclosure.objects.get()
    assert response["Location"] == disclosure.get_workspace_url()
    upload = SimpleUploadedFile("通报.pdf", b"%PDF-1.4 quarterly")
    data = {
        "version": disclosure.version,
        "text": "一季度情况。",
        "link": "",
        "attachment": upload,
        "action": "publish",
    }
    assert client.post(disclosure.get_workspace_url(), data).status_code == 302
    disclosure.refresh_from_db()
    assert disclosure.is_published and disclosure.published_on_time and disclosure.attachments.count() == 1
    client.logout()
    html = client.get(disclosure.get_absolute_url()).content.decode()
    assert "一季度情况。" in html and "按时公开" in html and "通报.pdf" in html
    attachment = disclosure.attachments.get()
    assert client.get(f"/disclosures/attachments/{attachment.pk}/").status_code == 200


def test_a_draft_is_private_to_its_governments_staff(client, county_editor, jilin_supervisor, clock):
    from disclosures import services

    clock("2026-04-10 09:00")
    disclosure = services.disclosure_open(
        user=county_editor, body=county_editor.membership.department, year=2026, quarter=1
    )
    other = factories.make_editor(Department.objects.get(jurisdiction="220103"))
    for user in (other, jilin_supervisor):
        client.force_login(user)
        assert client.get(disclosure.get_workspace_url()).status_code == 404
    client.logout()
    assert client.get(disclosure.get_workspace_url()).status_code == 302
    assert client.get(disclosure.get_absolute_url()).status_code == 404


def test_the_editor_may_not_publish_through_the_form(client, county_editor, clock):
    from disclosures import services

    clock("2026-04-10 09:00")
    disclosure = services.disclosure_open(
        user=county_editor, body=county_editor.membership.department, year=2026, quarter=1
    )
    client.force_login(county_editor)
    data = {"version": disclosure.version, "text": "x", "link": "", "action": "publish"}
    assert client.post(disclosure.get_workspace_url(), data).status_code == 403
    assert Disclosure.objects.get().text == ""


def test_a_department_without_quarterly_disclosures_has_no_such_workspace(client, jilin_counties, clock):
    jiangxi_editor = factories.make_editor(Department.objects.get(pk=360000001))
    client.force_login(jiangxi_editor)
    assert client.get("/workspace/disclosures/").status_code == 404
