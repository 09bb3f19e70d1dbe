"""Every change made through the admin is recorded with who made it, when and why; only admins read it."""

import pytest
from django.urls import reverse

from duties.admin_forms import AUDIT_REASON_REQUIRED
from duties.audit import AuditEntry
from duties.models import Department, DutyItem, DutyRole
from tests.duties.test_search_index import change_form_data

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:duties_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(admin_client, obj, **changes):
    url = change_url(obj)
    return admin_client.post(url, {**change_form_data(admin_client.get(url)), **changes})


def test_an_admin_edit_records_who_when_why_and_what(admin_client, admin_user):
    duty = DutyItem.objects.get(pk=36000001044)
    old_text = duty.text
    response = post_change(admin_client, duty, text="新的事项内容。", audit_reason="依据2026年调整文件修改")
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.action, entry.object_id) == (admin_user, "change", str(duty.pk))
    assert entry.reason == "依据2026年调整文件修改"
    assert entry.changes == {"text": [old_text, "新的事项内容。"]}
    assert entry.created_at is not None


def test_an_edit_without_a_reason_is_refused_and_keeps_what_was_typed(admin_client):
    duty = DutyItem.objects.get(pk=36000001044)
    response = post_change(admin_client, duty, text="改了但没写原因", audit_reason="")
    assert response.status_code == 200
    body = response.content.decode()
    assert str(AUDIT_REASON_REQUIRED) in body and "改了但没写原因" in body
    assert DutyItem.objects.get(pk=duty.pk).text != "改了但没写原因"
    assert not AuditEntry.objects.exists()


def test_a_lead_department_changed_in_the_duty_form_is_recorded_as_a_role_change(admin_client):
    duty = DutyItem.objects.get(pk=36000001044)
    role = duty.roles.filter(role="lead").first()
    url = change_url(duty)
    data = change_form_data(admin_client.get(url))
    index = [key for key, value in data.items() if key.endswith("-id") and value == str(role.pk)][0].split("-")[1]
    data[f"roles-{index}-department"] = "360000002"
    response = admin_client.post(url, {**data, "audit_reason": "牵头部门调整"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(content_type__model="dutyrole")
    assert entry.changes == {"department": [role.department_id, 360000002]}
    assert entry.reason == "牵头部门调整"


def test_a_deletion_is_recorded_with_what_was_deleted(admin_client):
    role = DutyRole.objects.filter(role="cooperating").first()
    url = reverse("admin:duties_dutyrole_delete", args=[role.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.action == "delete" and entry.changes["name_as_written"] == [role.name_as_written, None]


def test_the_trail_is_read_only_in_the_admin_and_not_public(admin_client, client):
    post_change(
        admin_client, Department.objects.get(pk=360000001), short_name="江西生态环境厅", audit_reason="简称统一"
    )
    entry = AuditEntry.objects.get()
    assert admin_client.get(reverse("admin:duties_auditentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:duties_auditentry_add")).status_code == 403
    change = admin_client.post(reverse("admin:duties_auditentry_change", args=[entry.pk]), {"reason": "改写"})
    assert change.status_code == 403
    entry.refresh_from_db()
    assert entry.reason == "简称统一"
    assert client.get(reverse("admin:duties_auditentry_changelist")).status_code == 302  # to the login
