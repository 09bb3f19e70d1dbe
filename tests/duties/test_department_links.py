"""Departments named in duty texts are linked to their records, or kept as written and reported."""

import pytest

from duties.models import Department, DutyItem, Requirement

pytestmark = pytest.mark.django_db


def duty(source_file, text_start):
    return DutyItem.objects.with_departments().get(document__source_file=source_file, text__startswith=text_start)


def requirement(source_file, text_start):
    """Henan's, Chongqing's and Jilin's measures are general requirements, not specific duty items."""
    return Requirement.objects.with_departments().get(document__source_file=source_file, text__startswith=text_start)


def short_names(departments):
    return [department.short_name for department in departments]


JIANGXI = "000_7da49b89639e252e.txt"


def test_jiangxi_key_departments_are_the_12_the_opinion_lists():
    key = Department.objects.filter(jurisdiction__slug="jiangxi", bears_key_duties=True)
    assert key.count() == 12
    assert key.filter(key_duties_provision__anchor="p2-m3").count() == 12
    assert not key.filter(sector="courts").exists()


def test_official_name_and_the_short_name_the_documents_use():
    housing = Department.objects.get(jurisdiction__slug="jiangxi", sector="housing-construction")
    assert housing.name == "江西省住房和城乡建设厅"
    assert housing.short_name == "省住房城乡建设厅"
    assert housing.name_attested
    ndrc = Department.objects.get(jurisdiction__slug="jiangxi", sector="development-reform")
    assert ndrc.short_name == "省发展改革委"
    assert {"省发展改革委(省能源局)", "省能源局"} <= set(ndrc.aliases)


def test_co_lead_is_read_from_hui_tong_x_qian_tou():
    plastics = duty(JIANGXI, "会同省生态环境厅牵头开展全省塑料污染治理工作")
    assert short_names(plastics.lead_departments) == ["省发展改革委"]
    assert short_names(plastics.co_lead_departments) == ["省生态环境厅"]
    assert plastics.cooperating_departments == []


def test_cooperating_departments_are_read_from_a_list_ending_in_deng_bumen():
    fumes = duty(JIANGXI, "会同生态环境、商务、市场监管、机关事务管理等部门")
    assert short_names(fumes.lead_departments) == ["省住房城乡建设厅"]
    assert short_names(fumes.cooperating_departments) == ["省生态环境厅", "省商务厅", "省市场监管局"]
    assert [role.name_as_written for role in fumes.unresolved_mentions] == ["机关事务管理"]


def test_a_body_outside_the_provincial_government_is_kept_as_written():
    rail = duty(JIANGXI, "会同省发改委、南昌铁路局推进交通运输结构优化调整")
    assert short_names(rail.cooperating_departments) == ["省发展改革委"]
    assert [(r.role, r.name_as_written) for r in rail.unresolved_mentions] == [("cooperating", "南昌铁路局")]


def test_an_abbreviated_sector_name_resolves():
    toilets = duty(JIANGXI, "牵头组织改善农村人居环境工作,牵头推进农村厕所革命")
    assert short_names(toilets.lead_departments) == ["省农业农村厅"]
    assert short_names(toilets.cooperating_departments) == ["省住房城乡建设厅", "省生态环境厅"]


def test_henan_measure_11_is_put_on_the_provincial_ecology_department():
    measure = requirement("002_93077c1f7bf33f6f.txt", "强化监督问效")
    assert measure.number == "(十一)"
    assert [d.name for d in measure.addressed_departments] == ["河南省生态环境厅"]


def test_henan_reporting_measure_is_put_on_the_13_key_departments():
    measure = requirement("002_93077c1f7bf33f6f.txt", "实施专题报告制度")
    assert len(measure.addressed_departments) == 13
    assert all(department.bears_key_duties for department in measure.addressed_departments)


def test_henan_joint_enforcement_links_police_procuratorate_and_court():
    measure = requirement("002_93077c1f7bf33f6f.txt", "健全联动机制")
    assert [d.sector_id for d in measure.addressed_departments] == ["ecology-environment"]
    assert [d.sector_id for d in measure.cooperating_departments] == ["public-security", "procuratorates", "courts"]


def test_chongqing_reporting_measure_names_the_ecology_bureau_as_collector():
    measure = requirement("004_6018938df5840922.txt", "建立实施生态环境保护专题报告制度")
    assert [d.name for d in measure.addressed_departments] == ["重庆市生态环境局"]


def test_chongqing_key_departments_include_urban_management():
    key = Department.objects.filter(jurisdiction__slug="chongqing", bears_key_duties=True)
    assert key.count() == 14
    assert key.filter(sector="urban-management", name="重庆市城市管理局").exists()


def test_jilin_measures_are_put_on_the_county_governments():
    measure = requirement("003_5752f4fce0af3575.txt", "加大宣传力度")
    assert [d.name for d in measure.addressed_departments] == ["吉林省各县(市、区)政府"]
    assert [r.name_as_written for r in measure.bodies_outside_records] == ["宣传部门"]


def test_every_lead_of_a_jiangxi_annex_item_bears_key_duties():
    for item in DutyItem.objects.filter(document__source_file=JIANGXI).with_departments():
        assert all(department.bears_key_duties for department in item.lead_departments)
