"""The supervision problem list: preview with errors by row and column, confirm once, the same loop after."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from problems.imports import inspection_import, inspection_preview
from problems.models import Problem

pytestmark = pytest.mark.django_db

HEADER = "行政区划代码,具体地点,问题类别,问题描述,督察批次,发现日期\r\n"


def csv(*rows) -> bytes:
    return ("\ufeff" + HEADER + "".join(row + "\r\n" for row in rows)).encode()


GOOD = csv(
    "360121,莲塘镇某工业园,水,园区污水直排入河。,2026年省级督察第一轮,2026-01-10",
    "360000,赣江某段,大气,砂场扬尘未覆盖。,2026年省级督察第一轮,",
)


def test_a_good_file_previews_then_enters_once(county, jiangxi, supervisor):
    preview = inspection_preview(GOOD, jiangxi)
    assert preview.can_confirm and len(preview.rows) == 2
    created = inspection_import(user=supervisor, province=jiangxi, digest=preview.digest)
    again = inspection_import(user=supervisor, province=jiangxi, digest=preview.digest)
    assert [p.pk for p in created] == [p.pk for p in again]
    assert Problem.objects.filter(source=Problem.Source.SUPERVISION).count() == 2
    assert all(problem.published_at for problem in created)


def test_errors_are_named_by_row_and_column_and_nothing_is_entered(jiangxi, county, supervisor):
    data = csv(
        "410100,某地,水,描述。,批次,",
        "360121,,噪音,描述。,批次,2026/01/10",
    )
    preview = inspection_preview(data, jiangxi)
    messages = [str(error) for error in preview.errors]
    assert "第 2 行「行政区划代码」：“410100”不是江西省的行政区。" in messages
    assert any(m.startswith("第 3 行「具体地点」") for m in messages)
    assert any(m.startswith("第 3 行「问题类别」") for m in messages)
    assert any(m.startswith("第 3 行「发现日期」") for m in messages)
    with pytest.raises(ValidationError):
        inspection_import(user=supervisor, province=jiangxi, digest=preview.digest)
    assert not Problem.objects.exists()


def test_a_file_without_the_columns_is_refused(jiangxi):
    preview = inspection_preview("名称,地点\r\n甲,乙\r\n".encode(), jiangxi)
    assert not preview.can_confirm and "缺少列" in str(preview.errors[0])


def test_only_the_province_s_supervisor_imports(jiangxi, county, other_supervisor, office):
    preview = inspection_preview(GOOD, jiangxi)
    for user in (other_supervisor, office):
        with pytest.raises(ValidationError):
            inspection_import(user=user, province=jiangxi, digest=preview.digest)


def test_the_page_previews_and_confirms(county, supervisor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = Client()
    client.force_login(supervisor)
    upload = SimpleUploadedFile("list.csv", GOOD, content_type="text/csv")
    page = client.post("/workspace/problems/inspections/", {"action": "preview", "file": upload})
    assert page.status_code == 200 and "确认录入 2 个问题" in page.content.decode()
    digest = page.context["preview"].digest
    assert client.post("/workspace/problems/inspections/", {"action": "confirm", "digest": digest}).status_code == 302
    assert Problem.objects.count() == 2
    other = Client()
    from tests.problems.factories import user

    other.force_login(user())
    assert other.get("/workspace/problems/inspections/").status_code == 403
