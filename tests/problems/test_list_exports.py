"""The public lists of problems, of all and of one department, each as a page, an Atom feed and a CSV file that
apply the same filters (jurisdiction, status, category, year) and never give the reporter's identity or contact."""

import csv
import io

import pytest

from duties.models import Department
from problems.models import Problem
from tests.problems import factories
from tests.problems.factories import accepted, beijing, closed, file_problem

pytestmark = pytest.mark.django_db
PRIVATE = (factories.REPORTER_NAME, factories.REPORTER_PHONE, factories.REPORTER_EMAIL, "莲塘镇", "附近居民反映多次")


@pytest.fixture
def problems(clock, county, office, handler, housing, transport, henan, other_office):
    """In 南昌县: dust filed in 2025 and closed by 住建厅, dust and a noise handled by 住建厅 and a water problem
    assigned to 交通运输厅 in 2026; in Henan, dust assigned to one of its departments. All with the reporter's
    contact."""
    contact = {"reporter_email": factories.REPORTER_EMAIL}
    clock.set(beijing(2025, 6, 1))
    closed(accepted(file_problem(county, **contact).problem, office, handler, housing), office, handler)
    clock.set(beijing(2026, 3, 1))
    accepted(file_problem(county, **contact).problem, office, handler, housing)
    noise = file_problem(county, category=Problem.Category.NOISE, **contact).problem
    factories.assigned(noise, office, housing, public_text="夜间施工噪声。")
    water = file_problem(county, category=Problem.Category.WATER, **contact).problem
    factories.assigned(water, office, transport, public_text="河道污水。")
    henan_department = Department.objects.filter(jurisdiction=henan).first()
    factories.assigned(file_problem(henan, **contact).problem, other_office, henan_department)


def csv_rows(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def numbers_in_csv(response):
    return sorted(row[0] for row in csv_rows(response)[1:])


def entries(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    return response.content.decode().count("<entry>")


def page_rows(response):
    assert response.status_code == 200
    return response.content.decode().count('<tr>\n      <td><a href="/problems/')


FILTERS = [
    ({}, 5),
    ({"jurisdiction": "jiangxi"}, 4),
    ({"jurisdiction": "360121"}, 4),
    ({"jurisdiction": "henan"}, 1),
    ({"jurisdiction": "jiangxi", "category": "noise"}, 1),
    ({"jurisdiction": "jiangxi", "status": "closed"}, 1),
    ({"jurisdiction": "jiangxi", "year": 2025}, 1),
    ({"jurisdiction": "jiangxi", "year": 2026, "category": "air"}, 1),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_the_list_its_feed_and_its_csv_apply_the_same_filters(client, problems, query, expected):
    assert page_rows(client.get("/problems/", query)) == expected
    assert entries(client.get("/problems/feed/", query)) == expected
    assert len(numbers_in_csv(client.get("/problems/export.csv", query))) == expected


DEPARTMENT_FILTERS = [({}, 3), ({"status": "closed"}, 1), ({"category": "noise"}, 1), ({"year": 2025}, 1)]


@pytest.mark.parametrize(("query", "expected"), DEPARTMENT_FILTERS)
def test_a_departments_list_feed_and_csv_apply_the_same_filters(client, problems, housing, query, expected):
    base = f"/problems/departments/{housing.pk}/"
    assert page_rows(client.get(base, query)) == expected
    assert entries(client.get(base + "feed/", query)) == expected
    rows = csv_rows(client.get(base + "export.csv", query))
    assert len(rows) - 1 == expected and {row[6] for row in rows[1:]} == {housing.name}


def test_the_pages_link_their_feed_and_csv_with_the_filters(client, problems, housing):
    html = client.get("/problems/", {"jurisdiction": "jiangxi", "category": "air"}).content.decode()
    assert 'href="/problems/export.csv?jurisdiction=jiangxi&amp;category=air"' in html
    assert 'href="/problems/feed/?jurisdiction=jiangxi&amp;category=air"' in html
    html = client.get(f"/problems/departments/{housing.pk}/", {"status": "closed"}).content.decode()
    assert f'href="/problems/departments/{housing.pk}/export.csv?status=closed"' in html
    assert f'href="/problems/departments/{housing.pk}/feed/?status=closed"' in html
    assert 'name="status"' in html and 'name="category"' in html and 'name="year"' in html


def test_a_feed_names_its_jurisdiction_or_department(client, problems, housing):
    assert (
        "<title>江西省生态环境问题：最新公开</title>"
        in client.get("/problems/feed/?jurisdiction=jiangxi").content.decode()
    )
    feed = client.get(f"/problems/departments/{housing.pk}/feed/").content.decode()
    assert f"<title>{housing.name}：生态环境问题</title>" in feed


def test_the_csv_gives_the_public_columns(client, problems):
    rows = csv_rows(client.get("/problems/export.csv", {"status": "closed"}))
    assert rows[0][:7] == ["编号", "类别", "状态", "状态代码", "来源", "所在行政区", "承办部门"]
    closed_row = dict(zip(rows[0], rows[1], strict=True))
    assert closed_row["所在行政区"] == "江西省 南昌市 南昌县" and closed_row["状态代码"] == "closed"
    assert closed_row["按时受理"] == "是" and closed_row["按时办结"] == "是"
    assert closed_row["收到时间"] == "2025-06-01T12:00:00+08:00"
    assert closed_row["公开页面"] == f"http://testserver/problems/{closed_row['编号']}/"


@pytest.mark.parametrize(
    "url",
    [
        "/problems/",
        "/problems/feed/",
        "/problems/export.csv",
        "/problems/departments/{pk}/",
        "/problems/departments/{pk}/feed/",
        "/problems/departments/{pk}/export.csv",
    ],
)
def test_no_list_output_gives_the_reporters_identity_or_contact(client, problems, housing, url):
    text = client.get(url.format(pk=housing.pk)).content.decode("utf-8-sig")
    assert Problem.objects.filter(reporter_phone=factories.REPORTER_PHONE).count() == 5  # they were given
    assert factories.DUST not in text
    assert [value for value in PRIVATE if value in text] == []


@pytest.mark.parametrize(
    "url",
    [
        "/problems/feed/",
        "/problems/export.csv",
        "/problems/departments/{pk}/feed/",
        "/problems/departments/{pk}/export.csv",
    ],
)
def test_a_filter_the_list_cannot_apply_is_a_400_naming_it(client, problems, housing, url):
    response = client.get(url.format(pk=housing.pk), {"category": "parking", "year": "1850"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "category:" in text and "year:" in text
