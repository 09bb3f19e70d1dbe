"""A double click on 保存草稿 is one save, not a conflict; an edit by someone else in between still is."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from reports import services
from reports.models import Attachment, Report
from tests.reports.test_attachments import PDF
from tests.reports.test_views import edit_url, form_data

pytestmark = pytest.mark.django_db


def save(report, user, *, version, overall):
    entry = report.entries.first()
    return services.report_draft_save(
        report=report,
        user=user,
        expected_version=version,
        overall=overall,
        entries={entry.pk: services.EntryInput(status="done", progress="完成")},
        sections={},
    )


def test_the_same_save_sent_twice_by_the_same_person_succeeds_once(draft, editor):
    first = save(draft, editor, version=1, overall="总体情况")
    second = save(draft, editor, version=1, overall="总体情况")
    assert (first.repeated_save, second.repeated_save) == (False, True)
    assert Report.objects.get(pk=draft.pk).version == 2


def test_a_different_text_from_the_same_stale_version_is_still_a_conflict(draft, editor):
    save(draft, editor, version=1, overall="第一次")
    with pytest.raises(services.StaleVersion):
        save(draft, editor, version=1, overall="第二次，改过了")
    assert Report.objects.get(pk=draft.pk).overall == "第一次"


def test_someone_else_saving_from_the_same_version_is_still_a_conflict(draft, editor, approver):
    save(draft, editor, version=1, overall="编辑的版本")
    with pytest.raises(services.StaleVersion):
        save(draft, approver, version=1, overall="编辑的版本")


def test_a_save_repeated_after_another_save_is_a_conflict(draft, editor):
    save(draft, editor, version=1, overall="甲")
    save(draft, editor, version=2, overall="乙")
    with pytest.raises(services.StaleVersion):
        save(draft, editor, version=1, overall="甲")  # the back button, two saves ago: it would undo 乙


def test_a_double_click_in_the_page_answers_saved_twice_and_uploads_once(client, editor, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    for _click in range(2):
        data = form_data(draft, overall="双击保存")
        data["attachment"] = SimpleUploadedFile("验收.pdf", PDF, content_type="application/pdf")
        response = client.post(edit_url(draft), data, follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert "草稿已保存" in page and "其他人已经修改了这份草稿" not in page
    assert Attachment.objects.count() == 1
    assert Report.objects.get(pk=draft.pk).version == 2


def test_in_the_page_another_persons_save_in_between_is_still_refused(client, editor, approver, draft):
    client.force_login(editor)
    other = Client()
    other.force_login(approver)
    assert other.post(edit_url(draft), form_data(draft, overall="审核人的版本")).status_code == 302
    response = client.post(edit_url(draft), form_data(draft, overall="编辑的版本"))
    assert response.status_code == 409
    assert "其他人已经修改了这份草稿" in response.content.decode()
