"""The search page finds duties, departments and provisions, filtered and paginated."""

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def test_search_names_the_department_that_leads_the_rural_toilet_revolution(client):
    response = client.get("/search/", {"search": "厕所", "province": "jiangxi"})
    duties = list(response.context["page_obj"])
    assert len(duties) == 1
    assert "厕所" in duties[0].text
    assert [d.short_name for d in duties[0].lead_departments] == ["省农业农村厅"]
    assertContains(response, "<mark>厕所</mark>", html=True)


def test_traditional_query_finds_the_same_duties_as_simplified(client):
    simplified = client.get("/search/", {"search": "扬尘"}).context["page_obj"]
    traditional = client.get("/search/", {"search": "揚塵"}).context["page_obj"]
    assert [d.pk for d in simplified] == [d.pk for d in traditional] != []


def test_every_word_of_a_query_must_match(client):
    both = client.get("/search/", {"search": "扬尘 噪声"}).context["page_obj"]
    for duty in both:
        assert "扬尘" in duty.text and "噪声" in duty.text


def test_sector_filter_keeps_duties_led_by_that_sector(client):
    response = client.get("/search/", {"search": "建设", "sector": "housing-construction"})
    duties = list(response.context["page_obj"])
    assert duties
    for duty in duties:
        assert any(d.sector_id == "housing-construction" for d in duty.lead_departments + duty.co_lead_departments)


def test_department_filter_offers_only_the_chosen_provinces_departments(client):
    response = client.get("/search/", {"search": "环境", "province": "chongqing"})
    offered = list(response.context["form"].fields["department"].queryset)
    assert offered and {d.jurisdiction_id for d in offered} == {"500000"}


def test_results_are_paginated_and_keep_the_query(client):
    query = "的"  # one character, found in most provisions
    first = client.get("/search/", {"search": query, "type": "provisions"})
    total = first.context["paginator"].count
    assert 50 < total <= 100
    assert len(first.context["page_obj"]) == 50
    assertContains(first, "page=2")
    assertContains(first, "search=%E7%9A%84")
    second = client.get("/search/", {"search": query, "type": "provisions", "page": 2})
    assert len(second.context["page_obj"]) == total - 50


def test_departments_and_provisions_tabs(client):
    departments = client.get("/search/", {"search": "住房", "type": "departments"})
    assert {d.short_name for d in departments.context["page_obj"]} >= {"省住房城乡建设厅"}
    provisions = client.get("/search/", {"search": "专题报告", "type": "provisions"})
    assert provisions.context["counts"]["provisions"] == str(len(provisions.context["page_obj"]))
    assert len(provisions.context["page_obj"]) > 0


def test_a_bad_filter_is_a_field_error_not_a_crash(client):
    response = client.get("/search/", {"search": "扬尘", "province": "atlantis", "sector": "nope"})
    assert response.status_code == 400
    assertContains(response, 'value="扬尘"', status_code=400)  # what the user typed is kept
    assert set(response.context["form"].errors) == {"province", "sector"}


def test_highlighting_escapes_html(client):
    response = client.get("/search/", {"search": "<script>"})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</title>", 1)[1]


def test_empty_search_asks_for_a_word(client):
    assertContains(client.get("/search/", {"search": ""}), "请输入要搜索的词语")
