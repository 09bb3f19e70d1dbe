"""Every URL pattern runs at most its recorded number of SQL queries, whatever the amount of data.

The test walks the whole URLconf: a pattern without a baseline in BASELINES fails, so a new
page or endpoint cannot ship without one. Each check runs on the fixture, then with a city and a
county of Jiangxi publishing 2 departments and duties each, then 20: the count must not grow.
The same checks show that every FilterSet of the project serves some page or endpoint.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.views import static
from django_filters.filterset import BaseFilterSet

from duties.models import Department, DutyItem, Edition
from reports import services
from tests import factories
from tests.test_filterset_completeness import FILTERSETS
from tests.url_counts_elsewhere import COUNTED_ELSEWHERE

pytestmark = pytest.mark.django_db

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
    "sitemap": [Check(7)],  # the index: one file per kind of page, each counted to know its pages
    "sitemap-section": [Check(3, {"section": "duties"}), Check(3, {"section": "departments"})],
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
    "calendar-list": [Check(7, query="province=jiangxi&year=2026")],
    "calendar-list-csv": [Check(7, query="province=jiangxi&year=2026")],
    "calendars:calendar": [Check(7, query="province=jiangxi&year=2026")],
    "calendars:feed": [Check(7, query="province=jiangxi")],
    # Accounts and the workspace.
    "reports:login": [Check(0)],
    "reports:logout": [Check(6, method="post", user="editor", status=302)],
    "reports:password_change": [Check(4, user="editor")],
    "reports:password_change_done": [Check(4, user="editor")],
    "reports:workspace": [Check(7, user="editor"), Check(6, user="supervisor")],
    "reports:report_create": [Check(27, method="post", data={"year": 2023}, user="editor", status=302)],
    "reports:report_edit": [
        Check(11, lambda s: {"pk": s.draft.pk}, user="editor"),
        Check(10, lambda s: {"pk": s.submitted.pk}, user="approver"),
    ],
    "reports:report_publish": [Check(30, lambda s: {"pk": s.submitted.pk}, method="post", user="approver", status=302)],
    "reports:report_correct": [Check(11, lambda s: {"pk": s.published.pk}, user="approver")],
    "reports:compliance_board": [
        Check(13, {"province": "jiangxi", "year": 2024}, user="supervisor"),  # with the list tracker
        Check(7, {"province": "jiangxi", "year": 2024}, query="format=csv", user="supervisor"),
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
    # … and the list's provenance when the department prepared it (listdrafts).
    "pages:department": [
        Check(12, {"province": "jiangxi", "department": ECOLOGY}),  # 15 duties
        Check(12, {"province": "jiangxi", "department": "cai-zheng-ting"}),  # 4 duties
        Check(12, {"province": "jiangxi", "department": "shui-li-ting"}, query="role=cooperating"),
    ],
    "pages:local_department": [local(12, COUNTY_DEPARTMENT)],
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


def url_patterns(resolver=None, namespace=None):
    """(route name, pattern) of every URL pattern, through every include."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue  # Django's admin: its own views, tested by Django and tests/duties/test_admin.py
            if getattr(pattern.urlconf_module, "__name__", pattern.urlconf_name) == "captcha.urls":
                continue  # django-simple-captcha's image, sound and refresh: no queries of the portal's
            yield from url_patterns(pattern, ":".join(filter(None, [namespace, pattern.namespace])) or None)
        elif "format" in pattern.pattern.regex.groupindex:
            continue  # DRF's `.json`/`.csv` twin of a route: the same view, checked through `?format=`
        elif pattern.callback is static.serve:
            continue  # static and media files served in development only: no queries
        else:
            yield ":".join(filter(None, [namespace, pattern.name])), pattern


def test_every_url_pattern_has_a_query_baseline():
    names = [name for name, _pattern in url_patterns()]
    missing = [
        f"{name or '(unnamed)'}: {pattern.pattern}"
        for name, pattern in url_patterns()
        if name not in BASELINES and name not in COUNTED_ELSEWHERE
    ]
    assert not missing, (
        "These URL patterns have no query-count baseline. Add each to BASELINES in tests/test_url_query_counts.py: "
        "example URL arguments, the most queries it may run and the answer expected (name the pattern if it has "
        "no name):\n" + "\n".join(missing)
    )
    assert len(names) == len(set(names)), "two URL patterns share a name: give each its own, and its own baseline"
    for name, module in COUNTED_ELSEWHERE.items():
        text = (Path(__file__).resolve().parent.parent / module).read_text()
        assert "captured_queries" in text or "django_assert_max_num_queries" in text, (name, module)
    gone = (set(BASELINES) | set(COUNTED_ELSEWHERE)) - set(names)
    assert not gone, f"BASELINES names routes the URLconf no longer has: {sorted(gone)}"
    assert all(BASELINES.values()), "every route in BASELINES has at least one check"


PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def scene(settings, tmp_path):
    """Jiangxi's ecology department with its editor, approver and reports in every state, and a supervisor."""
    settings.MEDIA_ROOT = tmp_path
    department = Department.objects.select_related("jurisdiction").get(jurisdiction="360000", slug=ECOLOGY)
    editor, approver = factories.make_editor(department), factories.make_approver(department)
    supervisor = factories.make_supervisor(department.jurisdiction)
    report = factories.save_draft(services.report_create(user=editor, department=department, year=2024), editor)
    upload = SimpleUploadedFile("现场.pdf", PDF, content_type="application/pdf")
    attachment = services.attachment_add(report=report, user=editor, upload=upload)
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    return SimpleNamespace(
        users={"editor": editor, "approver": approver, "supervisor": supervisor},
        published=services.report_publish(report=report, user=approver),
        attachment=attachment,
        submitted=factories.make_filed_report(department, 2023, approver),
        draft=services.report_create(user=editor, department=department, year=2025),
    )


def add_local_rows(scene, size, effective_on):
    """Bring the city's and the county's lists to `size` departments and duties, by one more edition each."""
    factories.make_local_lists(size, effective_on=effective_on)
    scene.county_department = Department.objects.get(jurisdiction="360102", slug=COUNTY_DEPARTMENT["department"])
    scene.county_duty = DutyItem.objects.filter(document__jurisdiction="360102").earliest("pk")  # reworded since
    scene.county_duty_now = DutyItem.objects.current().get(lineage=scene.county_duty.lineage)  # its wording's row
    scene.county_edition = Edition.objects.filter(jurisdiction="360102").latest("pk")


def run(scene, route, check):
    """(URL, status, number of queries) of one check; whatever it writes is rolled back."""
    kwargs = check.kwargs(scene) if callable(check.kwargs) else check.kwargs
    url = reverse(route, kwargs=kwargs) + (f"?{check.query}" if check.query else "")
    client = Client()
    if check.user:
        client.force_login(scene.users[check.user])
    cache.clear()  # cached counts would make a page cheaper the second time
    with transaction.atomic():
        with CaptureQueriesContext(connection) as captured:
            response = getattr(client, check.method)(url, check.data)
            # A streamed body (an export, a file) is read inside the count; reading it to the end closes it.
            response.getvalue()
        transaction.set_rollback(True)
    return url, response.status_code, len(captured.captured_queries)


def measure(scene, *, with_local):
    """(route, check's index) → (URL, status, queries) of every check; `local` ones only `with_local`."""
    return {
        (route, index): run(scene, route, check)
        for route, checks in BASELINES.items()
        for index, check in enumerate(checks)
        if with_local or not check.local
    }


def beyond_baselines(results):
    problems = []
    for (route, index), (url, status, count) in results.items():
        check = BASELINES[route][index]
        if status != check.status:
            problems.append(f"{route} {url}: answered {status}, expected {check.status}")
        elif count > check.max_queries:
            problems.append(f"{route} {url}: {count} queries, baseline {check.max_queries}")
    return problems


def test_every_url_stays_within_its_baseline_on_the_fixture(scene):
    problems = beyond_baselines(measure(scene, with_local=False))
    assert not problems, "\n".join(problems)


def test_query_counts_do_not_grow_with_city_and_county_rows(scene):
    # Two editions of each list, so that both runs show duties added, changed and kept.
    add_local_rows(scene, 1, datetime.date(2024, 3, 1))
    add_local_rows(scene, 2, datetime.date(2024, 9, 1))
    few = measure(scene, with_local=True)
    problems = beyond_baselines(few)
    assert not problems, "\n".join(problems)
    add_local_rows(scene, 20, datetime.date(2025, 3, 1))
    for department in Department.objects.filter(pk__in=[360000002, 360000003]):  # two more published reports
        factories.make_filed_report(department, 2024, factories.make_approver(department), publish=True)
    many = measure(scene, with_local=True)
    grown = [
        f"{route} {url}: {few[route, index][2]} queries with 2 local departments and duties, {count} with 20"
        for (route, index), (url, _status, count) in many.items()
        if count != few[route, index][2]
    ]
    assert not grown, "\n".join(grown)


def test_every_filterset_serves_a_url(scene, monkeypatch):
    used = set()
    original_init = BaseFilterSet.__init__

    def recording_init(filterset, *args, **kwargs):
        used.add(type(filterset))
        original_init(filterset, *args, **kwargs)

    monkeypatch.setattr(BaseFilterSet, "__init__", recording_init)
    measure(scene, with_local=False)
    # The problems' FilterSet serves /problems/ and /api/v1/problems/, counted by tests/problems/test_query_counts.py.
    served_elsewhere = {"ProblemFilterSet"}
    unused = [f.__name__ for f in FILTERSETS if f not in used and f.__name__ not in served_elsewhere]
    assert not unused, f"no page or endpoint in BASELINES uses {unused}: wire it to its list, or delete it"
