"""The search stays current when the data changes: admin edits, a published report, a reload."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from duties.models import Department, DutyItem, DutyRole
from tests import factories

pytestmark = pytest.mark.django_db

WORD = "蝾螈栖息地"  # in no source document


def found_duties(client, query):
    return [row["id"] for row in client.get("/api/v1/duties/", {"search": query}).json()["results"]]


def change_form_data(response):
    """What the admin change page would post back unchanged, inlines included."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        else:
            data[name] = "" if value is None else str(value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form.add_prefix(name)] = formset.management_form[name].value()
        for inline_form in formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                data[inline_form.add_prefix(name)] = "" if value is None else str(value)
    return data


def admin_edit(admin_client, obj, **changes):
    url = reverse(f"admin:duties_{obj._meta.model_name}_change", args=[obj.pk])
    data = {**change_form_data(admin_client.get(url)), "audit_reason": "测试", **changes}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response


def test_a_duty_edited_in_the_admin_is_found_by_its_new_text(admin_client, client):
    duty = DutyItem.objects.get(pk=36000001044)
    assert found_duties(client, WORD) == []
    admin_edit(admin_client, duty, text=duty.text + WORD)
    assert found_duties(client, WORD) == [duty.pk]
    assert found_duties(client, "蠑螈") == [duty.pk]  # and in traditional characters


def test_a_department_renamed_in_the_admin_finds_the_duties_it_leads(admin_client, client):
    department = Department.objects.get(pk=360000001)
    led = set(
        DutyRole.objects.filter(department=department, role__in=["lead", "co-lead"]).values_list("duty_id", flat=True)
    )
    admin_edit(admin_client, department, name="江西省蝾螈保护厅")
    assert set(found_duties(client, "蝾螈保护厅")) == led
    departments = client.get("/api/v1/departments/", {"search": "蝾螈"}).json()["results"]
    assert [row["id"] for row in departments] == [department.pk]


def test_a_lead_department_changed_in_the_admin_moves_the_duty_in_the_search(admin_client, client):
    role = DutyRole.objects.select_related("duty").filter(role="lead", department_id=360000001).first()
    other = Department.objects.get(pk=360000002)
    admin_edit(admin_client, role, department=str(other.pk))
    assert role.duty_id in found_duties(client, other.short_name)


def test_a_published_report_is_found_and_a_draft_is_not(client):
    department = Department.objects.get(pk=360000001)
    approver = factories.make_approver(department)
    draft = factories.save_draft(
        factories.services.report_create(user=approver, department=department, year=2023), approver, overall=WORD
    )
    assert client.get("/api/v1/reports/", {"search": WORD}).json()["count"] == 0
    report = factories.make_filed_report(department, 2024, approver, publish=True)
    report.refresh_from_db()
    factories.services.report_correct(
        report=report,
        user=approver,
        expected_version=report.version,
        overall=f"全年开展{WORD}调查。",
        entries={},
        sections={},
        reason="补充",
    )
    rows = client.get("/api/v1/reports/", {"search": "蠑螈棲息地"}).json()["results"]
    assert [row["year"] for row in rows] == [2024]
    page = client.get("/search/", {"search": "蝾螈", "type": "reports"}).content.decode()
    assert "年度报告（1）" in page and "<mark>蝾螈</mark>" in page
    assert draft.pk != report.pk


def test_rebuilding_the_index_after_a_load_changes_nothing():
    out = StringIO()
    call_command("reindex_search", stdout=out)
    assert out.getvalue().strip() == "Re-indexed 0 rows."
    DutyItem.objects.filter(pk=36000001044).update(search_text="")
    call_command("reindex_search", stdout=out)
    assert "Re-indexed 1 rows." in out.getvalue()
