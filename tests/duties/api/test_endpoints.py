"""Each endpoint answers with the real fixture data, in the documented shape."""

import pytest

from duties.models import DutyItem

pytestmark = pytest.mark.django_db


def test_provinces_by_code_or_slug(client):
    listing = client.get("/api/v1/provinces/").json()
    assert listing["count"] == 4
    assert {row["slug"] for row in listing["results"]} == {"jiangxi", "henan", "chongqing", "jilin"}
    by_code = client.get("/api/v1/provinces/360000/").json()
    assert by_code == client.get("/api/v1/provinces/jiangxi/").json()
    assert (by_code["name"], by_code["duty_count"], by_code["department_count"]) == ("江西省", 84, 17)


def test_sectors(client):
    sectors = client.get("/api/v1/sectors/").json()["results"]
    assert {"code": "housing-construction", "name": "住房和城乡建设"} in sectors


def test_departments_carry_official_and_short_names_and_lead_counts(client):
    rows = client.get("/api/v1/departments/", {"province": "jiangxi", "sector": "housing-construction"}).json()[
        "results"
    ]
    assert len(rows) == 1
    row = rows[0]
    assert (row["name"], row["short_name"], row["lead_duty_count"]) == ("江西省住房和城乡建设厅", "省住房城乡建设厅", 8)
    assert row["province"] == {"code": "360000", "name": "江西省", "slug": "jiangxi"}
    assert row["sector"]["code"] == "housing-construction"


def test_key_duties_and_search_filters_on_departments(client):
    keyed = client.get("/api/v1/departments/", {"province": "360000", "key_duties": "true"}).json()
    assert keyed["count"] == 12 and all(row["key_duties"] for row in keyed["results"])
    found = client.get("/api/v1/departments/", {"search": "住房"}).json()["results"]
    assert "省住房城乡建设厅" in {row["short_name"] for row in found}


def test_duty_numbers_restart_for_each_jiangxi_department(client):
    rows = client.get("/api/v1/duties/", {"province": "jiangxi", "page_size": 200}).json()["results"]
    assert len(rows) == 84
    assert sum(1 for row in rows if row["number"] == "1") == 12  # twelve department sections


def test_duty_detail_names_departments_document_and_provision(client):
    duty = DutyItem.objects.get(
        document_id=36000001, number="5", roles__department__slug="zhu-fang-cheng-xiang-jian-she-ting"
    )
    row = client.get(f"/api/v1/duties/{duty.pk}/").json()
    assert row["text"] == duty.text
    assert [d["short_name"] for d in row["lead_departments"]] == ["省住房城乡建设厅"]
    assert [d["short_name"] for d in row["co_lead_departments"]] == ["省生态环境厅"]
    assert row["document"] == {
        "id": 36000001,
        "title": "江西省推动职能部门做好生态环境保护工作的实施意见",
        "doc_number": "赣环督察字〔2023〕373号",
    }
    assert row["provision"]["anchor"] == duty.provision.anchor
    assert row["url"] == f"/jiangxi/duties/{duty.pk}/"


def test_duty_filters_lead_department_department_role_sector_document(client):
    housing = 360000008
    led = client.get("/api/v1/duties/", {"lead_department": housing}).json()["count"]
    cooperating = client.get("/api/v1/duties/", {"department": housing, "role": "cooperating"}).json()["count"]
    involved = client.get("/api/v1/duties/", {"department": housing}).json()["count"]
    assert (led, involved) == (8, 8 + cooperating) and cooperating > 0
    by_sector = client.get("/api/v1/duties/", {"province": "jiangxi", "sector": "housing-construction"}).json()
    assert by_sector["count"] == 8
    # Chongqing's plan sets general requirements, not specific items: they have their own endpoint.
    assert client.get("/api/v1/duties/", {"document": 50000001}).json()["count"] == 0
    assert client.get("/api/v1/requirements/", {"document": 50000001}).json()["count"] == 7


def test_lead_departments_answers_who_leads_the_rural_toilet_revolution(client):
    rows = client.get("/api/v1/lead-departments/", {"search": "厕所", "province": "jiangxi"}).json()["results"]
    assert [row["short_name"] for row in rows] == ["省农业农村厅"]
    assert rows[0]["sector"]["code"] == "agriculture-rural"
    assert len(rows[0]["duties"]) == 1 and "厕所革命" in rows[0]["duties"][0]["text"]


def test_lead_departments_lists_every_leader_of_a_broad_search(client):
    rows = client.get("/api/v1/lead-departments/", {"search": "污染", "province": "jiangxi"}).json()["results"]
    assert len(rows) > 3
    for row in rows:
        assert row["duties"] and all("污染" in duty["text"] or "污染" in row["name"] for duty in row["duties"])


def test_document_detail_has_the_provision_tree(client):
    document = client.get("/api/v1/documents/36000001/").json()
    assert document["doc_number"] == "赣环督察字〔2023〕373号"
    assert len(document["issuing_bodies"]) == 17

    def count(nodes):
        return sum(1 + count(node["children"]) for node in nodes)

    from duties.models import Provision

    assert count(document["provisions"]) == Provision.objects.filter(document_id=36000001).count()
    annex = next(node for node in document["provisions"] if node["kind"] == "annex")
    assert len(annex["children"]) == 12 and len(annex["children"][5]["children"]) == 8


def test_documents_list_filters_by_province(client):
    rows = client.get("/api/v1/documents/", {"province": "jiangxi"}).json()["results"]
    assert [row["id"] for row in rows] == [36000001, 36000002]
    assert "provisions" not in rows[0]
