"""What citizens and supervisors see of an edition: today's list by default, any past day on request, the history."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duties.models import Department, DutyItem
from duties.services import DutyDraft, RoleDraft
from tests.duties.test_editions import department_list_drafts, publish

pytestmark = pytest.mark.django_db

WATER_PAGE = "/jiangxi/departments/shui-li-ting/"
FORESTRY_PAGE = "/jiangxi/departments/lin-ye-ju/"
HANDED_OVER, REWORDED, REMOVED = 36000001060, 36000001061, 36000001065
NEW_TEXT = "深入推进河湖“清四乱”常态化规范化，建立长效机制。"
ADDED_TEXT = "组织开展全省幸福河湖评价工作。"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def edition():
    """省水利厅's list from 2026-01-01: one duty handed to 省林业局, one reworded, one removed, one added."""
    water = Department.objects.get(pk=360000010)
    forestry = Department.objects.get(pk=360000015)
    drafts = {draft.lineage: draft for draft in department_list_drafts(water)}
    handed = drafts[HANDED_OVER]
    drafts[HANDED_OVER] = DutyDraft(
        handed.lineage, handed.number, handed.text, (RoleDraft("lead", forestry.pk, "省林业局"),), handed.row
    )
    reworded = drafts[REWORDED]
    drafts[REWORDED] = DutyDraft(reworded.lineage, reworded.number, NEW_TEXT, reworded.roles, reworded.row)
    del drafts[REMOVED]
    added = DutyDraft(None, "7", ADDED_TEXT, (RoleDraft("lead", water.pk, "省水利厅"),), 20)
    return publish(water, [*drafts.values(), added], summary="调整河湖管理事项。")


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_the_department_page_shows_todays_list_and_any_past_day(client, edition):
    today = page(client, WATER_PAGE)
    assert NEW_TEXT in today and ADDED_TEXT in today
    assert "根据省管河湖水域岸线空间保护" not in today  # removed
    assert "组织编制并实施水资源保护规划" not in today  # handed over
    assert "组织编制并实施水资源保护规划" in page(client, FORESTRY_PAGE)

    before = page(client, WATER_PAGE + "?as_of=2025-12-31")
    assert "显示 2025年12月31日 当日有效的清单" in before
    assert "根据省管河湖水域岸线空间保护" in before and "组织编制并实施水资源保护规划" in before
    assert NEW_TEXT not in before and ADDED_TEXT not in before
    assert "组织编制并实施水资源保护规划" not in page(client, FORESTRY_PAGE + "?as_of=2025-12-31")


def test_a_malformed_date_is_a_400_that_still_shows_todays_list(client, edition):
    body = page(client, WATER_PAGE + "?as_of=2026-13-01", status=400)
    assert "日期应写作 YYYY-MM-DD" in body and NEW_TEXT in body


def test_the_province_page_counts_the_lists_of_the_chosen_day(client, edition):
    today = page(client, "/jiangxi/")
    assert (
        'href="/jiangxi/departments/shui-li-ting/">江西省水利厅</a>\n          <span class="count">牵头 5 项' in today
    )
    before = page(client, "/jiangxi/?as_of=2025-12-31")
    assert 'href="/jiangxi/departments/shui-li-ting/?as_of=2025-12-31">江西省水利厅</a>' in before
    assert "牵头 6 项" in before


def test_an_ended_version_says_so_and_links_to_the_version_in_force(client, edition):
    old = page(client, f"/jiangxi/duties/{REWORDED}/")
    current = DutyItem.objects.current().get(lineage=REWORDED)
    assert "本版本自 2026年1月1日 起不再有效（依据：赣环委办〔2026〕1号）" in old
    assert f'href="/jiangxi/duties/{current.pk}/">查看现行版本</a>' in old
    new = page(client, f"/jiangxi/duties/{current.pk}/")
    assert NEW_TEXT in new and "来源文件起 – 2026-01-01" in new and "2026-01-01 – 现行" in new
    assert "由清单版本“" in new and "导入文件第 3 行" in new
    assert "深入推进河湖“清四乱”常态化规范化。" in page(client, f"/jiangxi/duties/{current.pk}/?as_of=2025-06-01")
    assert "该事项已从清单中删除" in page(client, f"/jiangxi/duties/{REMOVED}/")


def test_the_changes_page_shows_each_edition_with_a_readable_diff(client, edition):
    body = page(client, "/jiangxi/changes/")
    assert "2026-01-01 · 赣环委办〔2026〕1号" in body and "调整河湖管理事项。" in body
    assert "新增 1 项 · 删除 1 项 · 修改 2 项" in body
    assert "<ins>，建立长效机制</ins>" in body
    assert "牵头：<del>江西省水利厅</del> → <ins>江西省林业局</ins>" in body
    assert f'href="/jiangxi/documents/{edition.document_id}/">本版清单全文</a>' in body


def test_a_departments_changes_page_shows_only_its_duties(client, edition):
    body = page(client, FORESTRY_PAGE + "changes/")
    assert "新增 0 项 · 删除 0 项 · 修改 1 项" in body
    assert "组织编制并实施水资源保护规划" in body and NEW_TEXT not in body
    assert "清单尚无修订" in page(client, "/jiangxi/departments/cai-zheng-ting/changes/")


def test_the_changes_are_an_atom_feed(client, edition):
    response = client.get("/jiangxi/changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    (entry,) = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "2026-01-01 起：江西省水利厅（赣环委办〔2026〕1号）"
    assert "<ins>，建立长效机制</ins>" in entry.find(f"{ATOM}summary").text
    (forestry_entry,) = ET.fromstring(client.get(FORESTRY_PAGE + "changes/feed/").content).findall(f"{ATOM}entry")
    assert NEW_TEXT not in forestry_entry.find(f"{ATOM}summary").text


def test_the_api_lists_editions_with_their_changes(client, edition):
    body = client.get("/api/v1/editions/?province=jiangxi").json()
    assert body["count"] == 1
    (result,) = body["results"]
    assert (result["effective_on"], result["basis"], result["department"]["id"]) == (
        "2026-01-01",
        "赣环委办〔2026〕1号",
        360000010,
    )
    kinds = sorted(change["kind"] for change in result["changes"])
    assert kinds == ["added", "changed", "changed", "removed"]
    reworded = next(change for change in result["changes"] if change["lineage"] == REWORDED)
    assert {"op": "insert", "text": "，建立长效机制"} in reworded["text_diff"]
    forestry = client.get("/api/v1/editions/?department=360000015").json()["results"][0]
    assert [change["lineage"] for change in forestry["changes"]] == [HANDED_OVER]
    assert client.get("/api/v1/editions/?province=henan").json()["count"] == 0


def test_the_api_answers_who_led_a_duty_on_a_day(client, edition):
    def leads(url):
        response = client.get(url)
        assert response.status_code == 200, response.content
        return [department["short_name"] for department in response.json()["lead_departments"]]

    assert leads(f"/api/v1/duties/{HANDED_OVER}/?as_of=2025-12-31") == ["省水利厅"]
    assert leads(f"/api/v1/duties/{HANDED_OVER}/?as_of=2026-01-01") == ["省林业局"]
    listed = client.get(f"/api/v1/duties/?lineage={HANDED_OVER}&as_of=2026-03-01").json()["results"]
    assert [(duty["lineage"], duty["valid_from"]) for duty in listed] == [(HANDED_OVER, "2026-01-01")]
    assert client.get(f"/api/v1/duties/{REMOVED}/?as_of=2026-02-01").status_code == 404
    error = client.get(f"/api/v1/duties/{REMOVED}/?as_of=yesterday")
    assert error.status_code == 400 and "as_of" in error.json()


def test_everything_public_shows_the_list_in_force(client, edition):
    duties = client.get("/api/v1/duties/?province=jiangxi&page_size=200").json()
    assert duties["count"] == 84  # one removed, one added
    ids = {duty["id"] for duty in duties["results"]}
    assert REMOVED not in ids and REWORDED not in ids
    assert client.get("/api/v1/duties/?province=jiangxi&as_of=2025-12-31").json()["count"] == 84
    assert client.get("/api/v1/duties/?search=根据省管河湖水域岸线空间保护").json()["count"] == 0
    assert client.get("/api/v1/departments/360000010/").json()["lead_duty_count"] == 5
    assert f"/jiangxi/duties/{REMOVED}/" not in page(client, "/sitemap-duties.xml")
    water_on_the_day_before = client.get("/api/v1/lead-departments/?province=jiangxi&as_of=2025-12-31").json()
    water = next(row for row in water_on_the_day_before["results"] if row["id"] == 360000010)
    assert len(water["duties"]) == 6


def test_the_changes_page_runs_the_same_queries_for_one_edition_or_two(client, edition):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    one = queries("/jiangxi/changes/")
    water = Department.objects.get(pk=360000010)
    publish(water, department_list_drafts(water)[1:], effective_on=datetime.date(2026, 3, 1))
    assert queries("/jiangxi/changes/") == one


def test_the_editions_document_links_each_row_to_its_duty(client, edition):
    body = page(client, f"/jiangxi/documents/{edition.document_id}/")
    reworded = DutyItem.objects.current().get(lineage=REWORDED)
    added = DutyItem.objects.current().get(text=ADDED_TEXT)
    assert NEW_TEXT in body and ADDED_TEXT in body
    assert f"/jiangxi/duties/{reworded.pk}/" in body and f"/jiangxi/duties/{added.pk}/" in body


def test_an_ended_version_is_read_only_in_the_admin(admin_client, edition):
    old = admin_client.get(f"/admin/duties/dutyitem/{REWORDED}/change/")
    assert old.status_code == 200 and 'name="text"' not in old.content.decode()
    assert admin_client.post(f"/admin/duties/dutyitem/{REWORDED}/change/", {"text": "改写历史"}).status_code == 403
    assert DutyItem.objects.get(pk=REWORDED).text == "深入推进河湖“清四乱”常态化规范化。"
    current = DutyItem.objects.current().get(lineage=REWORDED)
    assert 'name="text"' in admin_client.get(f"/admin/duties/dutyitem/{current.pk}/change/").content.decode()
    listed = admin_client.get("/admin/duties/dutyitem/?in_force=no").content.decode()
    assert f"/admin/duties/dutyitem/{REWORDED}/change/" in listed


def test_the_editions_export_names_each_change(client, edition):
    response = client.get("/api/v1/editions/?format=csv")
    assert response.status_code == 200
    assert f"changed {REWORDED}" in response.content.decode() and f"removed {REMOVED}" in response.content.decode()
