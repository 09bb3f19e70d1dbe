"""A backup restored over a damaged database brings back every row of every model."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from duties.models import Department, DutyItem

pytestmark = pytest.mark.django_db(transaction=True)


def every_row():
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label not in {"contenttypes", "auth", "admin", "sessions"}
    }


def test_restore_brings_back_every_row(tmp_path):
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
    before = every_row()
    assert sum(len(rows) for rows in before.values()) > 600
    backup = tmp_path / "portal.backup"
    call_command("backup_database", str(backup), verbosity=0)
    assert backup.stat().st_size > 0

    Department.objects.filter(jurisdiction="360000").update(name="（被误改的名称）")
    DutyItem.objects.filter(document__jurisdiction="410000").delete()
    assert every_row() != before

    call_command("restore_database", str(backup), "--yes", verbosity=0)
    assert every_row() == before


def test_restoring_a_missing_file_is_a_clear_error_and_changes_nothing(tmp_path):
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
    before = every_row()
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore_database", str(tmp_path / "missing.backup"), "--yes")
    assert every_row() == before
