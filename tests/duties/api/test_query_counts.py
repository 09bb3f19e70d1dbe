"""Every endpoint runs the same number of queries whatever the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/provinces/": 2,
    "/api/v1/sectors/": 2,
    "/api/v1/departments/": 2,
    "/api/v1/duties/": 3,
    # The capped count, then the page rank by rank (two ranks for one word), the rows and their roles.
    "/api/v1/duties/?province=jiangxi&search=污染": 6,
    "/api/v1/lead-departments/?search=水": 3,
    "/api/v1/documents/": 2,
}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_list_runs_a_fixed_number_of_queries_whatever_the_page_size(client, url):
    separator = "&" if "?" in url else "?"
    counts = {size: queries(client, f"{url}{separator}page_size={size}") for size in (2, 50, 200)}
    assert counts == dict.fromkeys((2, 50, 200), ENDPOINTS[url])


def test_export_of_a_whole_province_runs_a_fixed_number_of_queries(client):
    assert queries(client, "/api/v1/duties/?province=jiangxi&format=csv") == queries(
        client, "/api/v1/duties/?province=jilin&format=csv"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [("/api/v1/duties/36000001001/", 2), ("/api/v1/documents/36000001/", 3), ("/api/v1/documents/50000001/", 3)],
)
def test_detail_runs_a_fixed_number_of_queries(client, url, expected):
    assert queries(client, url) == expected
