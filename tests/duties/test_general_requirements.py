"""A general requirement (a provision putting one task on many departments) is never shown as a specific duty."""

import pytest

from duties.models import Department, DutyItem, Requirement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("province", ["henan", "chongqing", "jilin"])
def test_provinces_without_an_itemised_list_have_no_specific_duties(client, province):
    assert client.get("/api/v1/duties/", {"province": province}).json()["count"] == 0
    assert client.get("/api/v1/requirements/", {"province": province}).json()["count"] > 0
    assert client.get(f"/api/v1/provinces/{province}/").json()["duty_count"] == 0


def test_only_jiangxis_annex_items_are_specific_duties():
    assert set(DutyItem.objects.values_list("provision__kind", flat=True)) == {"item"}
    assert DutyItem.objects.count() == 84
    assert Requirement.objects.count() == 35


def test_a_department_without_a_list_says_so_and_shows_what_the_documents_ask_of_it(client):
    ecology = Department.objects.get(pk=410000005)  # 河南省生态环境厅
    page = client.get(ecology.get_absolute_url()).content.decode()
    assert "该部门尚未公开具体事项清单。" in page
    assert "文件对本部门提出的要求" in page
    assert "牵头事项（0）" in page
    for requirement in Requirement.objects.naming(ecology):
        assert requirement.provision.get_absolute_url() in page


def test_a_department_with_a_list_shows_it_and_no_empty_notice(client):
    housing = Department.objects.get(pk=360000008)
    page = client.get(housing.get_absolute_url()).content.decode()
    assert "尚未公开具体事项清单" not in page
    assert "牵头事项（8）" in page


def test_the_requirements_endpoint_names_the_departments_a_requirement_addresses(client):
    rows = client.get("/api/v1/requirements/", {"department": 410000005}).json()["results"]
    assert rows and all(row["provision"]["url"].startswith("/henan/documents/") for row in rows)
    reporting = next(row for row in rows if row["text"].startswith("实施专题报告制度"))
    assert len(reporting["addressed_departments"]) == 13


def test_the_sector_comparison_sets_only_specific_duties_side_by_side(client):
    page = client.get("/sectors/housing-construction/").content.decode()
    henan_requirement = Requirement.objects.filter(document__jurisdiction="410000").first()
    assert henan_requirement.text[:30] not in page
    assert DutyItem.objects.filter(roles__department=360000008, roles__role="lead").first().text[:30] in page
    assert "该部门尚未公开具体事项清单。" in page  # Henan's and Chongqing's housing departments


@pytest.mark.parametrize(
    ("province", "lead"),
    [("jiangxi", "12 个部门已公开生态环境保护具体事项清单。"), ("jilin", "尚无部门公开具体事项清单")],
)
def test_a_province_page_says_how_many_departments_have_published_a_list(client, province, lead):
    page = client.get(f"/{province}/").content.decode()
    assert lead in page
    assert "生态环境保护具体事项清单</h1>" not in page  # Jilin's 2016 opinion on county governments is no such list


def test_an_admin_correction_is_shown_on_the_duty_with_its_date_and_reason_but_not_who(client):
    from duties import services
    from tests.factories import make_user

    admin = make_user(superuser=True, username="correcting-admin")
    duty = DutyItem.objects.get(pk=36000001001)
    duty.text += "（更正）"
    services.record_save(user=admin, obj=duty, fields=["text"], reason="依据原文更正错字", adding=False)
    page = client.get(duty.get_absolute_url()).content.decode()
    assert "管理员更正" in page and "依据原文更正错字" in page
    assert "correcting-admin" not in page


def test_the_tracker_lists_jiangxis_12_departments_as_published_and_henans_and_chongqings_as_not(client):
    jiangxi = client.get("/api/v1/list-publication/", {"province": "jiangxi"}).json()["results"]
    published = [row for row in jiangxi if row["status"] == "published"]
    assert len(published) == 12 and {row["published_since"] for row in published} == {"2023-10-07"}
    henan = client.get("/api/v1/list-publication/", {"province": "henan"}).json()["results"]
    assert henan and {row["status"] for row in henan} == {"no_deadline"}
    assert len(henan) == Department.objects.filter(jurisdiction="410000", bears_key_duties=True).count()
    # Chongqing's plan (2023-12-11) asks for the lists within two months: overdue since February 2024.
    chongqing = client.get("/api/v1/list-publication/", {"province": "chongqing"}).json()["results"]
    assert chongqing and {row["status"] for row in chongqing} == {"overdue"}
    assert {row["deadline"] for row in chongqing} == {"2024-02-11"}
    assert client.get("/api/v1/list-publication/").status_code == 400
    assert client.get("/api/v1/list-publication/", {"province": "nowhere"}).status_code == 400


def test_the_province_page_shows_the_tracker(client):
    page = client.get("/chongqing/").content.decode()
    assert "承担重要职责部门的清单公开情况" in page and "逾期未公开" in page and "应于 2024年2月11日 前公开" in page
