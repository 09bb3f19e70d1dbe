"""Every public page runs the same number of queries whatever the amount of data it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# Each group lists pages of one kind showing different amounts of data, and the number
# of queries every one of them runs.
PAGES = {
    "home": (["/"], 2),
    "province": (["/jiangxi/", "/jilin/", "/chongqing/"], 6),  # including its cities and counties that publish
    "province documents": (["/jiangxi/documents/", "/henan/documents/"], 3),
    "department": (
        [
            "/jiangxi/departments/sheng-tai-huan-jing-ting/",  # 13 duties
            "/jiangxi/departments/cai-zheng-ting/",  # 4 duties
            "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/?role=cooperating",
        ],
        9,  # the department is read with its duty counts
    ),
    # Two of them read the duty's versions and their departments.
    "duty": (["/jiangxi/duties/36000001001/", "/chongqing/duties/50000001001/"], 8),
    "document": (["/jiangxi/documents/36000001/", "/chongqing/documents/50000001/"], 7),
    # The listed tab's page and count, and the count of each of the three other tabs.
    # The listed tab is read rank by rank: one query per rank the page reaches (two for one word, up to
    # four for several), however many rows match.
    "search duties": (["/search/?search=厕所", "/search/?search=环境"], 10),
    "search duties, two words": (["/search/?search=環境+水", "/search/?search=污染+治理"], 12),
    # A chosen province adds the lookups of the form and of each tab's FilterSet (they read the same
    # parameters) and its departments for the department filter.
    "search duties in a province": (
        ["/search/?search=环境&province=jiangxi", "/search/?search=生态&province=henan"],
        16,
    ),
    # Every department found by its name is in the first rank: the second is not read.
    "search departments": (["/search/?search=环境&type=departments", "/search/?search=厅&type=departments"], 8),
    "search provisions": (["/search/?search=环境&type=provisions", "/search/?search=督察&type=provisions"], 9),
    # The reports tab, with published reports, is counted in tests/duties/test_search.py.
    "sector list": (["/sectors/"], 1),
    "sector comparison": (["/sectors/housing-construction/", "/sectors/ecology-environment/"], 5),
    "sitemap index": (["/sitemap.xml"], 7),  # how many addresses each kind of page has
    "sitemap files": (["/sitemap-jurisdictions.xml", "/sitemap-departments.xml", "/sitemap-duties.xml"], 2),
}


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("kind", PAGES)
def test_page_runs_a_fixed_number_of_queries(client, kind):
    urls, expected = PAGES[kind]
    assert {url: queries_for(client, url) for url in urls} == dict.fromkeys(urls, expected)
