"""Each question the portal answers in several places gets one answer: lead counts, days, jurisdictions."""

import re

import pytest

from duties.days import DAY_FORMAT
from duties.models import Department

pytestmark = pytest.mark.django_db

PROVINCES = {"360000": "jiangxi", "410000": "henan", "500000": "chongqing", "220000": "jilin"}


def _counts_in(html, department):
    """The "牵头 N 项 · 会同牵头 M 项" printed next to `department`'s link on a list page."""
    pattern = re.escape(f">{department.name}</a>") + r'\s*<span class="count">牵头 (\d+) 项(?: · 会同牵头 (\d+) 项)?'
    match = re.search(pattern, html)
    assert match, f"no counts for {department.name}"
    return int(match[1]), int(match[2] or 0)


def test_every_page_and_endpoint_gives_each_department_the_same_lead_counts(client):
    province_pages = {code: client.get(f"/{slug}/").content.decode() for code, slug in PROVINCES.items()}
    checked = 0
    for department in Department.objects.filter(jurisdiction__parent__isnull=True).select_related("jurisdiction"):
        api = client.get(f"/api/v1/departments/{department.pk}/").json()
        lead, co_lead = api["lead_duty_count"], api["co_lead_duty_count"]
        assert _counts_in(province_pages[department.jurisdiction_id], department) == (lead, co_lead)
        page = client.get(department.get_absolute_url()).content.decode()
        assert f"牵头事项（{lead + co_lead}）" in page
        facts = re.search(r'<span class="count">牵头 (\d+) 项(?: · 会同牵头 (\d+) 项)?</span>', page)
        assert (int(facts[1]), int(facts[2] or 0)) == (lead, co_lead)
        listed = client.get("/api/v1/duties/", {"lead_department": department.pk, "page_size": 200}).json()
        assert listed["count"] == lead + co_lead
        checked += 1
    assert checked == Department.objects.filter(jurisdiction__parent__isnull=True).count() > 50


def test_the_environment_department_leads_13_and_co_leads_2(client):
    api = client.get("/api/v1/departments/360000001/").json()
    assert (api["lead_duty_count"], api["co_lead_duty_count"]) == (13, 2)
    assert "牵头 13 项 · 会同牵头 2 项" in client.get("/jiangxi/").content.decode()


DAY_ENDPOINTS = [
    "/api/v1/duties/",
    "/api/v1/lead-departments/",
    "/api/v1/duties/36000001060/",
    "/jiangxi/",
    "/jiangxi/departments/shui-li-ting/",
    "/jiangxi/duties/36000001060/",
    "/jiangxi/duties.csv",
]


@pytest.mark.parametrize("url", DAY_ENDPOINTS)
@pytest.mark.parametrize("spelling", ["2025/12/31", "2025-1-1", "20251231", "2025-02-30", "31.12.2025", "", " "])
def test_a_day_that_is_not_yyyy_mm_dd_is_a_400_everywhere(client, url, spelling):
    response = client.get(url, {"as_of": spelling})
    assert response.status_code == 400
    if url.startswith("/api/"):
        # An empty value is "leave it out" (api/parameters.py); any other is not a day.
        assert response.json() in (
            {"as_of": [str(DAY_FORMAT)]},
            {"as_of": ["参数“as_of”的值不能为空；不需要时请省略该参数。"]},
        )


@pytest.mark.parametrize("url", DAY_ENDPOINTS)
def test_an_iso_day_is_the_same_day_everywhere(client, url):
    assert client.get(url, {"as_of": "2025-12-31"}).status_code == 200


def test_the_editions_filter_takes_days_the_same_way(client):
    assert client.get("/api/v1/editions/", {"effective_after": "2025-12-31"}).status_code == 200
    assert client.get("/api/v1/editions/", {"effective_after": "2025/12/31"}).json() == {
        "effective_after": [str(DAY_FORMAT)]
    }


@pytest.mark.parametrize("url", ["/api/v1/duties/", "/api/v1/departments/", "/api/v1/documents/", "/api/v1/reports/"])
@pytest.mark.parametrize("name", ["jiangxi", "JiangXi", "JIANGXI", "360000", " jiangxi "])
def test_a_province_is_named_by_code_or_slug_in_any_case(client, url, name):
    response = client.get(url, {"province": name})
    assert response.status_code == 200
    assert response.json()["count"] == client.get(url, {"province": "jiangxi"}).json()["count"]


@pytest.mark.parametrize("url", ["/api/v1/duties/", "/api/v1/departments/", "/api/v1/reports/", "/api/v1/editions/"])
@pytest.mark.parametrize("name", ["nowhere", "999999", "x" * 300, "江西", "36000"])
def test_a_name_that_is_no_province_is_a_400_naming_the_parameter(client, url, name):
    response = client.get(url, {"province": name})
    assert response.status_code == 400
    assert list(response.json()) == ["province"]


@pytest.mark.parametrize("name", ["jiangxi", "JIANGXI", "360000"])
def test_a_province_resource_is_found_by_either_name(client, name):
    assert client.get(f"/api/v1/provinces/{name}/").json()["code"] == "360000"


def test_a_city_or_county_is_named_by_its_code(client):
    assert client.get("/api/v1/duties/", {"jurisdiction": "360000"}).status_code == 200
    assert client.get("/api/v1/duties/", {"jurisdiction": "360102"}).status_code == 400  # not recorded here


def test_province_pages_answer_their_slug_in_any_case(client):
    assert client.get("/JiangXi/").status_code == 200
    assert client.get("/jiangxi-nowhere/").status_code == 404


def test_the_search_page_reads_its_parameters_as_the_api_does(client):
    page = client.get("/search/", {"search": "扬尘", "province": "jiangxi"})
    api = client.get("/api/v1/duties/", {"search": "扬尘", "province": "jiangxi"}).json()
    assert [duty.pk for duty in page.context["page_obj"]] == [row["id"] for row in api["results"]]
    assert client.get("/search/", {"q": "扬尘"})["Location"] == "/search/?search=%E6%89%AC%E5%B0%98"


def test_a_day_before_the_list_existed_shows_no_list(client):
    # Jiangxi's opinion and its annex were issued on 2023-10-… : the list did not exist in 2010.
    assert client.get("/api/v1/duties/", {"province": "jiangxi", "as_of": "2010-01-01"}).json()["count"] == 0
    assert client.get("/api/v1/duties/36000001001/", {"as_of": "2010-01-01"}).status_code == 404
    assert client.get("/api/v1/departments/360000001/").json()["lead_duty_count"] == 13
    page = client.get("/jiangxi/departments/sheng-tai-huan-jing-ting/", {"as_of": "2010-01-01"}).content.decode()
    assert "这一天该部门没有现行的具体事项清单。" in page and "牵头事项（0）" in page
    assert client.get("/api/v1/duties/", {"province": "jiangxi", "as_of": "2024-01-01"}).json()["count"] == 84
