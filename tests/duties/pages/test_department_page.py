"""A department's page is its published list: the duties it leads, numbered as printed."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from duties.models import Department, DutyRole

pytestmark = pytest.mark.django_db

HOUSING = "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/"


def test_department_page_lists_each_duty_it_leads_in_printed_order(client):
    response = client.get(HOUSING)
    department = Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")
    expected = list(
        department.duties.filter(roles__role=DutyRole.Role.LEAD, roles__department=department)
        .order_by("position")
        .values_list("number", flat=True)
    )
    assert [duty.number for duty in response.context["duties"]] == expected == [str(n) for n in range(1, 9)]
    assertContains(response, "<h1>江西省住房和城乡建设厅</h1>", html=True)


def test_other_departments_of_a_duty_are_links(client):
    response = client.get(HOUSING)
    cooperating = [d for duty in response.context["duties"] for d in duty.cooperating_departments]
    assert cooperating, "the housing department's list names cooperating departments"
    for department in cooperating:
        assertContains(response, f'href="{department.get_absolute_url()}"')


def test_cooperation_tab_lists_the_duties_it_only_cooperates_on(client):
    response = client.get(HOUSING + "?role=cooperating")
    duties = list(response.context["duties"])
    assert duties
    for duty in duties:
        assert any(d.slug == "zhu-fang-cheng-xiang-jian-she-ting" for d in duty.cooperating_departments)
    assertContains(response, "配合的具体事项")


def test_department_with_an_unattested_name_shows_the_repair(client):
    department = Department.objects.filter(name_attested=False, jurisdiction="410000").first()
    response = client.get(department.get_absolute_url())
    assertContains(response, "来源文件未载明该部门全称")
    assertContains(response, "解析修复记录")


def test_department_page_has_breadcrumbs_and_a_description(client):
    response = client.get(HOUSING)
    assertContains(response, '<a href="/jiangxi/">江西省</a>', html=True)
    assertContains(response, '<meta name="description" content="江西省住房和城乡建设厅牵头的 8 项')


def test_a_department_of_another_province_is_not_found_under_this_one(client):
    assert client.get("/henan/departments/zhu-fang-cheng-xiang-jian-she-ting/").status_code == 404
    assertNotContains(client.get("/henan/"), "江西省住房和城乡建设厅")


def test_duties_it_leads_come_before_those_it_co_leads_in_other_sections(client):
    response = client.get("/jiangxi/departments/sheng-tai-huan-jing-ting/")
    roles = [duty.department_role for duty in response.context["duties"]]
    assert roles == sorted(roles, key=["lead", "co-lead"].index)
    assert roles.count("lead") == 13 and roles.count("co-lead") == 2
    assertContains(response, "会同其他部门牵头的事项")
