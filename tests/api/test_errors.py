"""Every error body is JSON in Chinese naming what was wrong or not found; no English default reaches a client."""

import datetime

import pytest

from api import errors, renderers
from duties.api import views
from duties.models import Department, DutyItem
from portal import errors as portal_errors
from portal import null_characters
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/provinces/9999/", {"code": ["没有代码或拼音标识为“9999”的行政区。"]}),
        ("/api/v1/provinces/atlantis/", {"code": ["没有代码或拼音标识为“atlantis”的行政区。"]}),
        ("/api/v1/sectors/astrology/", {"code": ["没有代码为“astrology”的职能领域。"]}),
        ("/api/v1/duties/1/", {"id": ["没有编号为“1”的具体事项。"]}),
        ("/api/v1/duties/abc/", {"id": ["没有编号为“abc”的具体事项。"]}),
        ("/api/v1/departments/99999999999999999999999/", {"id": ["没有编号为“99999999999999999999999”的部门。"]}),
        ("/api/v1/documents/7.csv", {"id": ["没有编号为“7”的政策文件。"]}),
        ("/api/v1/editions/7/", {"id": ["没有编号为“7”的清单版本。"]}),
        ("/api/v1/reports/7/", {"id": ["没有编号为“7”的年度专题报告。"]}),
        ("/api/v1/duties/?page=99", {"page": ["没有第 99 页：共 2 页。"]}),
        ("/api/v1/nothing/", {"path": [portal_errors.NOT_FOUND % {"path": "/api/v1/nothing/"}]}),
        ("/api/v1/duties/9.5/", {"path": [portal_errors.NOT_FOUND % {"path": "/api/v1/duties/9.5/"}]}),
    ],
)
def test_a_404_names_what_was_not_found(client, url, body):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == body


def test_a_duty_not_in_the_list_on_a_day_is_a_404_naming_the_day(client):
    water = Department.objects.get(jurisdiction="360000", short_name="省水利厅")
    factories.make_edition(water, datetime.date(2025, 7, 1), drop_last=True)
    removed = (
        DutyItem.objects.filter(ended_by__isnull=False)
        .exclude(lineage__in=DutyItem.objects.filter(valid_from__isnull=False).values("lineage"))
        .get()
    )
    assert client.get(f"/api/v1/duties/{removed.pk}/", {"as_of": "2025-06-30"}).status_code == 200
    response = client.get(f"/api/v1/duties/{removed.pk}/", {"as_of": "2025-07-01"})
    assert response.status_code == 404
    assert response.json() == {"as_of": [views.NOT_IN_FORCE % {"day": "2025-07-01"}]}


@pytest.mark.parametrize("url", ["/api/v1/duties/", "/api/v1/duties/36000001001/", "/api/v1/compliance/"])
def test_an_unknown_format_is_a_406_naming_the_format(client, url):
    response = client.get(url, {"format": "xml"})
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"format": [renderers.UNKNOWN_FORMAT % {"value": "xml", "formats": "json、csv"}]}


def test_an_accept_header_the_api_cannot_answer_is_a_406_naming_it(client):
    response = client.get("/api/v1/sectors/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    types = "application/json、text/csv"
    assert response.json() == {"Accept": [renderers.NOT_ACCEPTABLE % {"media_types": types}]}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace"])
def test_a_write_method_is_a_405_in_chinese_before_any_parameter_is_read(client, method):
    response = client.generic(method.upper(), "/api/v1/duties/36000001001/?nonsense=1")
    assert response.status_code == 405
    assert response.json() == {"detail": errors.METHOD_NOT_ALLOWED % {"method": method.upper()}}
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/duties/?province=%00",
        "/api/v1/departments/?province=%00",
        "/api/v1/documents/?province=%00",
        "/api/v1/editions/?province=%00",
        "/api/v1/lead-departments/?province=%00",
        "/api/v1/reports/?province=%00",
        "/api/v1/compliance/?province=%00&year=2025",
    ],
)
def test_a_nul_character_is_a_400_naming_the_parameter(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {"province": [null_characters.NULL_CHARACTER % {"name": "province"}]}


def test_no_english_default_reaches_a_client(client):
    for url in ["/api/v1/provinces/9999/", "/api/v1/duties/?page=0", "/api/v1/sectors/?format=xml", "/api/v1/x/"]:
        body = client.get(url).content.decode()
        for english in ["Not found", "Invalid page", "No Jurisdiction", "matches the given query", "Could not"]:
            assert english not in body, url
