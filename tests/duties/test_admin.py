"""Every model is in the admin, and its pages answer in Chinese."""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from duties import services
from duties.audit import AuditEntry, audit_entry_record
from duties.models import CommitteeOffice, Edition, Jurisdiction, Sector
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", list(apps.get_app_config("duties").get_models()), ids=lambda m: m.__name__)
def test_every_duties_model_is_registered(model):
    assert admin.site.is_registered(model)


@pytest.mark.parametrize("model", list(apps.get_app_config("duties").get_models()), ids=lambda m: m.__name__)
def test_changelist_and_change_pages_load_in_chinese(admin_client, model):
    if model is AuditEntry:  # the fixture has no changes yet
        audit_entry_record(user=None, action="change", obj=Sector.objects.first(), reason="测试")
    if model is Edition:  # nor editions
        plan = services.edition_plan(
            jurisdiction=Jurisdiction.objects.get(code="360000"),
            department=None,
            effective_on=datetime.date(2026, 1, 1),
            drafts=[],
        )
        services.edition_publish(plan=plan, basis="测试版本", file_name="empty.csv", file_sha256="0" * 64)
    if model is CommitteeOffice:  # nor accounts
        factories.make_office(Jurisdiction.objects.get(code="360000"))
    opts = model._meta
    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    assert str(opts.verbose_name_plural) in response.content.decode()
    assert "选择" in response.content.decode()  # Django's own zh-Hans strings
    instance = model.objects.first()
    change = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk]))
    assert change.status_code == 200


def test_department_search_finds_by_short_name(admin_client):
    url = reverse("admin:duties_department_changelist")
    response = admin_client.get(url, {"q": "省住房城乡建设厅"})
    assert "江西省住房和城乡建设厅" in response.content.decode()
