"""The sector comparison puts one sector's departments side by side across provinces."""

import pytest
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def test_housing_sector_compares_the_three_provinces_that_publish_it(client):
    response = client.get("/sectors/housing-construction/")
    columns = response.context["columns"]
    assert [province.slug for province, _ in columns] == ["jiangxi", "henan", "chongqing"]
    jiangxi_departments = dict(columns)[next(p for p, _ in columns if p.slug == "jiangxi")]
    assert [d.short_name for d in jiangxi_departments] == ["省住房城乡建设厅"]
    assert len(jiangxi_departments[0].leading_roles) == 8
    assertContains(response, "住房和城乡建设：各省牵头事项对比")


def test_sector_list_links_only_sectors_with_departments(client):
    response = client.get("/sectors/")
    assertContains(response, 'href="/sectors/housing-construction/"')
    for sector in response.context["sectors"]:
        if sector.department_count == 0:
            assert f'href="/sectors/{sector.code}/"' not in response.content.decode()


def test_unknown_sector_is_404(client):
    assert client.get("/sectors/astrology/").status_code == 404
