"""The reminder command sends each reminder once across repeated runs, none once the deadline is met, none when
turned off, and says what it sent."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from calendars import reminders
from calendars.models import ReminderSent
from tests import factories

pytestmark = pytest.mark.django_db

JIANGXI_REPORT_2025 = "annual-report-360000001-2025@duty-lists.portal"


@pytest.fixture
def staff(department):
    editor = factories.make_editor(department, username="r-editor")
    approver = factories.make_approver(department, username="r-approver")
    for user, address in ((editor, "editor@example.cn"), (approver, "approver@example.cn")):
        user.email = address
        user.save()
    return editor, approver


@pytest.fixture
def jiangxi_supervisor(jiangxi):
    user = factories.make_supervisor(jiangxi, username="r-supervisor")
    user.email = "supervisor@example.cn"
    user.save()
    return user


def run(day: str) -> str:
    out = StringIO()
    call_command("send_deadline_reminders", "--today", day, stdout=out)
    return out.getvalue()


def messages_about(uid_part: str):
    return [message for message in mail.outbox if uid_part in message.body or uid_part in message.subject]


def test_14_3_and_1_days_before_each_once_however_often_it_runs(staff):
    for day in ("2025-12-27", "2025-12-27", "2026-01-07", "2026-01-07", "2026-01-09", "2026-01-09"):
        run(day)
    about = messages_about("江西省生态环境厅报送 2025 年度")
    assert [message.subject for message in about] == [
        "【提醒】14 天后截止：江西省生态环境厅报送 2025 年度生态环境保护专题报告",
        "【提醒】3 天后截止：江西省生态环境厅报送 2025 年度生态环境保护专题报告",
        "【提醒】1 天后截止：江西省生态环境厅报送 2025 年度生态环境保护专题报告",
    ]
    assert about[0].to == ["approver@example.cn", "editor@example.cn"]
    assert "截止日期：2026-01-10" in about[0].body and "原文：/jiangxi/documents/36000001/#p3-m9" in about[0].body
    rows = ReminderSent.objects.filter(deadline_uid=JIANGXI_REPORT_2025).order_by("id")
    assert [(row.threshold, row.outcome) for row in rows] == [("14", "sent"), ("3", "sent"), ("1", "sent")]


def test_a_run_after_cron_was_down_sends_only_the_nearest_reminder(staff):
    run("2026-01-08")  # 2 days left: past 14 and 3
    assert len(messages_about("江西省生态环境厅报送 2025 年度")) == 1
    rows = dict(ReminderSent.objects.filter(deadline_uid=JIANGXI_REPORT_2025).values_list("threshold", "outcome"))
    assert rows == {"3": "sent", "14": "superseded"}


def test_none_once_the_deadline_is_met(department, staff, clock):
    _editor, approver = staff
    clock("2025-12-20 10:00")
    factories.make_filed_report(department, 2025, approver)
    run("2025-12-27")
    run("2026-01-09")
    assert messages_about("江西省生态环境厅报送 2025 年度") == []


def test_the_supervisor_hears_once_of_each_overdue_item(staff, jiangxi_supervisor):
    run("2026-01-11")
    run("2026-01-12")
    overdue = [m for m in mail.outbox if m.to == ["supervisor@example.cn"]]
    subjects = [m.subject for m in overdue]
    assert "【逾期】江西省生态环境厅报送 2025 年度生态环境保护专题报告（截止 2026-01-10）" in subjects
    assert len(subjects) == len(set(subjects))


def test_each_kind_is_turned_off_by_its_setting(staff, jiangxi_supervisor, settings):
    settings.DEADLINE_REMINDER_DAYS = []
    settings.DEADLINE_OVERDUE_REMINDERS = False
    assert "nothing to send" in run("2026-01-09") and "nothing to send" in run("2026-01-11")
    assert mail.outbox == []
    settings.DEADLINE_REMINDER_DAYS = [3]
    run("2026-01-09")
    assert [m.subject[:11] for m in messages_about("江西省生态环境厅报送 2025 年度")] == ["【提醒】3 天后截止："]


def test_a_failing_mail_server_records_nothing_and_the_next_run_tries_again(staff, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(reminders, "send_mail", refuse)
    assert "failed" in run("2026-01-09")
    assert not ReminderSent.objects.filter(deadline_uid=JIANGXI_REPORT_2025).exists()
    monkeypatch.undo()
    run("2026-01-09")
    assert len(messages_about("江西省生态环境厅报送 2025 年度")) == 1


def test_a_department_without_addresses_is_logged_not_retried(department):
    output = run("2026-01-09")
    assert f"no-recipients\t1\t2026-01-10\t{JIANGXI_REPORT_2025}\t0 recipient(s)" in output
    assert JIANGXI_REPORT_2025 not in run("2026-01-09")


def test_dry_run_sends_and_records_nothing(staff):
    out = StringIO()
    call_command("send_deadline_reminders", "--today", "2026-01-09", "--dry-run", stdout=out)
    assert "dry-run\t1\t2026-01-10" in out.getvalue()
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_bad_day_is_refused():
    with pytest.raises(Exception, match="--today"):
        call_command("send_deadline_reminders", "--today", "2026/01/09")


def test_the_horizon_spans_the_new_year():
    years = {r.deadline.due.year for r in reminders.due_reminders(datetime.date(2025, 12, 27))}
    assert 2026 in years
