"""One archive holds the whole portal: restored into an empty database and an empty storage, every report,
attachment, plan, problem, photo and edition is back with identical content."""

import datetime
import io
import tarfile

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from PIL import Image

from duties.models import Department, Jurisdiction
from problems.models import Photo
from reports import services
from reports.models import Attachment
from tests import factories
from tests.problems.factories import county_in_jiangxi, file_problem

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NOT_RESTORED = {"contenttypes", "admin", "sessions"}  # Django recreates content types; logs and sessions are not data


def every_row():
    """Every row of every model, a content type named by its model (a new database numbers them anew)."""
    content_types = {content_type.pk: content_type.natural_key() for content_type in ContentType.objects.all()}
    return {
        model._meta.label: [
            {key: content_types[value] if key in named_by_model(model) else value for key, value in row.items()}
            for row in model._default_manager.order_by("pk").values()
        ]
        for model in apps.get_models()
        if model._meta.app_label not in NOT_RESTORED and model._meta.label != "auth.Permission"
    }


def named_by_model(model):
    return {
        field.attname
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is ContentType
    }


def every_file():
    names = {name for field in ("file",) for model in (Attachment, Photo) for name in model.objects.values_list(field)}
    return {name: default_storage.open(name).read() for (name,) in names}


def photo():
    image = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 90)).save(image, format="JPEG")
    return SimpleUploadedFile("现场.jpg", image.getvalue(), content_type="image/jpeg")


def a_year_of_work():
    """A published report with evidence, a plan filed for record, a problem with a photo, an edition of a list."""
    department = Department.objects.get(pk=360000001)
    approver = factories.make_approver(department, username="backup-approver")
    report = services.report_create(user=approver, department=department, year=2024)
    attachment = services.attachment_add(report=report, user=approver, upload=SimpleUploadedFile("证明.pdf", PDF))
    report = factories.save_draft(report, approver)
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    services.report_publish(report=report, user=approver)
    office = factories.make_office(Jurisdiction.objects.get(code="360000"))
    factories.make_filed_plan(department, 2025, approver, office, publish=True)
    problem = file_problem(county_in_jiangxi(), photos=[photo()]).problem
    factories.make_edition(department, datetime.date(2025, 7, 1))
    return approver, attachment, problem


def empty_the_database():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names():
                cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")
    assert connection.introspection.table_names() == []


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


def test_a_backup_restored_into_an_empty_database_and_storage_brings_everything_back(media, tmp_path, client):
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
    approver, attachment, problem = a_year_of_work()
    rows, files = every_row(), every_file()
    assert len(files) == 2 and PDF in files.values()
    assert rows["reports.Report"] and rows["plans.AnnualPlan"] and rows["problems.Problem"]
    assert rows["duties.Edition"] and rows["reports.Attachment"] and rows["problems.Photo"]
    archive = tmp_path / "portal.tar"
    call_command("backup_portal", str(archive), stdout=io.StringIO())

    empty_the_database()
    media.MEDIA_ROOT = tmp_path / "new-storage"
    assert not default_storage.exists(attachment.file.name)
    call_command("restore_portal", str(archive), "--yes", stdout=io.StringIO())

    assert every_row() == rows
    assert every_file() == files
    download = client.get(reverse("reports:attachment", args=[attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(approver)
    assert client.get(reverse("reports:workspace")).status_code == 200


def test_a_damaged_archive_is_refused_before_anything_changes(media, tmp_path):
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
    a_year_of_work()
    archive = tmp_path / "portal.tar"
    call_command("backup_portal", str(archive), stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name.endswith(".pdf"):
                content = content.replace(b"endobj", b"ENDOBJ")
            target.addfile(member, io.BytesIO(content))
    Department.objects.filter(pk=360000001).update(name="（备份之后改的名称）")
    rows = every_row()

    with pytest.raises(CommandError, match=r"\.pdf in the backup is damaged"):
        call_command("restore_portal", str(damaged), "--yes")
    assert every_row() == rows


def test_restoring_a_missing_or_foreign_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore_portal", str(tmp_path / "missing.tar"), "--yes")
    (tmp_path / "notes.txt").write_text("not a backup")
    with pytest.raises(CommandError, match="not a backup made by backup_portal"):
        call_command("restore_portal", str(tmp_path / "notes.txt"), "--yes")
