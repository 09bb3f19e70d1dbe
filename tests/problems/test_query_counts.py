"""Every problem list page and endpoint runs the same number of queries whatever the number of problems;
and the problems' FilterSet has a filter for every filterable field (or says why not)."""

import pytest
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext

from problems import services
from problems.filtersets import ProblemFilterSet
from problems.models import Problem
from tests.problems.factories import accepted, file_problem

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/problems/",
    "/problems/?jurisdiction=jiangxi&category=air",
    "/problems/feed/",
    "/problems/feed/?jurisdiction=360121&status=accepted&category=air&year={year}",
    "/problems/export.csv",
    "/problems/export.csv?jurisdiction=jiangxi&status=accepted&category=air&year={year}",
    "/api/v1/problems/",
    "/api/v1/problems/?format=csv",
    "/open311/v2/requests.json",
    "/problems/departments/{department}/",
    "/problems/departments/{department}/?status=accepted&category=air&year={year}",
    "/problems/departments/{department}/feed/?status=accepted&category=air&year={year}",
    "/problems/departments/{department}/export.csv",
    "/problems/departments/{department}/export.csv?status=accepted&category=air&year={year}",
    "/problems/{number}/",
    "/api/v1/problems/{number}/",
]
STAFF = ["/workspace/problems/", "/workspace/problems/board/jiangxi/"]


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def _problems(n, county, office, handler, housing):
    numbers = []
    for _ in range(n):
        problem = accepted(file_problem(county).problem, office, handler, housing)
        services.problem_progress(problem=problem, user=handler, note="进展。")
        numbers.append(problem.number)
    return numbers


def test_pages_and_endpoints_run_a_fixed_number_of_queries(client, county, office, handler, housing):
    first = _problems(1, county, office, handler, housing)[0]
    urls = PUBLIC
    staff = Client()
    staff.force_login(office)
    fill = {"department": housing.pk, "number": first, "year": first[:4]}
    before = {url: count(client, url.format(**fill)) for url in urls} | {url: count(staff, url) for url in STAFF}
    _problems(4, county, office, handler, housing)
    after = {url: count(client, url.format(**fill)) for url in urls} | {url: count(staff, url) for url in STAFF}
    assert after == before


FILTERABLE = {
    "jurisdiction": "jurisdiction",
    "department": "department",
    "status": "status",
    "category": "category",
    "source": "source",
    "created_by": None,  # staff accounts are not public
    "hotline": None,  # which hotline filed it is not public
}


def test_every_filterable_field_has_a_filter_or_a_reason():
    fields = {
        field.name
        for field in Problem._meta.get_fields()
        if not (field.auto_created and not field.concrete)
        and (field.is_relation or getattr(field, "choices", None))
        and not isinstance(field, models.BooleanField)
    }
    assert fields == set(FILTERABLE)
    for filter_name in FILTERABLE.values():
        if filter_name:
            assert filter_name in ProblemFilterSet.base_filters
