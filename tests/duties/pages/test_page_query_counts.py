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
        10,
    ),
    # Two of them read the duty's versions and their departments.
    "duty": (["/jiangxi/duties/36000001001/", "/chongqing/duties/50000001001/"], 8),
    "document": (["/jiangxi/documents/36000001/", "/chongqing/documents/50000001/"], 7),
    # The listed tab's page and count, and the count of each of the three other tabs.
    # The listed tab is read rank by rank: one query per rank the page reaches (two for one word, up to
    # four for several), however many rows match.
    "search duties": (["/search/?q=厕所", "/search/?q=环境"], 10),
    "search duties, two words": (["/search/?q=環境+水", "/search/?q=污染+治理"], 12),
    # A chosen province adds its lookup and its departments for the department filter.
    "search duties in a province": (["/search/?q=环境&province=jiangxi", "/search/?q=生态&province=henan"], 12),
    # Every department found by its name is in the first rank: the second is not read.
    "search departments": (["/search/?q=环境&type=departments", "/search/?q=厅&type=departments"], 8),
    "search provisions": (["/search/?q=环境&type=provisions", "/search/?q=督察&type=provisions"], 9),
    # The reports tab, with published reports, is counted in tests/duties/test_search.py.
    "sector list": (["/sectors/"], 1),
    "sector comparison": (["/sectors/housing-construction/", "/sectors/ecology-environment/"], 5),
    "sitemap": (["/sitemap.xml"], 11),
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
