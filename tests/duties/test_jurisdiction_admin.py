"""The jurisdiction admin form checks that a GB/T 2260 code, its level and its parent agree, and that its pages'
addresses resolve; a new province joins like a city: added in the admin, its departments, then its list."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from duties import gbt2260, spreadsheet
from duties.admin_forms import ADDRESS_TAKEN, SLUG_NOT_A_NAME
from duties.models import DutyItem, Jurisdiction
from duties.spreadsheet import COLUMNS, DEPARTMENT, LEAD, NUMBER, TEXT
from tests.duties.test_list_import_admin import page_of, pending_of

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/duties/jurisdiction/add/"


def jurisdiction_fields(**changes):
    return {
        "code": "360400",
        "name": "九江市",
        "short_name": "九江",
        "slug": "jiujiang",
        "level": "prefecture",
        "kind": "city",
        "parent": "360000",
        "audit_reason": "新加入的地区",
        **changes,
    }


def form_errors(admin_client, **changes) -> dict:
    response = admin_client.post(ADD_URL, jurisdiction_fields(**changes))
    if response.status_code == 302:
        return {}
    return {name: list(messages) for name, messages in response.context["adminform"].form.errors.items()}


def test_a_city_whose_code_level_and_parent_agree_is_added(admin_client):
    assert form_errors(admin_client) == {}
    assert Jurisdiction.objects.get(code="360400").parent_id == "360000"


def test_a_prefecture_under_another_province_is_refused(admin_client):
    errors = form_errors(admin_client, code="420100", name="武汉市", slug="wuhan")
    expected = gbt2260.PARENT_FROM_CODE % {"code": "420100", "expected": "420000", "parent": "360000"}
    assert errors == {"parent": [expected]}
    assert not Jurisdiction.objects.filter(code="420100").exists()


@pytest.mark.parametrize(
    "changes, field, fragment",
    [
        ({"level": "county"}, "level", "层级应为“地级”"),
        ({"code": "360000", "level": "province", "kind": "province", "slug": "jx2"}, "parent", "没有上级"),
        ({"kind": "province"}, "kind", "不是地级行政区的类型"),
        ({"code": "360402", "level": "county", "kind": "district", "parent": "410000"}, "parent", "应是 360000"),
    ],
    ids=["level-from-zeros", "province-with-parent", "kind-of-level", "county-without-its-city-under-its-province"],
)
def test_a_code_that_disagrees_with_its_level_kind_or_parent_is_refused(admin_client, changes, field, fragment):
    errors = form_errors(admin_client, **changes)
    assert field in errors and fragment in errors[field][0], errors


def test_a_county_goes_under_its_city_once_the_city_is_there(admin_client):
    assert form_errors(admin_client) == {}
    county = {"code": "360402", "name": "濂溪区", "short_name": "濂溪", "slug": "lianxi", "kind": "district"}
    errors = form_errors(admin_client, **county, level="county", parent="360000")
    assert "应是 360400" in errors["parent"][0]
    assert form_errors(admin_client, **county, level="county", parent="360400") == {}


@pytest.mark.parametrize(
    "slug, message",
    [("search", ADDRESS_TAKEN % {"url": "/search/"}), ("sectors", ADDRESS_TAKEN % {"url": "/sectors/"})]
    + [("Sichuan", SLUG_NOT_A_NAME % {"slug": "Sichuan"}), ("510000", SLUG_NOT_A_NAME % {"slug": "510000"})],
)
def test_a_province_whose_address_would_be_another_page_is_refused(admin_client, slug, message):
    province = {"code": "510000", "name": "四川省", "short_name": "四川", "level": "province", "kind": "province"}
    assert form_errors(admin_client, **province, slug=slug, parent="") == {"slug": [message]}


def test_a_new_province_joins_by_import(admin_client):
    province = {"code": "510000", "name": "四川省", "short_name": "四川", "slug": "sichuan", "parent": ""}
    assert form_errors(admin_client, **province, level="province", kind="province") == {}
    response = admin_client.post(
        "/admin/duties/department/add/",
        {
            "jurisdiction": "510000",
            "name": "四川省生态环境厅",
            "name_attested": "on",
            "short_name": "省生态环境厅",
            "aliases": "",
            "sector": "ecology-environment",
            "slug": "sheng-tai-huan-jing-ting",
            "position": "1",
            "audit_reason": "新加入的省份",
        },
    )
    assert response.status_code == 302
    row = {**dict.fromkeys(COLUMNS, ""), DEPARTMENT: "四川省生态环境厅", NUMBER: "1", TEXT: "统筹全省生态环境保护。"}
    data = spreadsheet.write_csv([{**row, LEAD: "省生态环境厅"}])
    fields = {
        "jurisdiction": "510000",
        "department": "",
        "effective_on": "2026-01-01",
        "basis": "川环发〔2026〕1号",
        "document_title": "四川省生态环境保护具体事项清单",
    }
    upload = SimpleUploadedFile("sichuan.csv", data, content_type="text/csv")
    preview = admin_client.post("/admin/duties/edition/import/", {**fields, "preview": "1", "file": upload})
    body = page_of(preview)
    assert "新增 1 项" in body
    confirm = admin_client.post(
        "/admin/duties/edition/import/", {**fields, "pending": pending_of(body), "confirm": "1"}
    )
    assert "已发布清单版本" in page_of(confirm)
    assert DutyItem.objects.current().filter(document__jurisdiction="510000").count() == 1
    page = admin_client.get("/sichuan/").content.decode()
    assert "四川省生态环境厅" in page
    assert admin_client.get("/api/v1/provinces/sichuan/").status_code == 200
    assert admin_client.get("/sichuan/departments/sheng-tai-huan-jing-ting/").status_code == 200


def test_every_jurisdiction_of_the_fixture_agrees_with_its_code():
    for jurisdiction in Jurisdiction.objects.select_related("parent"):
        fields = {"code": jurisdiction.code, "level": jurisdiction.level, "kind": jurisdiction.kind}
        assert gbt2260.code_errors(**fields, parent=jurisdiction.parent) == {}, jurisdiction
