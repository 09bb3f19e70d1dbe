"""The whole permission matrix, at the services and selectors (the views have their own test)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from reports import selectors, services
from reports.models import Report
from tests import factories

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "no_role_user",
    "other_editor",
    "editor",
    "approver",
    "supervisor",
    "other_supervisor",
    "site_admin",
]


@pytest.fixture
def actor(request):
    def get(name):
        return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)

    return get


def readable(user, pk):
    try:
        selectors.report_for_reader(user, pk)
    except Http404:
        return False
    return True


def allowed(call):
    try:
        call()
    except PermissionDenied:
        return False
    return True


@pytest.mark.parametrize(
    ("name", "expected"),
    [(name, name in {"editor", "approver"}) for name in ACTORS],
)
def test_who_may_open_a_draft(actor, department, name, expected):
    assert allowed(lambda: services.report_create(user=actor(name), department=department, year=2023)) is expected


@pytest.mark.parametrize(("name", "expected"), [(name, name in {"editor", "approver"}) for name in ACTORS])
def test_who_may_save_a_draft(actor, draft, name, expected):
    def save():
        services.report_draft_save(
            report=draft, user=actor(name), expected_version=draft.version, overall="改写", entries={}, sections={}
        )

    assert allowed(save) is expected
    assert (Report.objects.get(pk=draft.pk).overall == "改写") is expected


@pytest.mark.parametrize(("name", "expected"), [(name, name == "approver") for name in ACTORS])
def test_who_may_submit(actor, draft, approver, name, expected):
    draft = factories.save_draft(draft, approver)
    assert allowed(lambda: services.report_submit(report=draft, user=actor(name), expected_version=draft.version)) is (
        expected
    )
    assert Report.objects.get(pk=draft.pk).is_filed is expected


@pytest.mark.parametrize(("name", "expected"), [(name, name == "approver") for name in ACTORS])
def test_who_may_publish_and_correct(actor, department, approver, name, expected):
    report = factories.make_filed_report(department, 2023, approver)
    user = actor(name)
    assert allowed(lambda: services.report_publish(report=report, user=user)) is expected

    def correct():
        services.report_correct(
            report=report,
            user=user,
            expected_version=Report.objects.get(pk=report.pk).version,
            overall="更正",
            entries={},
            sections={},
            reason="更正",
        )

    assert allowed(correct) is expected


@pytest.mark.parametrize(
    ("name", "expected"), [(name, name in {"editor", "approver", "site_admin"}) for name in ACTORS]
)
def test_who_may_read_a_draft(actor, draft, name, expected):
    assert readable(actor(name), draft.pk) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [(name, name in {"editor", "approver", "supervisor", "site_admin"}) for name in ACTORS],
)
def test_who_may_read_a_submitted_unpublished_report(actor, department, approver, name, expected):
    report = factories.make_filed_report(department, 2023, approver)
    assert readable(actor(name), report.pk) is expected


@pytest.mark.parametrize("name", ACTORS)
def test_everybody_reads_a_published_report(actor, department, approver, name):
    report = factories.make_filed_report(department, 2023, approver, publish=True)
    assert selectors.report_for_reader(actor(name), report.pk) == report


def test_an_inactive_account_keeps_no_rights(editor, draft):
    editor.is_active = False
    editor.save()
    with pytest.raises(PermissionDenied):
        services.report_draft_save(report=draft, user=editor, expected_version=1, overall="x", entries={}, sections={})


def test_workspace_lists_only_what_each_account_may_see(draft, department, other_department, approver, editor):
    other = services.report_create(user=factories.make_editor(other_department), department=other_department, year=2024)
    filed = factories.make_filed_report(department, 2023, approver)
    supervisor = factories.make_supervisor(department.jurisdiction)
    assert set(selectors.reports_for_member(editor)) == {draft, filed}
    assert set(selectors.reports_for_member(supervisor)) == {filed}  # drafts, its own or others', never
    assert other not in selectors.reports_for_member(editor)


def test_a_supervisor_of_another_province_lists_nothing_here(department, approver, other_supervisor):
    factories.make_filed_report(department, 2023, approver)
    assert list(selectors.reports_for_member(other_supervisor)) == []
