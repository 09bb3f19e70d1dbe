"""A city or county that joins publishes its own list under its province, with no new code."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duties import services
from duties.models import Department, DutyItem, Jurisdiction, Sector
from duties.services import DutyDraft, RoleDraft

pytestmark = pytest.mark.django_db

DUTY_TEXT = "负责全区城市建筑工地扬尘污染防治监管。"


@pytest.fixture
def county():
    """南昌市 and its 东湖区 join, each with one department; the district imports its first list."""
    city = Jurisdiction.objects.create(
        code="360100",
        name="南昌市",
        short_name="南昌",
        slug="nanchang",
        level="prefecture",
        kind="city",
        parent_id="360000",
    )
    district = Jurisdiction.objects.create(
        code="360102", name="东湖区", short_name="东湖", slug="donghu", level="county", kind="district", parent=city
    )
    sector = Sector.objects.get(code="housing-construction")
    Department.objects.create(
        jurisdiction=city, name="南昌市住房和城乡建设局", short_name="市住建局", sector=sector, slug="zhu-jian-ju"
    )
    housing = Department.objects.create(
        jurisdiction=district, name="东湖区住房和城乡建设局", short_name="区住建局", sector=sector, slug="zhu-jian-ju"
    )
    plan = services.edition_plan(
        jurisdiction=district,
        department=None,
        effective_on=datetime.date(2026, 3, 1),
        drafts=[DutyDraft(None, "1", DUTY_TEXT, (RoleDraft("lead", housing.pk, "区住建局"),), 2)],
    )
    services.edition_publish(
        plan=plan, basis="东湖区生态环境保护具体事项清单", file_name="donghu.csv", file_sha256="1" * 64
    )
    return district


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_province_leads_to_its_cities_and_their_counties(client, county):
    assert 'href="/jiangxi/360100/">南昌市</a>' in body(client, "/jiangxi/")
    city = body(client, "/jiangxi/360100/")
    assert "<h1>南昌市</h1>" in city and 'href="/jiangxi/360100/departments/zhu-jian-ju/"' in city
    assert 'href="/jiangxi/360102/">东湖区</a>' in city


def test_a_countys_department_has_its_own_page_list_and_history(client, county):
    department_url = "/jiangxi/360102/departments/zhu-jian-ju/"
    district = body(client, "/jiangxi/360102/")
    assert f'href="{department_url}">东湖区住房和城乡建设局</a>' in district and "牵头 1 项" in district
    assert '<a href="/jiangxi/">江西省</a>' in district and '<a href="/jiangxi/360100/">南昌市</a>' in district
    page = body(client, department_url)
    assert DUTY_TEXT in page and f'href="{department_url}changes/"' in page
    assert DUTY_TEXT in body(client, department_url + "changes/")
    assert DUTY_TEXT in body(client, department_url + "changes/feed/")
    duty = DutyItem.objects.get(text=DUTY_TEXT)
    assert f'href="{department_url}">区住建局</a>' in body(client, duty.get_absolute_url())
    assert "东湖区生态环境保护具体事项清单" in body(client, "/jiangxi/changes/")


def test_a_code_outside_the_province_or_unknown_is_not_found(client, county):
    assert client.get("/henan/360102/").status_code == 404
    assert client.get("/jiangxi/360199/").status_code == 404
    assert client.get("/jiangxi/360000/").status_code == 404  # the province itself is /jiangxi/
    assert client.get("/jiangxi/360100/departments/no-such/").status_code == 404


def test_local_pages_run_as_many_queries_as_the_provinces(client, county):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    # The page's own lookup of the city or county by its code is the one more query.
    assert queries("/jiangxi/360100/") == queries("/jiangxi/360102/") == queries("/jiangxi/") + 1
    department = "/jiangxi/360102/departments/zhu-jian-ju/"
    assert queries(department) <= queries("/jiangxi/departments/cai-zheng-ting/") + 1
