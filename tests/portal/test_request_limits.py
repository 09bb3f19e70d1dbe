"""Django's own body limits match the documented upload limits, the README's nginx allows the same, and a
body larger than anybody needs is refused before it is read."""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count, Q
from django.test import override_settings

from duties.models import Department, DutyRole
from reports import services
from reports.models import Attachment
from tests import factories
from tests.reports.test_attachments import PDF
from tests.reports.test_views import form_data

NGINX_SIZES = {"k": 2**10, "m": 2**20, "g": 2**30}


def readme_client_max_body_size():
    match = re.search(r"client_max_body_size\s+(\d+)([kmg]?);", (settings.BASE_DIR / "README.md").read_text(), re.I)
    assert match, "the README's nginx configuration sets client_max_body_size"
    return int(match.group(1)) * NGINX_SIZES.get(match.group(2).lower(), 1)


def test_files_up_to_the_documented_limits_are_read_in_memory_and_fit_in_a_request():
    assert settings.REPORT_ATTACHMENT_MAX_BYTES == 10 * 2**20
    assert settings.DUTY_IMPORT_MAX_BYTES == 5 * 2**20
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE >= max(
        settings.REPORT_ATTACHMENT_MAX_BYTES, settings.DUTY_IMPORT_MAX_BYTES
    )
    assert (
        settings.REQUEST_BODY_MAX_BYTES >= settings.REPORT_ATTACHMENT_MAX_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    )


def test_the_readmes_nginx_takes_every_request_the_app_takes():
    # nginx's default (1 MB) would refuse every attachment over 1 MB with its own 413.
    assert readme_client_max_body_size() >= settings.REQUEST_BODY_MAX_BYTES


@pytest.mark.django_db
def test_the_largest_report_form_fits_in_the_field_limit():
    department = (
        Department.objects.filter(bears_key_duties=True)
        .annotate(led=Count("duty_roles", filter=Q(duty_roles__role__in=[DutyRole.Role.LEAD, DutyRole.Role.CO_LEAD])))
        .order_by("-led")
        .first()
    )
    editor = factories.make_editor(department)
    report = services.report_create(user=editor, department=department, year=2024)
    fields = len(form_data(report)) + 2  # and the CSRF token and the attachment field
    assert report.entries.count() >= 15
    assert fields <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


@pytest.mark.django_db
def test_an_attachment_at_the_documented_limit_is_accepted_through_the_form(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    department = Department.objects.get(pk=360000001)
    editor = factories.make_editor(department)
    report = services.report_create(user=editor, department=department, year=2024)
    client.force_login(editor)
    data = form_data(report)
    content = PDF + b"0" * (settings.REPORT_ATTACHMENT_MAX_BYTES - len(PDF))
    data["attachment"] = SimpleUploadedFile("大文件.pdf", content, content_type="application/pdf")
    response = client.post(f"/workspace/reports/{report.pk}/", data)
    assert response.status_code == 302
    assert Attachment.objects.get().size == settings.REPORT_ATTACHMENT_MAX_BYTES


@pytest.mark.django_db
@override_settings(REQUEST_BODY_MAX_BYTES=1000)
def test_a_body_larger_than_anybody_needs_is_refused_unread(client):
    response = client.post("/accounts/login/", {"username": "x", "password": "y" * 2000})
    assert response.status_code == 413
    assert "请求内容过大" in response.content.decode()
    assert client.post("/accounts/login/", {"username": "x", "password": "y"}).status_code == 200
