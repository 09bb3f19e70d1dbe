"""A province's cities and counties join as places to report in; routing from them walks up to the province."""

from io import StringIO

import pytest
from django.core.management import call_command

from duties.models import Jurisdiction
from problems.routing import route

pytestmark = pytest.mark.django_db


def test_a_province_s_counties_are_added_once_and_route_to_its_list():
    out = StringIO()
    call_command("add_problem_places", "--province", "jiangxi", stdout=out)
    added = Jurisdiction.objects.filter(code__startswith="36", parent__isnull=False).count()
    assert added > 90 and f"{added} cities and counties added" in out.getvalue()
    call_command("add_problem_places", "--province", "360000", stdout=out)
    assert Jurisdiction.objects.filter(code__startswith="36", parent__isnull=False).count() == added
    county = Jurisdiction.objects.get(code="360121")
    assert county.parent.code == "360100" and county.level == "county"
    assert route(county, "工地扬尘").proposals[0].department.name == "江西省住房和城乡建设厅"
