"""What a citizen gets from the search box and from every `search` parameter of the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import search
from duties.models import Department, DutyItem, Provision
from duties.templatetags.duties_tags import highlight
from tests import factories

pytestmark = pytest.mark.django_db


def duty_ids(client, query, **params):
    response = client.get("/api/v1/duties/", {"search": query, "page_size": 200, **params})
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("揚塵", "扬尘"), ("噪聲", "噪声"), ("排汙口", "排污口"), ("汙染防治", "污染防治"), ("環境 監測", "环境 监测")],
)
def test_traditional_and_variant_characters_find_the_same_duties_as_simplified(client, traditional, simplified):
    found = duty_ids(client, simplified)
    assert found, f"the fixture has duties about {simplified}"
    assert duty_ids(client, traditional) == found


def test_the_traditional_source_is_found_by_a_simplified_query(client):
    """Jiangxi's ecology department's 20 measures are printed in traditional characters (汙染, 為)."""
    page = client.get("/search/", {"search": "排污口", "type": "provisions"}).content.decode()
    assert "江西省生態環境廳提出20條措施" in page and "<mark>排汙口</mark>" in page
    titles = client.get("/api/v1/documents/", {"search": "生态环境厅 措施"}).json()["results"]
    assert [row["title"] for row in titles] == ["江西省生態環境廳提出20條措施"]


def test_width_case_and_punctuation_do_not_matter(client):
    assert duty_ids(client, "扬尘，噪声") == duty_ids(client, "扬尘 噪声") == duty_ids(client, "「扬尘」　噪声")
    assert duty_ids(client, "扬尘 噪声")


def test_one_character_finds_every_duty_containing_it(client):
    found = duty_ids(client, "厕")
    expected = {duty.pk for duty in DutyItem.objects.all() if "厕" in duty.text or "厠" in duty.text}
    assert expected and set(found) == expected


def test_several_words_find_only_duties_containing_all_of_them(client):
    both = set(duty_ids(client, "污染 执法"))
    assert both
    assert both <= set(duty_ids(client, "污染")) & set(duty_ids(client, "执法"))
    assert both < set(duty_ids(client, "污染"))


def test_a_duty_is_found_by_the_name_of_the_department_that_leads_it(client):
    found = duty_ids(client, "住房和城乡建设厅")
    led = DutyItem.objects.filter(roles__department__name="江西省住房和城乡建设厅", roles__role="lead")
    assert set(led.values_list("pk", flat=True)) <= set(found)


def test_department_name_hits_come_before_text_hits(client):
    response = client.get("/api/v1/duties/", {"search": "生态环境", "page_size": 200})
    rows = response.json()["results"]
    leads = [row["lead_departments"] + row["co_lead_departments"] for row in rows]
    led_by_name = ["生态环境" in " ".join(lead["name"] for lead in names) for names in leads]
    assert True in led_by_name and False in led_by_name, "the fixture has both kinds of hit"
    first_text_only = led_by_name.index(False)
    assert all(led_by_name[:first_text_only]) and not any(led_by_name[first_text_only:])


def test_the_exact_phrase_ranks_before_its_words_apart():
    ranked = list(search.search(DutyItem.objects.all(), "污染 防治"))
    phrase_hits = ["污染防治" in search.searchable_text(duty.text) for duty in ranked]
    assert True in phrase_hits and False in phrase_hits
    assert phrase_hits == sorted(phrase_hits, reverse=True)


def test_an_explicit_ordering_overrides_the_ranking(client):
    response = client.get("/api/v1/duties/", {"search": "住房", "ordering": "-id", "page_size": 200})
    ids = [row["id"] for row in response.json()["results"]]
    assert ids == sorted(ids, reverse=True)


def test_departments_documents_and_provisions_share_the_search(client):
    departments = client.get("/api/v1/departments/", {"search": "住房城鄉建設"}).json()["results"]
    assert departments and all("住房" in row["name"] for row in departments)
    documents = client.get("/api/v1/documents/", {"search": "實施意見"}).json()["results"]
    assert documents and all("实施意见" in row["title"] for row in documents)


def test_highlight_marks_the_terms_as_written_and_escapes_everything_else():
    assert highlight("<b>扬尘</b>污染", "扬尘") == "&lt;b&gt;<mark>扬尘</mark>&lt;/b&gt;污染"
    assert highlight("加強揚塵汙染治理", "扬尘 污染") == "加強<mark>揚塵汙染</mark>治理"
    assert highlight("ＰＭ２．５濃度", "pm2") == "<mark>ＰＭ２</mark>．５濃度"
    assert highlight("a < b", "<") == "a &lt; b"


def test_the_search_page_highlights_and_escapes(client):
    response = client.get("/search/", {"search": "揚塵<script>"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>" not in body.split("<main", 1)[1]
    response = client.get("/search/", {"search": "揚塵"})
    assert "<mark>扬尘</mark>" in response.content.decode()


def test_a_long_or_empty_query_is_a_clear_answer(client):
    assert client.get("/api/v1/duties/", {"search": "扬" * 101}).status_code == 400
    assert client.get("/api/v1/duties/", {"search": "，。！"}).status_code == 200


def test_the_duty_search_runs_a_fixed_number_of_queries():
    for query in ["厕", "环境", "污染 防治"]:
        with CaptureQueriesContext(connection) as captured:
            list(search.search(DutyItem.objects.with_departments(), query)[:50])
        assert len(captured) == 2, query  # the page of duties, then their roles and departments


def test_the_reports_tab_runs_a_fixed_number_of_queries_however_many_reports_match(client):
    def queries_for_reports_tab():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"search": "履职", "type": "reports"})
        assert response.status_code == 200
        main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]  # not the menu's 年度报告
        return len(captured), main.count('href="/reports/')

    departments = Department.objects.filter(pk__in=[360000001, 360000002, 360000003])
    approvers = {department: factories.make_approver(department) for department in departments}
    first = departments[0]
    factories.make_filed_report(first, 2024, approvers[first], publish=True)
    one = queries_for_reports_tab()
    for department in departments[1:]:
        factories.make_filed_report(department, 2024, approvers[department], publish=True)
    three = queries_for_reports_tab()
    assert (one[1], three[1]) == (1, 3)  # overall: "全年履职情况良好。"
    assert one[0] == three[0] == 9  # as the other tabs (tests/test_url_query_counts.py)


# Each query's matches fall in several ranks (departments are found by their names: one rank).
RANKED_QUERIES = [
    (DutyItem, "环境"),
    (DutyItem, "水"),
    (DutyItem, "環境 水"),
    (DutyItem, "生态 保护"),
    (Provision, "生态环境保护责任"),
    (Provision, "生态 保护"),
    (Department, "厅"),
    (Department, "局"),
]


@pytest.mark.parametrize("broad", [False, True], ids=["through-the-index", "row-by-row"])
@pytest.mark.parametrize(("model", "query"), RANKED_QUERIES, ids=lambda value: getattr(value, "__name__", value))
def test_pages_read_rank_by_rank_are_the_ranked_list_cut_into_pages(model, query, broad):
    ranked = search.search(model.objects.all(), query)
    everything = list(ranked)
    assert search.is_ranked(ranked) and len(everything) > 10
    if model is not Department:
        assert len({getattr(row, search.RANK) for row in everything}) >= 2
    for start, stop in [(0, 3), (0, 50), (2, 7), (5, 60), (len(everything) - 4, len(everything) + 5)]:
        assert search.ranked_slice(ranked, start, stop, broad=broad) == everything[start:stop], (start, stop)


def test_a_broad_search_counts_up_to_the_cap_and_says_so(client, settings):
    settings.SEARCH_COUNT_CAP = 20
    body = client.get("/api/v1/duties/", {"search": "环境", "page_size": 10}).json()
    assert (body["count"], body["count_capped"], len(body["results"])) == (20, True, 10)
    assert client.get("/api/v1/duties/", {"search": "环境", "page_size": 10, "page": 2}).status_code == 200
    assert client.get("/api/v1/duties/", {"search": "环境", "page_size": 10, "page": 3}).status_code == 404
    narrow = client.get("/api/v1/duties/", {"search": "厕所"}).json()
    assert (narrow["count"], narrow["count_capped"]) == (len(narrow["results"]), False)
    page = client.get("/search/", {"search": "环境"}).content.decode()
    assert "具体事项（20+）" in page
    # An explicit order is not a ranked search: counted exactly.
    ordered = client.get("/api/v1/duties/", {"search": "环境", "ordering": "id"}).json()
    assert ordered["count_capped"] is False and ordered["count"] > 20


def test_a_ranked_search_keeps_the_lists_own_order_given_by_column_names():
    # The search page orders duties by ("document_id", "position"): both are the table's own columns, and a
    # rank's rows must come in that order (an index serves it), not lose the document.
    ranked = search.search(DutyItem.objects.order_by("document_id", "position"), "环境")
    _conditions, order = ranked.query.search_levels
    assert order == ["document_id", "position", "pk"]
