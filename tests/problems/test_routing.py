"""Routing by the duty lists: the lead proposed with the duty that justifies it, traditional characters
included, county → city → province, the API any hotline can call."""

import pytest

from problems.routing import meaningful_terms, route
from tests.problems.factories import DUST

pytestmark = pytest.mark.django_db


def test_building_site_dust_routes_to_housing_with_its_duty(jiangxi):
    routing = route(jiangxi, DUST)
    best = routing.proposals[0]
    assert best.department.name == "江西省住房和城乡建设厅"
    duty = best.duties[0]
    assert "建筑工地" in duty.duty.text and "扬尘" in duty.terms
    assert duty.basis == f"依据：江西省住房和城乡建设厅 第 {duty.duty.number} 项"


def test_traditional_characters_route_the_same(jiangxi):
    simplified = route(jiangxi, "建筑工地扬尘严重")
    traditional = route(jiangxi, "建築工地揚塵嚴重")
    assert [p.department.pk for p in traditional.proposals] == [p.department.pk for p in simplified.proposals]
    assert traditional.proposals[0].department.name == "江西省住房和城乡建设厅"


def test_a_county_without_a_list_walks_up_to_its_province(county, jiangxi):
    routing = route(county, DUST)
    assert routing.list_jurisdiction == jiangxi and routing.walked_up
    assert [level.pk for level in routing.consulted] == ["360121", "360100", "360000"]
    assert routing.proposals[0].department.jurisdiction == jiangxi


def test_road_transport_dust_ranks_transport_first(jiangxi):
    routing = route(jiangxi, "货车运输渣土撒漏，道路扬尘")
    assert routing.proposals[0].department.name == "江西省交通运输厅"


def test_words_of_reporting_and_function_characters_are_not_terms():
    terms = meaningful_terms("我要举报：附近的工地扬尘很大！")
    assert "扬尘" in terms and "工地" in terms
    assert not any("举报" in term or "的" in term or "很" in term for term in terms)


def test_a_text_matching_no_duty_proposes_nobody(jiangxi):
    assert route(jiangxi, "萤火虫夜晚不见了").proposals == []


def test_routing_api_ranks_departments_with_their_duties(client):
    response = client.get("/api/v1/routing/", {"jurisdiction": "jiangxi", "text": "建築工地揚塵"})
    assert response.status_code == 200
    body = response.json()
    first = body["results"][0]
    assert first["department"]["name"] == "江西省住房和城乡建设厅"
    assert first["duties"][0]["basis"].startswith("依据：江西省住房和城乡建设厅 第")
    assert first["duties"][0]["url"].startswith("/jiangxi/duties/")
    assert body["list_jurisdiction"]["code"] == "360000"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"text": "扬尘"}, "jurisdiction"),
        ({"jurisdiction": "atlantis", "text": "扬尘"}, "jurisdiction"),
        ({"jurisdiction": "jiangxi"}, "text"),
    ],
)
def test_routing_api_names_the_wrong_parameter(client, params, parameter):
    response = client.get("/api/v1/routing/", params)
    assert response.status_code == 400 and parameter in response.json()
