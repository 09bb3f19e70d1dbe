"""The home page leads to every province; a province page shows its rule, departments and documents."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from duties import selectors
from duties.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_home_lists_each_province_with_its_counts(client):
    response = client.get("/")
    provinces = {province.slug: province for province in response.context["provinces"]}
    assert set(provinces) == {"jiangxi", "henan", "chongqing", "jilin"}
    jiangxi = provinces["jiangxi"]
    assert (jiangxi.department_count, jiangxi.duty_count, jiangxi.document_count) == (17, 84, 2)
    assertContains(response, '<a href="/jiangxi/">江西省</a>', html=True)
    assertContains(response, 'action="/search/"')


def test_province_page_states_the_annual_report_rule_in_plain_words(client):
    response = client.get("/jiangxi/")
    assertContains(response, "<title>江西省 · 生态环境保护具体事项清单公开平台</title>", html=True)
    assertContains(response, "每年 1 月 10 日前报告上一年度履职情况，报送本级党委和政府，抄送上级主管部门、本级环委会")
    assertContains(response, "于每年1月10日前向本级党委和政府报告")  # the rule as written, quoted


def test_province_page_names_the_next_deadline(client):
    response = client.get("/henan/")
    deadline = response.context["next_deadline"]
    assert deadline is not None
    assert deadline.deadline.month == 2 and deadline.deadline.day in (28, 29)
    assertContains(response, "年度专题报告应于")


def test_next_deadline_rolls_over_after_the_deadline_passes():
    rules = list(selectors.reporting_rules_of(Jurisdiction.objects.get(slug="jiangxi")))
    before = selectors.next_annual_deadline(rules, datetime.date(2027, 1, 10))
    after = selectors.next_annual_deadline(rules, datetime.date(2027, 1, 11))
    assert (before.report_year, before.deadline) == (2026, datetime.date(2027, 1, 10))
    assert (after.report_year, after.deadline) == (2027, datetime.date(2028, 1, 10))


def test_province_page_groups_departments_by_sector_with_lead_counts(client):
    response = client.get("/jiangxi/")
    content = response.content.decode()
    assert content.index("住房和城乡建设") < content.index("江西省住房和城乡建设厅")
    housing = next(d for d in response.context["departments"] if d.slug == "zhu-fang-cheng-xiang-jian-she-ting")
    assert housing.lead_duty_count == 8
    assertContains(response, "牵头 8 项")
    assertContains(response, 'href="/jiangxi/documents/36000001/"')


def test_province_without_an_annual_rule_says_so_plainly(client):
    response = client.get("/jilin/")
    assert response.context["next_deadline"] is None
    assertContains(response, "第一季度通报固体废物和垃圾处置情况")
    assertNotContains(response, "年度专题报告应于")


@pytest.mark.parametrize("url", ["/atlantis/", "/jiangxi/departments/no-such-office/", "/jiangxi/?page=99"])
def test_unknown_places_answer_a_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assertContains(response, "找不到这个页面", status_code=404)
    assertContains(response, 'href="/search/"', status_code=404)


def test_province_documents_list_is_paginated_and_complete(client):
    response = client.get("/jiangxi/documents/")
    assert [d.pk for d in response.context["documents"]] == [36000001, 36000002]
    assert response.context["paginator"].per_page == 50
    assertContains(response, "江西省生態環境廳提出20條措施")


def test_home_counts_are_cached_and_a_load_refreshes_them(client, django_assert_num_queries):
    from django.core.management import call_command

    client.get("/")
    with django_assert_num_queries(1):  # the latest reports; the counts come from the cache
        client.get("/")
    call_command("load_duties", verbosity=0, stdout=open("/dev/null", "w"))
    with django_assert_num_queries(2):
        client.get("/")
