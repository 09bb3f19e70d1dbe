"""A backup restored over a damaged database brings back every row of every model."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from duties.models import Department, DutyItem
from reports import services
from reports.models import Revision
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def to_milliseconds(row):
    # dumpdata (the SQLite path) writes times to the millisecond, as Django's JSON encoder does.
    return {
        key: value.replace(microsecond=value.microsecond // 1000 * 1000)
        if isinstance(value, datetime.datetime)
        else value
        for key, value in row.items()
    }


def every_row():
    return {
        model._meta.label: [to_milliseconds(row) for row in model._default_manager.order_by("pk").values()]
        for model in apps.get_models()
        if model._meta.app_label not in {"contenttypes", "auth", "admin", "sessions", "axes"}
    }


def filed_reports():
    """A published report with a correction, and a draft: reports, entries, sections, revisions."""
    department = Department.objects.get(pk=360000001)
    approver = factories.make_approver(department)
    report = factories.make_filed_report(department, 2024, approver, publish=True)
    services.report_correct(
        report=report,
        user=approver,
        expected_version=report.version,
        overall="更正后",
        entries={},
        sections={},
        reason="数据更正",
    )
    services.report_create(user=approver, department=department, year=2025)


def test_restore_brings_back_every_row_including_reports_and_revisions(tmp_path):
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
    filed_reports()
    before = every_row()
    assert len(before["reports.Revision"]) == 2 and len(before["reports.Report"]) == 2
    assert sum(len(rows) for rows in before.values()) > 600
    backup = tmp_path / "portal.backup"
    call_command("backup_database", str(backup), verbosity=0)
    assert backup.stat().st_size > 0

    Department.objects.filter(jurisdiction="360000").update(name="（被误改的名称）")
    DutyItem.objects.filter(document__jurisdiction="410000").delete()
    Revision.objects.filter(number=2).delete()
    assert every_row() != before

    call_command("restore_database", str(backup), "--yes", verbosity=0)
    assert every_row() == before


def test_restoring_a_missing_file_is_a_clear_error_and_changes_nothing(tmp_path):
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
    before = every_row()
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore_database", str(tmp_path / "missing.backup"), "--yes")
    assert every_row() == before
