"""The query-count baselines of every URL pattern (tests/test_url_query_counts.py runs them): per route, the
requests to make and the most queries each may run."""

from collections.abc import Callable
from dataclasses import dataclass, field

ECOLOGY = "sheng-tai-huan-jing-ting"  # 江西省生态环境厅: bears key duties, leads 15
COUNTY_DEPARTMENT = {"province": "jiangxi", "code": 360102, "department": "shui-wu-ju"}  # leads every county duty


@dataclass(frozen=True)
class Check:
    """One request to a route: its URL arguments (or a function of the scene giving them), its query
    string, who is signed in, the answer expected and the most queries it may run."""

    max_queries: int
    kwargs: dict | Callable = field(default_factory=dict)
    query: str = ""
    user: str | None = None
    method: str = "get"
    data: dict | None = None
    status: int = 200
    local: bool = False  # reads the city and county lists: not run on the fixture alone


def local(max_queries, kwargs=None, **options):
    return Check(max_queries, kwargs or {}, local=True, **options)


# Route name → its checks. Signed-in checks include the session, the account and its membership; the
# checks that post include their writes (audit entries, search index, savepoints). `local` checks read the
# city's and the county's rows, whose URLs walk up the jurisdictions to the province.
BASELINES = {
    "health": [Check(1)],
    "api-schema": [Check(0)],
    "api-docs": [Check(0)],
    "care_mode_switch": [Check(0, method="post", data={"care_mode": "1"}, status=302)],
    "sitemap": [Check(11)],  # the index: one file per kind of page, each counted to know its pages
    "sitemap-section": [
        Check(3, {"section": section}) for section in ("duties", "departments", "plans", "disclosures", "problems")
    ],
    # The API. A `jurisdiction` or `province` filter adds its lookup.
    "province-list": [Check(2)],
    "province-detail": [Check(1, {"code": "jiangxi"}), Check(1, {"code": "360000"})],
    "sector-list": [Check(2)],
    "sector-detail": [Check(1, {"code": "housing-construction"})],
    "department-list": [
        Check(2),
        Check(2, query="page_size=200"),
        Check(3, query="search=水"),
        local(3, query="jurisdiction=360102"),
    ],
    "department-detail": [Check(1, {"pk": 360000001}), local(1, lambda s: {"pk": s.county_department.pk})],
    "duty-list": [
        Check(3),
        Check(3, query="page_size=200"),
        # The capped count, then the page rank by rank (two ranks for one word), the rows and their roles.
        Check(6, query="province=jiangxi&search=污染"),
        Check(5, query="search=水"),  # the county's duties rank first: their lead departments are 水务局
        Check(4, query="province=jiangxi&format=csv"),  # a whole province's export, unpaginated
        Check(4, query="province=jilin&format=csv"),
        local(4, query="jurisdiction=360102"),
        local(4, query="department=360000010&role=cooperating"),  # 省水利厅 cooperates on every local duty
    ],
    "duty-detail": [
        Check(2, {"pk": 36000001001}),
        local(2, lambda s: {"pk": s.county_duty.pk}),
        local(2, lambda s: {"pk": s.county_duty_now.pk}),
    ],
    "requirement-list": [Check(3), Check(4, query="province=henan"), Check(4, query="department=410000005")],
    "requirement-detail": [Check(2, {"pk": 41000001002})],
    "list-publication-list": [
        # The jurisdiction, its key departments, their leading roles, its list-publication rule.
        Check(4, query="province=jiangxi"),
        Check(4, query="province=chongqing"),
        local(4, query="province=360102"),
        Check(0, status=400),
    ],
    "lead-department-list": [
        Check(3, query="search=水"),
        Check(3, query="search=水&page_size=200"),
        local(4, query="jurisdiction=360102"),
    ],
    "document-list": [Check(2), Check(2, query="page_size=200"), local(3, query="jurisdiction=360102")],
    "document-detail": [
        Check(3, {"pk": 36000001}),
        Check(3, {"pk": 50000001}),
        local(3, lambda s: {"pk": s.county_edition.document_id}),
    ],
    # Each edition with its added, changed and removed duties; the list validates its filters twice.
    "edition-list": [Check(6), local(8, query="jurisdiction=360102")],
    "edition-detail": [local(5, lambda s: {"pk": s.county_edition.pk})],
    "report-list": [Check(6)],
    "report-detail": [Check(5, lambda s: {"pk": s.published.pk})],
    "compliance-list": [Check(4, query="province=jiangxi&year=2024")],
    # Each list and record as a CSV file at its own address (api/routers.py): the whole filtered list at once.
    "province-list-csv": [Check(1)],
    "province-detail-csv": [Check(1, {"code": "jiangxi"})],
    "sector-list-csv": [Check(1)],
    "sector-detail-csv": [Check(1, {"code": "housing-construction"})],
    "department-list-csv": [Check(2), local(2, query="jurisdiction=360102")],
    "department-detail-csv": [Check(1, {"pk": 360000001})],
    "duty-list-csv": [Check(3, query="province=jiangxi"), local(3, query="jurisdiction=360102")],
    "duty-detail-csv": [Check(4, {"pk": 36000001001})],
    "requirement-list-csv": [Check(3, query="province=henan")],
    "requirement-detail-csv": [Check(2, {"pk": 41000001002})],
    "list-publication-list-csv": [Check(4, query="province=jiangxi")],
    "lead-department-list-csv": [Check(2, query="search=水")],
    "document-list-csv": [Check(1)],
    "document-detail-csv": [Check(3, {"pk": 36000001})],
    "edition-list-csv": [local(5)],
    "edition-detail-csv": [local(5, lambda s: {"pk": s.county_edition.pk})],
    "report-list-csv": [Check(5)],
    "report-detail-csv": [Check(5, lambda s: {"pk": s.published.pk})],
    "compliance-list-csv": [Check(4, query="province=jiangxi&year=2024")],
    "calendar-list": [Check(8, query="province=jiangxi&year=2026")],
    "calendar-list-csv": [Check(8, query="province=jiangxi&year=2026")],
    "calendars:calendar": [Check(8, query="province=jiangxi&year=2026")],
    "calendars:feed": [Check(8, query="province=jiangxi")],
    # Accounts and the workspace.
    "reports:login": [Check(0)],
    "reports:logout": [Check(6, method="post", user="editor", status=302)],
    "reports:password_change": [Check(4, user="editor")],
    "reports:password_change_done": [Check(4, user="editor")],
    "reports:workspace": [Check(8, user="editor"), Check(7, user="supervisor")],  # with the rules of the deadlines
    "reports:report_create": [Check(27, method="post", data={"year": 2023}, user="editor", status=302)],
    "reports:report_edit": [
        Check(13, lambda s: {"pk": s.draft.pk}, user="editor"),  # with its approvers and a post kept at sign-out
        Check(10, lambda s: {"pk": s.submitted.pk}, user="approver"),
    ],
    "reports:report_ready": [Check(14, lambda s: {"pk": s.draft.pk}, method="post", user="editor", status=302)],
    "reports:report_submit": [
        Check(11, lambda s: {"pk": s.draft.pk}, user="approver"),
        Check(13, lambda s: {"pk": s.draft.pk}, method="post", data={"version": 1}, user="approver", status=302),
    ],
    "reports:report_submitted": [Check(10, lambda s: {"pk": s.submitted.pk}, user="approver")],
    "reports:report_publish": [
        Check(10, lambda s: {"pk": s.submitted.pk}, user="approver"),
        Check(30, lambda s: {"pk": s.submitted.pk}, method="post", user="approver", status=302),
    ],
    "reports:report_published": [Check(10, lambda s: {"pk": s.published.pk}, user="approver")],
    "reports:report_correct": [Check(12, lambda s: {"pk": s.published.pk}, user="approver")],
    # With the list tracker, and each department's problems due that year (their counts, the overdue, the closed).
    "reports:compliance_board": [
        Check(16, {"province": "jiangxi", "year": 2024}, user="supervisor"),
        Check(10, {"province": "jiangxi", "year": 2024}, query="format=csv", user="supervisor"),
    ],
    # Published reports.
    "reports:public_index": [Check(2)],
    "reports:feed": [Check(1)],
    "reports:attachment": [Check(1, lambda s: {"pk": s.attachment.pk})],
    "reports:province_feed": [Check(2, {"province": "jiangxi"})],
    "reports:department_feed": [Check(2, {"province": "jiangxi", "department": ECOLOGY})],
    "reports:public_detail": [Check(6, {"province": "jiangxi", "department": ECOLOGY, "year": 2024})],
    "reports:public_revision": [Check(5, {"province": "jiangxi", "department": ECOLOGY, "year": 2024, "number": 1})],
    # The public pages of the duty lists.
    "pages:home": [Check(2)],
    # The site's own pages: settings and text only.
    "pages:contact": [Check(0)],
    "pages:privacy": [Check(0)],
    "pages:accessibility": [Check(0)],
    "pages:signed_out": [Check(0)],
    "pages:print_links": [Check(0)],
    # The listed tab's page and count, and the count of each other tab. The listed tab is read rank by rank: one
    # query per rank the page reaches (two for one word, up to four for several), however many rows match.
    "pages:search": [
        Check(10, query="search=厕所"),
        Check(10, query="search=环境"),
        Check(10, query="search=水"),
        Check(12, query="search=環境+水"),
        Check(12, query="search=污染+治理"),
        # Each tab's FilterSet reads the same parameters and names the province again; the form offers its departments.
        Check(16, query="search=环境&province=jiangxi"),
        Check(16, query="search=生态&province=henan"),
        Check(8, query="search=环境&type=departments"),  # every department found by its name is in the first rank
        Check(8, query="search=厅&type=departments"),
        Check(9, query="search=环境&type=provisions"),
        Check(9, query="search=督察&type=provisions"),
        Check(10, query="search=履职&type=reports"),
    ],
    "duties:sector_list": [Check(1)],
    "duties:sector": [
        Check(5, {"sector": "housing-construction"}),
        Check(5, {"sector": "ecology-environment"}),
        Check(5, {"sector": "water-resources"}),
    ],
    # Including the cities and counties that publish.
    # The province, its departments with their counts, how many have a list, its cities, documents and rules.
    "duties:province": [
        # … and its tracker of list publication (the key departments, their lists, the deadline rule).
        Check(10, {"province": "jiangxi"}),
        Check(10, {"province": "jilin"}),
        Check(10, {"province": "chongqing"}),
    ],
    # The page's own lookup of the city or county by its code is the one more query than the province's.
    "duties:jurisdiction": [
        local(11, {"province": "jiangxi", "code": 360100}),
        local(11, {"province": "jiangxi", "code": 360102}),
    ],
    # … its problems' figures (their counts, the overdue ones, the closed ones' days), and the list's
    # provenance when the department prepared it (listdrafts).
    "pages:department": [
        Check(16, {"province": "jiangxi", "department": ECOLOGY}),  # 15 duties
        Check(16, {"province": "jiangxi", "department": "cai-zheng-ting"}),  # 4 duties
        Check(16, {"province": "jiangxi", "department": "shui-li-ting"}, query="role=cooperating"),
    ],
    "pages:local_department": [local(16, COUNTY_DEPARTMENT)],
    "duties:changes": [Check(7, {"province": "jiangxi"})],
    "duties:changes_feed": [Check(6, {"province": "jiangxi"})],
    "duties:department_changes": [Check(3, {"province": "jiangxi", "department": "shui-li-ting"})],
    "duties:department_changes_feed": [Check(3, {"province": "jiangxi", "department": "shui-li-ting"})],
    "duties:local_department_changes": [local(9, COUNTY_DEPARTMENT)],
    "duties:local_department_changes_feed": [local(8, COUNTY_DEPARTMENT)],
    "duties:export": [Check(3, {"province": "jiangxi", "fmt": "csv"}), Check(3, {"province": "henan", "fmt": "xlsx"})],
    "duties:local_export": [local(4, {"province": "jiangxi", "code": 360102, "fmt": "csv"})],
    "duties:department_export": [Check(4, {"province": "jiangxi", "department": ECOLOGY, "fmt": "csv"})],
    "duties:local_department_export": [local(5, {**COUNTY_DEPARTMENT, "fmt": "xlsx"})],
    # The duty, its versions with their departments, and the repairs on its provision.
    "duties:duty": [
        Check(7, {"province": "jiangxi", "pk": 36000001001}),
        Check(7, {"province": "jiangxi", "pk": 36000001060}),
        local(7, lambda s: {"province": "jiangxi", "pk": s.county_duty.pk}),
        local(7, lambda s: {"province": "jiangxi", "pk": s.county_duty_now.pk}),
    ],
    "duties:document_list": [Check(3, {"province": "jiangxi"}), Check(3, {"province": "henan"})],
    "duties:document": [
        Check(7, {"province": "jiangxi", "pk": 36000001}),
        Check(7, {"province": "chongqing", "pk": 50000001}),
        local(7, lambda s: {"province": "jiangxi", "pk": s.county_edition.document_id}),  # the latest edition's file
    ],
}
