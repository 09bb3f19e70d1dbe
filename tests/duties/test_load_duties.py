"""Loading the fixture is atomic and idempotent."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError

from duties.models import Department, Document, DocumentIssuer, DutyItem, DutyRole, Provision, Repair, ReportingRule

pytestmark = pytest.mark.django_db
DUTIES_MODELS = list(apps.get_app_config("duties").get_models())


def empty_duties_tables():
    for model in (DutyRole, DutyItem, Repair, ReportingRule, DocumentIssuer):
        model.objects.all().delete()
    Department.objects.update(key_duties_provision=None)
    for label in ("Provision", "Document", "Department", "Jurisdiction", "Sector"):
        apps.get_model("duties", label).objects.all().delete()


def snapshot():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in DUTIES_MODELS}


def test_loading_into_an_empty_database_loads_every_object_of_the_fixture(settings):
    empty_duties_tables()
    call_command("load_duties", verbosity=0)
    fixture = json.loads(settings.DUTY_FIXTURE_PATH.read_text(encoding="utf-8"))
    for model in DUTIES_MODELS:
        expected = sum(1 for obj in fixture if obj["model"] == model._meta.label_lower)
        assert model.objects.count() == expected, model.__name__
    assert DutyItem.objects.count() == 119


def test_loading_twice_changes_nothing():
    empty_duties_tables()
    call_command("load_duties", verbosity=0)
    first = snapshot()
    call_command("load_duties", verbosity=0)
    assert snapshot() == first


@pytest.mark.parametrize("start_empty", [True, False], ids=["empty", "loaded"])
def test_a_failed_load_leaves_the_database_as_it_was(settings, tmp_path, start_empty):
    if start_empty:
        empty_duties_tables()
    before = snapshot()
    fixture = json.loads(settings.DUTY_FIXTURE_PATH.read_text(encoding="utf-8"))
    first_duty = next(obj for obj in fixture if obj["model"] == "duties.dutyitem")
    first_duty["fields"]["text"] = "改写过的事项"
    broken_role = next(obj for obj in reversed(fixture) if obj["model"] == "duties.dutyrole")
    broken_role["fields"]["department"] = 999_999_999  # no such department
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(fixture, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(IntegrityError):
        call_command("load_duties", str(broken), verbosity=0)

    assert snapshot() == before
    assert not DutyItem.objects.filter(text="改写过的事项").exists()
    assert Provision.objects.exists() is not start_empty
    assert Document.objects.count() == (0 if start_empty else 5)
