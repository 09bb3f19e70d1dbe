"""The workspace pages: what a user typed is never lost, conflicts are explained, submit is idempotent."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reports import services
from reports.models import Attachment, Report, Revision
from tests import factories
from tests.reports.test_attachments import PDF, WINDOWS_EXE

pytestmark = pytest.mark.django_db


def form_data(report, *, version=None, overall="总体情况", status="in-progress", progress="进展", links="", **extra):
    data = {"version": version or report.version, "overall": overall, "action": "save"}
    for entry in report.entries.all():
        prefix = f"entry-{entry.pk}"
        data.update(
            {
                f"{prefix}-status": status,
                f"{prefix}-progress": progress,
                f"{prefix}-figures": "",
                f"{prefix}-evidence_links": links,
            }
        )
    for section in report.sections.all():
        data[f"section-{section.pk}-body"] = "攻坚战进展"
    data.update(extra)
    return data


def edit_url(report):
    return reverse("reports:report_edit", args=[report.pk])


def test_an_editor_opens_a_draft_from_the_workspace(editor_client, department):
    response = editor_client.post(reverse("reports:report_create"), {"year": "2024"}, follow=True)
    report = Report.objects.get(department=department, year=2024)
    assert response.redirect_chain[-1][0] == edit_url(report)
    page = response.content.decode()
    assert "污染防治攻坚战落实情况" in page
    assert page.count('class="entry"') == 15
    assert "保存草稿" in page and "保存并报送" not in page  # an editor cannot submit


def test_a_draft_saved_is_found_again(editor_client, draft):
    response = editor_client.post(edit_url(draft), form_data(draft, overall="今年完成了三件事"))
    assert response.status_code == 302
    page = editor_client.get(edit_url(draft)).content.decode()
    assert "今年完成了三件事" in page
    assert "草稿已保存" in page


def test_a_validation_error_keeps_everything_typed(editor_client, draft):
    data = form_data(draft, overall="我写了很长的总体情况", progress="每一条都写了", links="不是网址")
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "我写了很长的总体情况" in page
    assert page.count("每一条都写了") == 15
    assert "不是有效的网址" in page
    assert Report.objects.get(pk=draft.pk).overall == ""


def test_the_second_of_two_concurrent_saves_is_refused_with_its_text_kept(editor_client, approver_client, draft):
    opened_by_editor = form_data(draft, overall="编辑的版本")
    opened_by_approver = form_data(draft, overall="审核人的版本")  # both read version 1
    assert editor_client.post(edit_url(draft), opened_by_editor).status_code == 302
    response = approver_client.post(edit_url(draft), opened_by_approver)
    assert response.status_code == 409
    page = response.content.decode()
    assert "其他人已经修改了这份草稿" in page
    assert "审核人的版本" in page  # their text is still in the form
    assert Report.objects.get(pk=draft.pk).overall == "编辑的版本"  # and nothing was overwritten
    # The form now carries the current version: saving again is a deliberate choice.
    assert 'name="version" value="2"' in page


def test_a_form_without_csrf_token_is_refused(editor, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(edit_url(draft), form_data(draft, overall="伪造"))
    assert response.status_code == 403
    assert Report.objects.get(pk=draft.pk).overall == ""


def test_every_workspace_form_carries_a_csrf_token(editor_client, draft):
    for url in (reverse("reports:workspace"), edit_url(draft)):
        page = editor_client.get(url).content.decode()
        assert page.count("<form") == page.count("csrfmiddlewaretoken")


def test_a_renamed_executable_is_refused_and_the_text_is_saved(editor_client, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = form_data(draft, overall="附件前的文字")
    data["attachment"] = SimpleUploadedFile("证明材料.pdf", WINDOWS_EXE, content_type="application/pdf")
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "只能上传 PDF、PNG 或 JPEG 文件" in page
    assert "附件前的文字" in page
    assert not Attachment.objects.exists()
    assert Report.objects.get(pk=draft.pk).overall == "附件前的文字"


def test_a_pdf_is_attached_and_served_only_to_readers(editor_client, draft, settings, tmp_path, other_editor):
    settings.MEDIA_ROOT = tmp_path
    data = form_data(draft)
    data["attachment"] = SimpleUploadedFile("验收.pdf", PDF, content_type="application/octet-stream")
    assert editor_client.post(edit_url(draft), data).status_code == 302
    attachment = Attachment.objects.get()
    url = reverse("reports:attachment", args=[attachment.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    other = Client()
    other.force_login(other_editor)
    assert other.get(url).status_code == 404
    assert Client().get(url).status_code == 404


def test_the_approver_submits_and_a_second_click_changes_nothing(approver_client, draft, approver):
    data = form_data(draft, action="submit")
    checking = approver_client.post(edit_url(draft), data, follow=True)
    assert checking.redirect_chain[-1][0] == reverse("reports:report_submit", args=[draft.pk])
    assert "报送前请核对" in checking.content.decode()
    assert Report.objects.get(pk=draft.pk).is_draft  # saved, not yet submitted
    confirm = {"version": Report.objects.get(pk=draft.pk).version}
    first = approver_client.post(reverse("reports:report_submit", args=[draft.pk]), confirm, follow=True)
    assert first.redirect_chain[-1][0] == reverse("reports:report_submitted", args=[draft.pk])
    assert "报告已报送" in first.content.decode() and "接下来" in first.content.decode()
    report = Report.objects.get(pk=draft.pk)
    assert report.state == Report.State.SUBMITTED
    again = approver_client.post(reverse("reports:report_submit", args=[draft.pk]), confirm, follow=True)
    assert "没有重复报送" in again.content.decode()
    second = approver_client.post(edit_url(draft), data, follow=True)
    assert second.status_code == 200
    assert "没有重复报送" in second.content.decode()
    assert Revision.objects.filter(report=draft).count() == 1
    assert Report.objects.get(pk=draft.pk).submitted_at == report.submitted_at


def test_submitting_without_the_overall_part_saves_and_marks_the_field(approver_client, draft):
    response = approver_client.post(
        edit_url(draft), form_data(draft, overall="", progress="写好的进展", action="submit")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<a href="#id_overall">生态环境保护职责履行总体情况：报送前请填写' in page  # the error summary
    assert 'aria-invalid="true"' in page.split('id="id_overall"')[0].rsplit("<textarea", 1)[1]
    assert "<title>错误：" in page
    report = Report.objects.get(pk=draft.pk)
    assert report.is_draft and report.entries.first().progress == "写好的进展"  # the text is saved


def test_a_submitted_report_is_shown_frozen_with_publish_and_correct(approver_client, department, approver):
    report = factories.make_filed_report(department, 2023, approver)
    page = approver_client.get(edit_url(report)).content.decode()
    assert "在本平台公开" in page and "提交更正" in page
    assert 'name="overall"' not in page


def test_publish_then_the_public_sees_it_at_its_own_address(approver_client, department, approver):
    report = factories.make_filed_report(department, 2023, approver)
    public_url = report.get_absolute_url()
    assert Client().get(public_url).status_code == 404
    checking = approver_client.get(reverse("reports:report_publish", args=[report.pk])).content.decode()
    assert "公开前请核对" in checking and "公开不能撤回" in checking and public_url in checking
    assert Client().get(public_url).status_code == 404  # looking at the check publishes nothing
    done = approver_client.post(reverse("reports:report_publish", args=[report.pk]), follow=True)
    assert done.redirect_chain[-1][0] == reverse("reports:report_published", args=[report.pk])
    assert "报告已公开" in done.content.decode()
    page = Client().get(public_url).content.decode()
    assert "江西省生态环境厅 2023 年度生态环境保护专题报告" in page
    assert "2024年1月10日" in page  # its deadline
    assert "本级党委和政府" in page and "本级环委会" in page  # submitted to, copied to
    assert "逾期报送" in page or "按时报送" in page
    assert "全年履职情况良好" in page


def test_a_correction_shows_in_the_public_history(approver_client, department, approver):
    report = factories.make_filed_report(department, 2023, approver, publish=True)
    url = reverse("reports:report_correct", args=[report.pk])
    data = form_data(report, overall="更正后的文字", status="done", progress="已完成。")
    data["reason"] = "补充数据"
    response = approver_client.post(url, data)
    assert response.status_code == 302
    page = Client().get(report.get_absolute_url()).content.decode()
    assert "更正后的文字" in page and "补充数据" in page and "第 2 版" in page
    first = Client().get(reverse("reports:public_revision", args=["jiangxi", department.slug, 2023, 1]))
    assert "全年履职情况良好" in first.content.decode()


def test_a_correction_without_reason_keeps_the_text(approver_client, department, approver):
    report = factories.make_filed_report(department, 2023, approver)
    url = reverse("reports:report_correct", args=[report.pk])
    response = approver_client.post(url, form_data(report, overall="想要更正的文字"))
    assert response.status_code == 400
    assert "想要更正的文字" in response.content.decode()
    assert Revision.objects.filter(report=report).count() == 1


@pytest.mark.parametrize(
    "data",
    [{}, {"version": "abc"}, {"version": "1", "entry-999999-status": "done"}, {"version": "-5", "overall": "x" * 10}],
)
def test_bad_input_is_a_400_not_a_500(editor_client, draft, data):
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 400


@pytest.mark.parametrize("year", ["", "abc", "1999", "3000"])
def test_a_bad_year_is_explained_not_a_500(editor_client, year):
    response = editor_client.post(reverse("reports:report_create"), {"year": year}, follow=True)
    assert response.status_code == 200
    assert not Report.objects.exists()


def test_public_report_list_and_missing_pages(department, approver, client):
    report = factories.make_filed_report(department, 2023, approver, publish=True)
    assert str(report) in client.get(reverse("reports:public_index")).content.decode()
    assert client.get("/reports/jiangxi/no-such-department/2023/").status_code == 404
    assert client.get("/reports/jiangxi/sheng-tai-huan-jing-ting/2023/revisions/9/").status_code == 404


def test_services_message_constants_are_what_pages_show(editor_client, draft):
    services.report_draft_save(
        report=draft, user=draft.updated_by, expected_version=1, overall="x", entries={}, sections={}
    )
    response = editor_client.post(edit_url(draft), form_data(draft, version=1))
    assert str(services.STALE_VERSION) in response.content.decode()


def test_an_editor_forging_submit_is_refused_before_anything_is_saved(editor_client, draft):
    response = editor_client.post(edit_url(draft), form_data(draft, overall="不该保存的文字", action="submit"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.overall != "不该保存的文字" and draft.is_draft


def test_a_site_admin_reads_a_draft_as_a_page_not_an_empty_form(client, site_admin, draft):
    client.force_login(site_admin)
    response = client.get(edit_url(draft))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "reports/report_workspace_detail.html"


def test_a_full_disk_on_upload_gives_a_clear_message_and_keeps_the_draft(editor_client, draft, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("django.core.files.storage.FileSystemStorage._save", disk_full)
    data = form_data(draft, overall="磁盘满时写的文字")
    data["attachment"] = SimpleUploadedFile("验收.pdf", PDF, content_type="application/pdf")
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "附件暂时无法保存" in page and "磁盘满时写的文字" in page
    assert not Attachment.objects.exists()
    assert Report.objects.get(pk=draft.pk).overall == "磁盘满时写的文字"
