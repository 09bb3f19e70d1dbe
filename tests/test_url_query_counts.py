"""Every URL pattern runs at most its recorded number of SQL queries, whatever the amount of data.

The test walks the whole URLconf: a pattern without a baseline in BASELINES fails, so a new
page or endpoint cannot ship without one. Each check runs on the fixture, then with a city and a
county of Jiangxi publishing 2 departments and duties each, then 20, with problems handled by 2
departments, then 8: the count must not grow.
The same checks show that every FilterSet of the project serves some page or endpoint.
"""

import datetime
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
from tests.problems import factories as problem_factories
from tests.test_filterset_completeness import FILTERSETS
from tests.url_count_baselines import BASELINES, COUNTY_DEPARTMENT, ECOLOGY
from tests.url_counts_elsewhere import COUNTED_ELSEWHERE

pytestmark = pytest.mark.django_db


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
        "These URL patterns have no query-count baseline. Add each to BASELINES in tests/url_count_baselines.py: "
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
    ecology = Department.objects.get(jurisdiction="360000", slug=ECOLOGY)
    problem_factories.handled_in_2024([ecology, scene.county_department], 1)
    few = measure(scene, with_local=True)
    problems = beyond_baselines(few)
    assert not problems, "\n".join(problems)
    add_local_rows(scene, 20, datetime.date(2025, 3, 1))
    for department in Department.objects.filter(pk__in=[360000002, 360000003]):  # two more published reports
        factories.make_filed_report(department, 2024, factories.make_approver(department), publish=True)
    others = Department.objects.filter(jurisdiction__in=["360000", "360102"]).exclude(problems__isnull=False)
    problem_factories.handled_in_2024([ecology, scene.county_department, *others.order_by("pk")[:6]], 3)
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
