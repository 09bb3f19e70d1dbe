"""A duty page names its departments and links to the provision; a document shows its whole structure."""

import pytest
from pytest_django.asserts import assertContains

from duties.models import DutyItem, Provision, Repair

pytestmark = pytest.mark.django_db


def test_duty_page_links_to_its_provision_in_the_document(client):
    duty = DutyItem.objects.get(
        document_id=36000001, number="1", roles__department__slug="zhu-fang-cheng-xiang-jian-she-ting"
    )
    response = client.get(duty.get_absolute_url())
    assertContains(response, duty.text)
    assertContains(response, f'href="/jiangxi/documents/36000001/#{duty.provision.anchor}"')
    assertContains(response, f"解析自政策文件原文第 {duty.provision.line_start} 行")
    assert duty.document.source_file not in response.content.decode()  # an internal file name helps nobody
    assertContains(response, "<dt>牵头</dt>", html=True)


def test_duty_page_shows_a_repair_recorded_on_its_provision(client):
    duty = DutyItem.objects.filter(document_id=36000001).first()
    Repair.objects.create(
        document=duty.document,
        provision=duty.provision,
        line=duty.provision.line_start,
        kind="resolution",
        original="其",
        repaired="省住房城乡建设厅",
        reason="“其”指本条牵头部门。",
    )
    response = client.get(duty.get_absolute_url())
    assertContains(response, "解析修复记录")
    assertContains(response, "指代判读")


def test_the_document_page_shows_the_repair_on_a_general_requirement(client):
    repair = Repair.objects.get(kind="resolution")
    assert repair.provision.requirements.exists()
    response = client.get(repair.document.get_absolute_url())
    assertContains(response, f"解析修复：“{repair.original}” → “{repair.repaired}”")


def test_duty_is_only_found_under_its_own_province(client):
    duty = DutyItem.objects.filter(document__jurisdiction="360000").first()
    assert client.get(f"/chongqing/duties/{duty.pk}/").status_code == 404
    assert client.get(f"/jiangxi/duties/{duty.pk}/").status_code == 200


def test_document_page_has_every_provision_with_its_anchor(client):
    response = client.get("/jiangxi/documents/36000001/")
    anchors = list(Provision.objects.filter(document_id=36000001).values_list("anchor", flat=True))
    assert len(anchors) > 100
    content = response.content.decode()
    for anchor in anchors:
        assert f'id="{anchor}"' in content
    assertContains(response, "赣环督察字〔2023〕373号")
    assertContains(response, "2023年10月7日")


def test_document_page_lists_the_issuing_bodies_and_the_line_repairs(client):
    response = client.get("/chongqing/documents/50000001/")
    assertContains(response, "发文单位")
    assertContains(response, "2023年12月11日")
    assertContains(response, "其他解析修复记录")  # the date and name repairs that belong to no provision


def test_a_traditional_script_document_says_so(client):
    response = client.get("/jiangxi/documents/36000002/")
    assertContains(response, "原文为繁体字")
    assertContains(response, "（年份未载明）")


def test_the_document_page_keeps_the_printed_numbering_with_its_brackets(client):
    page = client.get("/jiangxi/documents/36000001/").content.decode()
    assert "(一)提高政治站位" in page and "一提高政治站位" not in page.replace("(一)提高政治站位", "")
