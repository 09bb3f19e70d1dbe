"""Jilin's cities and counties joined from GB/T 2260, one county government's staff, and Jilin's supervisor."""

import pytest

from duties.models import Department, Jurisdiction
from duties.services.divisions import local_governments_join
from tests import factories
from tests.reports.conftest import clock  # noqa: F401


@pytest.fixture
def jilin(db):
    return Jurisdiction.objects.get(code="220000")


@pytest.fixture
def jilin_counties(jilin):
    return local_governments_join(province=jilin)


@pytest.fixture
def county_government(jilin_counties):
    """南关区人民政府 (长春市)."""
    return Department.objects.select_related("jurisdiction__parent").get(jurisdiction="220102")


@pytest.fixture
def county_editor(county_government):
    return factories.make_editor(county_government, username="nanguan-editor")


@pytest.fixture
def county_approver(county_government):
    return factories.make_approver(county_government, username="nanguan-approver")


@pytest.fixture
def jilin_supervisor(jilin):
    return factories.make_supervisor(jilin, username="jilin-supervisor")
