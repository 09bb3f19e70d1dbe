"""sitemap.xml is an index of files of at most 50,000 addresses that list every public page: every
jurisdiction, department, document and duty in force, cities and counties included."""

import xml.etree.ElementTree as ET

import pytest

from duties.models import Department, Document, DutyItem, Jurisdiction, Sector
from pages import sitemaps

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, path) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return [loc.text.split("testserver", 1)[1] for loc in ET.fromstring(response.content).findall(".//s:loc", NS)]


def every_address(client) -> set[str]:
    return {path for section in locations(client, "/sitemap.xml") for path in locations(client, section)}


def test_the_sitemap_is_an_index_of_one_file_per_kind_of_page(client):
    sections = locations(client, "/sitemap.xml")
    assert sections == [f"/sitemap-{name}.xml" for name in sitemaps.SITEMAPS]
    assert all(sitemap.limit <= 50_000 for sitemap in sitemaps.SITEMAPS.values())


def test_it_lists_every_jurisdiction_department_document_and_duty(client):
    city = Jurisdiction.objects.create(
        code="360400",
        name="九江市",
        short_name="九江",
        slug="jiujiang",
        level="prefecture",
        kind="city",
        parent_id="360000",
    )
    department = Department.objects.create(
        pk=360400501,
        jurisdiction=city,
        name="九江市水利局",
        short_name="市水利局",
        sector=Sector.objects.first(),
        slug="s",
    )
    paths = every_address(client)
    assert {"/", "/jiangxi/", "/henan/", "/chongqing/", "/jilin/", "/sectors/housing-construction/"} <= paths
    assert {"/jiangxi/360400/", department.get_absolute_url()} <= paths
    assert {d.get_absolute_url() for d in Department.objects.select_related("jurisdiction__parent")} <= paths
    assert {d.get_absolute_url() for d in Document.objects.all()} <= paths
    duties = DutyItem.objects.current().select_related("document__jurisdiction")
    assert {d.get_absolute_url() for d in duties} <= paths and duties.count() == 84


def test_every_address_it_lists_answers(client):
    for path in sorted(every_address(client)):
        assert client.get(path).status_code == 200, path


def test_a_file_holds_at_most_its_limit_and_the_rest_goes_on_the_next_page(client, monkeypatch):
    monkeypatch.setattr(sitemaps.DutySitemap, "limit", 50)
    index = locations(client, "/sitemap.xml")
    assert [path for path in index if "duties" in path] == [
        "/sitemap-duties.xml",
        "/sitemap-duties.xml?p=2",
    ]
    pages = [locations(client, f"/sitemap-duties.xml?p={page}") for page in (1, 2)]
    assert [len(page) for page in pages] == [50, 34]  # Jiangxi's 84 duties in force


def test_it_lists_the_published_plans_disclosures_and_public_problems_and_they_answer(client, clock):
    """What the working year and the problems publish is found too; what is not yet public is not listed."""
    from duties.services.divisions import local_governments_join
    from tests import factories
    from tests.disclosures.test_services import publish
    from tests.problems import factories as problem_factories

    jiangxi, jilin = Jurisdiction.objects.get(code="360000"), Jurisdiction.objects.get(code="220000")
    department = Department.objects.get(pk=360000008)
    approver, office = factories.make_approver(department), factories.make_office(jiangxi)
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, office, publish=True)
    transport = Department.objects.get(pk=360000009)
    draft_plan = factories.make_filed_plan(transport, 2026, factories.make_approver(transport), office)
    local_governments_join(province=jilin)
    county = Department.objects.get(jurisdiction="220102")
    clock("2026-04-10 09:00")
    disclosure = publish(county, factories.make_approver(county), 2026, 1)
    public = problem_factories.file_problem(jiangxi).problem
    public = problem_factories.assigned(public, office, department)
    private = problem_factories.file_problem(jiangxi).problem
    paths = every_address(client)
    assert {plan.get_absolute_url(), disclosure.get_absolute_url(), public.get_absolute_url()} <= paths
    assert {"/calendar/", "/problems/", "/problems/new/"} <= paths
    assert draft_plan.get_absolute_url() not in paths and private.get_absolute_url() not in paths
    for path in (plan.get_absolute_url(), disclosure.get_absolute_url(), public.get_absolute_url()):
        assert client.get(path).status_code == 200, path
