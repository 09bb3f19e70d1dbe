"""Submitting and publishing go through check-your-answers and a confirmation; the editor hands the draft to the
approver (who is named, e-mailed and sees it waiting); the deadline and days left or late are on every page."""

import pytest
from django.core import mail
from django.urls import reverse

from reports.models import Report
from tests.reports.test_views import edit_url, form_data

pytestmark = pytest.mark.django_db


def test_the_editor_sees_the_approver_and_marks_the_draft_ready_and_the_approver_is_told(
    editor_client, approver_client, editor, approver, draft, django_capture_on_commit_callbacks
):
    approver.email = "approver@example.cn"
    approver.save()
    page = editor_client.get(edit_url(draft)).content.decode()
    assert "审核人" in page and "approver" in page
    assert "保存并核对报送内容" not in page  # the editor cannot submit
    with django_capture_on_commit_callbacks(execute=True):  # sent once the mark is committed
        response = editor_client.post(reverse("reports:report_ready", args=[draft.pk]), follow=True)
    assert "已通过电子邮件通知审核人：approver" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["approver@example.cn"]
    assert edit_url(draft) in mail.outbox[0].body
    workspace = approver_client.get(reverse("reports:workspace")).content.decode()
    assert "等待您审核的草稿" in workspace and "editor 于" in workspace


def test_only_department_staff_mark_a_draft_ready(client, other_editor, draft):
    client.force_login(other_editor)
    assert client.post(reverse("reports:report_ready", args=[draft.pk])).status_code == 404
    assert Report.objects.get(pk=draft.pk).ready_for_review_at is None


def test_the_check_page_lists_what_goes_and_a_change_since_asks_to_check_again(approver_client, editor_client, draft):
    approver_client.post(edit_url(draft), form_data(draft, overall="全年工作总体情况", action="submit"))
    url = reverse("reports:report_submit", args=[draft.pk])
    page = approver_client.get(url).content.decode()
    assert "全年工作总体情况" in page and "不能撤回" in page and "本级党委和政府" in page
    assert f'href="{edit_url(draft)}#id_overall"' in page
    checked_version = Report.objects.get(pk=draft.pk).version
    editor_client.post(edit_url(draft), form_data(Report.objects.get(pk=draft.pk), overall="编辑又改了"))
    response = approver_client.post(url, {"version": checked_version}, follow=True)
    assert "请重新核对" in response.content.decode()
    assert Report.objects.get(pk=draft.pk).is_draft


def test_the_editor_cannot_reach_the_check_page_or_submit(editor_client, draft):
    assert editor_client.get(reverse("reports:report_submit", args=[draft.pk])).status_code == 403
    assert editor_client.post(reverse("reports:report_submit", args=[draft.pk]), {"version": 1}).status_code == 403
    assert Report.objects.get(pk=draft.pk).is_draft


def test_the_confirmation_is_only_for_what_happened(approver_client, draft):
    assert approver_client.get(reverse("reports:report_submitted", args=[draft.pk])).status_code == 403


def test_the_draft_page_and_the_list_show_days_left(editor_client, draft, clock):
    clock("2025-01-01 09:00")  # 2024's report is due 2025-01-10 in Jiangxi
    page = editor_client.get(edit_url(draft)).content.decode()
    assert "截止 2025年1月10日" in page and "还有 9 天" in page
    assert "还有 9 天" in editor_client.get(reverse("reports:workspace")).content.decode()


def test_a_draft_past_its_deadline_says_how_many_days_late(editor_client, draft, clock):
    clock("2025-01-13 09:00")
    assert "已逾期 3 天" in editor_client.get(edit_url(draft)).content.decode()
    assert "已逾期 3 天" in editor_client.get(reverse("reports:workspace")).content.decode()


def test_the_year_list_starts_at_the_first_year_of_the_provinces_rule(editor_client, department):
    from reports import rules

    rule = rules.annual_rule_for(department.jurisdiction)
    page = editor_client.get(reverse("reports:workspace")).content.decode()
    options = page.split('name="year"')[1].split("</select>")[0]
    assert f'value="{rule.first_report_year}"' in options
    assert f'value="{rule.first_report_year - 1}"' not in options
