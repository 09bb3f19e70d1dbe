"""Loading the fixture is atomic and idempotent."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError

from duties.models import (
    Department,
    Document,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Jurisdiction,
    Provision,
    Repair,
    ReportingRule,
)

pytestmark = pytest.mark.django_db
# The audit trail records changes made after loading; the fixture holds none.
# What the fixture holds: not the audit trail nor the editions published since, nor the accounts given the
# committee office's role (accounts are never in the fixture).
DUTIES_MODELS = [
    model
    for model in apps.get_app_config("duties").get_models()
    if model._meta.model_name not in ("auditentry", "edition", "committeeoffice")
]
EDITED_TEXT = "改写过的事项"
MISSING_PK = 999_999_999


def committed_fixture(settings) -> list[dict]:
    return json.loads(settings.DUTY_FIXTURE_PATH.read_text(encoding="utf-8"))


def empty_duties_tables():
    """Delete every duties row, each before the rows it protects (the test's transaction restores them)."""
    for model in (DutyRole, DutyItem, Repair, ReportingRule, DocumentIssuer):
        model.objects.all().delete()
    Department.objects.update(key_duties_provision=None)
    Jurisdiction.objects.update(parent=None)
    for label in ("Provision", "Document", "Department", "Jurisdiction", "Sector"):
        apps.get_model("duties", label).objects.all().delete()
    assert not any(model.objects.exists() for model in DUTIES_MODELS)


def snapshot():
    """Every row of every table in the database, not only the duties tables."""
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in apps.get_models()}


def write_edited_fixture(settings, tmp_path, *, break_last_role: bool):
    """Write the committed fixture with the first duty's text edited and, if asked, the last role broken.

    Return the path and the edited duty's pk.
    """
    fixture = committed_fixture(settings)
    first_duty = next(obj for obj in fixture if obj["model"] == "duties.dutyitem")
    assert first_duty["fields"]["text"] != EDITED_TEXT
    first_duty["fields"]["text"] = EDITED_TEXT
    if break_last_role:
        last_role = next(obj for obj in reversed(fixture) if obj["model"] == "duties.dutyrole")
        assert fixture.index(last_role) > fixture.index(first_duty), "the broken object must load after the edit"
        last_role["fields"]["department"] = MISSING_PK
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(fixture, ensure_ascii=False), encoding="utf-8")
    return path, first_duty["pk"]


def test_loading_into_an_empty_database_loads_every_object_of_the_fixture(settings):
    empty_duties_tables()
    call_command("load_duties", verbosity=0)
    fixture = committed_fixture(settings)
    for model in DUTIES_MODELS:
        expected = sum(1 for obj in fixture if obj["model"] == model._meta.label_lower)
        assert expected, f"the fixture has no {model.__name__}"
        assert model.objects.count() == expected, model.__name__
    assert DutyItem.objects.count() == 84  # Jiangxi's annex: the only itemised list of the sources


def test_loading_twice_changes_nothing():
    empty_duties_tables()
    call_command("load_duties", verbosity=0)
    first = snapshot()
    call_command("load_duties", verbosity=0)
    assert snapshot() == first


def test_the_edited_fixture_without_the_broken_role_loads_the_edit(settings, tmp_path):
    # The control for the test below: the edit alone changes a row the snapshot sees.
    path, duty_pk = write_edited_fixture(settings, tmp_path, break_last_role=False)
    before = snapshot()
    call_command("load_duties", str(path), verbosity=0)
    assert DutyItem.objects.get(pk=duty_pk).text == EDITED_TEXT
    assert snapshot() != before


@pytest.mark.parametrize("start_empty", [True, False], ids=["empty", "loaded"])
def test_a_failed_load_leaves_the_database_as_it_was(settings, tmp_path, start_empty):
    if start_empty:
        empty_duties_tables()
    before = snapshot()
    path, _ = write_edited_fixture(settings, tmp_path, break_last_role=True)

    # Both backends check foreign keys once every object is in, so the edit was written before the failure.
    with pytest.raises(IntegrityError, match="duties_dutyrole"):
        call_command("load_duties", str(path), verbosity=0)

    assert snapshot() == before
    assert not DutyItem.objects.filter(text=EDITED_TEXT).exists()
    assert Provision.objects.exists() is not start_empty
    assert Document.objects.count() == (0 if start_empty else 5)
