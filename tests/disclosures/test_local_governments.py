"""Jilin's cities and counties join from GB/T 2260 with their governments as the responsible bodies."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from disclosures import selectors
from duties.audit import AuditEntry
from duties.models import Department, Jurisdiction
from duties.services.divisions import NOT_A_PROVINCE, local_governments_join

pytestmark = pytest.mark.django_db


def test_jilins_nine_cities_and_sixty_counties_join_with_real_codes_and_names(jilin, jilin_counties):
    assert (jilin_counties.jurisdictions, jilin_counties.governments) == (69, 69)
    cities = Jurisdiction.objects.filter(parent=jilin)
    assert cities.count() == 9 and cities.get(code="220100").name == "长春市"
    nanguan = Jurisdiction.objects.get(code="220102")
    assert (nanguan.name, nanguan.parent_id, nanguan.level, nanguan.slug) == (
        "南关区",
        "220100",
        "county",
        "nan-guan-qu",
    )
    government = Department.objects.get(jurisdiction=nanguan)
    assert (government.name, government.sector_id, government.name_attested) == (
        "南关区人民政府",
        "local-government",
        False,
    )
    assert AuditEntry.objects.filter(content_type__model="department", object_id=str(government.pk)).exists()


def test_joining_twice_adds_nothing(jilin, jilin_counties):
    assert local_governments_join(province=jilin).jurisdictions == 0
    out = __import__("io").StringIO()
    call_command("join_local_governments", "jilin", stdout=out)
    assert "0 cities and counties added, 0 governments added" in out.getvalue()


def test_only_a_province_joins_its_counties(jilin_counties):
    with pytest.raises(ValidationError) as excinfo:
        local_governments_join(province=Jurisdiction.objects.get(code="220100"))
    assert excinfo.value.messages == [NOT_A_PROVINCE]


def test_the_county_governments_disclose_and_the_cities_do_not(jilin, jilin_counties):
    bodies = list(selectors.disclosing_bodies(jilin))
    assert len(bodies) == 60
    assert all(body.jurisdiction.level == "county" for body in bodies)
    assert selectors.is_disclosing_body(bodies[0])
    assert not selectors.is_disclosing_body(Department.objects.get(jurisdiction="220100"))


def test_the_province_page_lists_the_cities_that_joined(client, jilin_counties):
    assert "长春市" in client.get("/jilin/").content.decode()
