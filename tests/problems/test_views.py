"""The pages, door by door: who sees a problem's internal page and its contact, who may take which step, the
public page's timeline with on-time flags, the lists' filters (those of the API), figures, feeds and CSV."""

import datetime

import pytest
from django.test import Client

from problems import services
from problems.models import Problem
from tests.problems import factories
from tests.problems.factories import REPORTER_PHONE, accepted, beijing, file_problem

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def people(office, other_office, handler, other_handler, supervisor, admin_user):
    return {
        "anonymous": None,
        "office": office,
        "other_office": other_office,
        "handler": handler,
        "other_handler": other_handler,
        "supervisor": supervisor,
        "admin": admin_user,
    }


INTERNAL = {"office": 200, "handler": 200, "supervisor": 200, "admin": 200, "other_office": 404, "other_handler": 404}


@pytest.mark.parametrize("who", ["anonymous", *INTERNAL])
def test_who_reads_the_internal_page_and_who_sees_the_contact(people, county, office, handler, housing, who):
    problem = accepted(file_problem(county).problem, office, handler, housing)
    response = signed_in(people[who]).get(problem.get_workspace_url())
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    assert response.status_code == INTERNAL[who]
    if response.status_code == 200:
        assert (REPORTER_PHONE in response.content.decode()) == (who in ("office", "handler"))


def test_the_office_assigns_and_the_handler_accepts_through_the_pages(county, office, handler, housing):
    problem = file_problem(county).problem
    office_client, handler_client = signed_in(office), signed_in(handler)
    page = office_client.get(problem.get_workspace_url()).content.decode()
    assert "依据：江西省住房和城乡建设厅 第" in page and "交办" in page
    response = office_client.post(
        problem.get_workspace_url(),
        {"action": "assign", "assign-department": housing.pk, "assign-public_text": "工地扬尘。", "assign-note": ""},
    )
    assert response.status_code == 302
    # The handler cannot assign; a forged post changes nothing.
    handler_client.post(problem.get_workspace_url(), {"action": "assign", "assign-department": housing.pk})
    assert handler_client.post(problem.get_workspace_url(), {"action": "accept", "accept-note": ""}).status_code == 302
    assert handler_client.post(problem.get_workspace_url(), {"action": "accept", "accept-note": ""}).status_code == 302
    problem.refresh_from_db()
    assert problem.status == Problem.Status.ACCEPTED and problem.events.filter(kind="accepted").count() == 1


def test_an_invalid_extension_is_shown_on_its_form(county, office, handler, housing):
    problem = accepted(file_problem(county).problem, office, handler, housing)
    response = signed_in(handler).post(
        problem.get_workspace_url(), {"action": "extend", "extend-days": 45, "extend-reason": "复杂。"}
    )
    assert response.status_code == 400 and "延期不能超过 30 日" in response.content.decode()


def test_the_public_page_shows_the_timeline_with_on_time_flags_and_no_page_for_unpublished(
    client, clock, county, office, handler, housing
):
    clock.set(beijing(2026, 3, 1, 10))
    unpublished = file_problem(county).problem
    assert client.get(f"/problems/{unpublished.number}/").status_code == 404
    problem = factories.assigned(unpublished, office, housing)
    clock.set(beijing(2026, 3, 20, 10))
    services.problem_accept(problem=problem, user=handler)
    page = client.get(f"/problems/{problem.number}/").content.decode()
    assert "受理" in page and "逾期" in page and "2026-03-20" in page and "江西省住房和城乡建设厅" in page


def test_lists_filter_by_jurisdiction_status_category_and_year(client, county, office, housing, handler):
    accepted(file_problem(county).problem, office, handler, housing)
    other = file_problem(county, category=Problem.Category.NOISE).problem
    factories.assigned(other, office, housing, public_text="夜间噪声。")
    assert client.get("/problems/", {"jurisdiction": "360100"}).context["paginator"].count == 2
    assert client.get("/problems/", {"status": "accepted"}).context["paginator"].count == 1
    assert client.get("/problems/", {"category": "noise"}).context["paginator"].count == 1
    assert client.get("/problems/", {"year": datetime.date.today().year}).context["paginator"].count == 2
    assert client.get("/problems/", {"jurisdiction": "henan"}).context["paginator"].count == 0
    assert client.get("/problems/", {"category": "parking"}).status_code == 400
    api = client.get("/api/v1/problems/", {"category": "noise"}).json()
    assert api["count"] == 1 and api["results"][0]["text"] == "夜间噪声。"
    csv = client.get("/api/v1/problems/", {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv") and "夜间噪声" in csv.content.decode("utf-8-sig")
    feed = client.get("/problems/feed/", {"category": "noise"}).content.decode()
    assert feed.count("<entry>") == 1


def test_department_figures_count_received_on_time_median_open_and_overdue(
    client, clock, county, office, handler, housing, supervisor
):
    clock.set(beijing(2026, 3, 1, 10))
    first = accepted(file_problem(county).problem, office, handler, housing)
    clock.set(beijing(2026, 3, 11, 10))
    first = services.problem_finish(problem=first, user=handler, note="已整改。")
    services.problem_close(problem=first, user=office, note="核查属实。")
    factories.assigned(file_problem(county).problem, office, housing)  # filed 11 March: to accept by 26 March
    clock.set(beijing(2026, 3, 27, 10))
    figures = client.get(f"/problems/departments/{housing.pk}/").context["figures"]
    assert (figures.received, figures.accepted_on_time, figures.closed_on_time) == (2, 1, 1)
    assert figures.median_days_to_close == 10 and figures.open_now == 1 and figures.overdue_now == 1
    board = signed_in(supervisor).get("/workspace/problems/board/jiangxi/")
    assert board.status_code == 200 and "江西省住房和城乡建设厅" in board.content.decode()
    assert signed_in(factories.handler(housing)).get("/workspace/problems/board/jiangxi/").status_code == 404


def test_the_workspace_lists_each_account_s_own_problems(county, office, other_office, handler, other_handler, housing):
    problem = factories.assigned(file_problem(county).problem, office, housing)
    assert problem.number in signed_in(office).get("/workspace/problems/").content.decode()
    assert problem.number in signed_in(handler).get("/workspace/problems/").content.decode()
    assert problem.number not in signed_in(other_handler).get("/workspace/problems/").content.decode()
    assert problem.number not in signed_in(other_office).get("/workspace/problems/").content.decode()
    assert signed_in(factories.user()).get("/workspace/problems/").status_code == 403


def test_a_reporter_photo_is_private_and_evidence_public(client, county, office, handler, housing, settings, tmp_path):
    from tests.problems.test_photos import jpeg_with_gps

    settings.MEDIA_ROOT = tmp_path
    problem = file_problem(county, photos=[jpeg_with_gps()]).problem
    problem = accepted(problem, office, handler, housing)
    services.problem_rectify(problem=problem, user=handler, note="已覆盖。", photos=[jpeg_with_gps()])
    private, evidence = problem.photos.order_by("pk")
    assert client.get(private.get_absolute_url()).status_code == 404
    assert signed_in(handler).get(private.get_absolute_url()).status_code == 200
    assert client.get(evidence.get_absolute_url()).status_code == 200
