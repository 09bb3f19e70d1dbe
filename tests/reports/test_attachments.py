"""Evidence files: PDF, PNG or JPEG by content, within the size limit; a renamed executable is refused."""

from urllib.parse import quote

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from reports import attachments, services
from reports.models import Attachment
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
LINUX_ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("报告.pdf", PDF, "pdf"), ("现场.png", PNG, "png"), ("现场.jpg", JPEG, "jpeg"), ("no-extension", PDF, "pdf")],
)
def test_pdf_png_and_jpeg_are_accepted_by_content(draft, editor, name, content, kind):
    attachment = services.attachment_add(report=draft, user=editor, upload=upload(name, content))
    assert (attachment.kind, attachment.original_name, attachment.size) == (kind, name, len(content))
    # The stored name is generated from the checked type, never the uploader's.
    assert attachment.file.name.endswith({"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}[kind])
    assert name not in attachment.file.name
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("证明材料.pdf", WINDOWS_EXE),
        ("photo.jpg", LINUX_ELF),
        ("scan.png", b"<html><script>alert(1)</script></html>"),
        ("report.pdf", b"PK\x03\x04 a zip or docx"),
        ("padded.pdf", b"  %PDF-1.7 leading bytes"),
    ],
)
def test_anything_else_is_refused_whatever_it_is_called(draft, editor, name, content):
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(report=draft, user=editor, upload=upload(name, content))
    assert excinfo.value.messages == [str(attachments.ATTACHMENT_TYPE_REFUSED)]
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(draft, editor, settings):
    settings.REPORT_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(report=draft, user=editor, upload=upload("big.pdf", PDF + b"0" * 1024))
    assert excinfo.value.messages == [str(attachments.ATTACHMENT_TOO_LARGE % {"limit": "1.0\xa0KB"})]
    assert not Attachment.objects.exists()


def test_an_empty_file_is_refused(draft, editor):
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(report=draft, user=editor, upload=upload("empty.pdf", b""))
    assert excinfo.value.messages == [str(attachments.ATTACHMENT_EMPTY)]


def test_another_departments_staff_cannot_attach(draft, other_editor):
    with pytest.raises(PermissionDenied):
        services.attachment_add(report=draft, user=other_editor, upload=upload("a.pdf", PDF))


def test_a_submitted_report_takes_no_more_attachments_and_keeps_its_own(department, approver):
    report = services.report_create(user=approver, department=department, year=2023)
    attachment = services.attachment_add(report=report, user=approver, upload=upload("a.pdf", PDF))
    report = factories.save_draft(report, approver)
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    with pytest.raises(ValidationError):
        services.attachment_add(report=report, user=approver, upload=upload("b.pdf", PDF))
    with pytest.raises(ValidationError):
        services.attachment_remove(attachment=Attachment.objects.get(pk=attachment.pk), user=approver)
    assert report.revisions.get().content["attachments"] == [
        {"id": attachment.pk, "name": "a.pdf", "kind": "pdf", "size": len(PDF)}
    ]


def test_removing_a_draft_attachment_deletes_its_file(draft, editor, django_capture_on_commit_callbacks):
    attachment = services.attachment_add(report=draft, user=editor, upload=upload("a.pdf", PDF))
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(attachment=attachment, user=editor)
    assert not Attachment.objects.exists()
    assert not storage.exists(name)


# Downloads: named and typed by their content, always as a download, never sniffed by the browser.


@pytest.mark.parametrize(
    ("uploaded_as", "content", "downloaded_as", "content_type"),
    [
        ("report.exe", PDF, "report.pdf", "application/pdf"),
        ("page.html", PNG, "page.png", "image/png"),
        ("photo.jpeg.svg", JPEG, "photo.jpeg.jpg", "image/jpeg"),
        ("no-extension", PDF, "no-extension.pdf", "application/pdf"),
        (".exe", PDF, "附件.pdf", "application/pdf"),
        ("验收报告.html", PDF, "验收报告.pdf", "application/pdf"),
    ],
)
def test_a_download_is_named_and_typed_by_its_content(
    client, department, approver, uploaded_as, content, downloaded_as, content_type
):
    report = services.report_create(user=approver, department=department, year=2023)
    attachment = services.attachment_add(report=report, user=approver, upload=upload(uploaded_as, content))
    client.force_login(approver)
    response = client.get(f"/reports/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert (f'filename="{downloaded_as}"' in disposition) or (f"filename*=utf-8''{quote(downloaded_as)}" in disposition)
    assert b"".join(response.streaming_content) == content


def test_a_stored_file_of_no_known_kind_downloads_as_opaque_bytes(client, department, approver):
    report = services.report_create(user=approver, department=department, year=2023)
    attachment = services.attachment_add(report=report, user=approver, upload=upload("scan.pdf", PDF))
    with attachment.file.open("wb") as stored:  # changed behind the portal's back, in storage
        stored.write(b"<html><script>alert(1)</script></html>")
    client.force_login(approver)
    response = client.get(f"/reports/attachments/{attachment.pk}/")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="scan.bin"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_published_reports_attachment_downloads_for_anyone(client, department, approver):
    report = factories.make_filed_report(department, 2023, approver)
    attachment = Attachment.objects.create(
        report=report, file=ContentFile(PNG, name="x.png"), original_name="现场.php", kind="png", size=len(PNG)
    )
    services.report_publish(report=report, user=approver)
    response = client.get(f"/reports/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote('现场.png')}"
