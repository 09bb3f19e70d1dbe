"""A problem's acceptance and handling limits on the calendar: on the department's and its province's calendars,
on the day its time limits give, with its status; in the API and the iCalendar feed; never a private problem;
and not reminded twice (the problems' own reminders handle its steps)."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from calendars import reminders, selectors
from calendars.deadlines import DeadlineKind
from problems import services
from tests import factories as local_factories
from tests.problems import factories

pytestmark = pytest.mark.django_db

STEPS = list(DeadlineKind.PROBLEM_STEPS)


def steps(deadlines):
    return {(d.kind, d.period): d for d in deadlines if d.kind in DeadlineKind.PROBLEM_STEPS}


def test_an_assigned_problem_s_acceptance_day_is_on_its_department_s_and_province_s_calendar(
    jiangxi, housing, office, clock
):
    clock.set(factories.beijing(2026, 3, 1))
    problem = factories.assigned(factories.file_problem(jiangxi).problem, office, housing)
    found = steps(selectors.deadlines_for(jiangxi, [2026], department=housing, today=datetime.date(2026, 3, 16)))
    acceptance = found[(DeadlineKind.PROBLEM_ACCEPTANCE, problem.number)]
    assert acceptance.due == datetime.date(2026, 3, 16)  # the 15th day after 1 March, Beijing time
    assert acceptance.status == "not_due" and acceptance.body == housing
    assert acceptance.title == f"江西省住房和城乡建设厅受理问题 {problem.number}"
    assert acceptance.rule_text == "收到举报之日起 15 日内" and "环境保护部令第15号" in acceptance.source_text
    assert acceptance.url == problem.get_absolute_url()
    late = selectors.deadlines_for(jiangxi, [2026], kinds=STEPS, today=datetime.date(2026, 3, 17))
    assert steps(late)[(DeadlineKind.PROBLEM_ACCEPTANCE, problem.number)].status == "missing"


def test_accepting_late_and_finishing_on_time_after_an_extension(jiangxi, housing, office, handler, clock):
    clock.set(factories.beijing(2026, 3, 1))
    problem = factories.assigned(factories.file_problem(jiangxi).problem, office, housing)
    clock.set(factories.beijing(2026, 3, 17))
    problem = services.problem_accept(problem=problem, user=handler)
    problem = services.problem_extend(problem=problem, user=handler, days=30, reason="涉及多个工地，需联合执法。")
    clock.set(factories.beijing(2026, 6, 10))
    services.problem_finish(problem=problem, user=handler, note="已责令覆盖裸土并安装喷淋。")
    found = steps(selectors.deadlines_for(jiangxi, [2026], kinds=STEPS, today=datetime.date(2026, 6, 20)))
    assert found[(DeadlineKind.PROBLEM_ACCEPTANCE, problem.number)].status == "late"
    handling = found[(DeadlineKind.PROBLEM_HANDLING, problem.number)]
    assert handling.due == datetime.date(2026, 6, 15)  # 17 March + 60 days + 30 days
    assert handling.status == "on_time" and handling.rule_text == "受理之日起 60 日内，已延期 30 日"
    assert "延期" in handling.source_text


def test_unpublished_problems_and_other_provinces_are_not_on_the_calendar(jiangxi, henan, housing, clock):
    clock.set(factories.beijing(2026, 3, 1))
    factories.file_problem(jiangxi)  # received, not yet published or assigned
    assert steps(selectors.deadlines_for(jiangxi, [2026], kinds=STEPS)) == {}
    assert steps(selectors.deadlines_for(henan, [2026], kinds=STEPS)) == {}


def test_a_county_s_problems_are_on_its_department_s_calendar_not_the_province_s(jiangxi, office, clock):
    _city, county = local_factories.make_local_lists(2, effective_on=datetime.date(2026, 1, 1))
    clock.set(factories.beijing(2026, 3, 1))
    department = county.departments.order_by("position").first()
    problem = factories.assigned(factories.file_problem(county).problem, office, department)
    assert steps(selectors.deadlines_for(jiangxi, [2026], kinds=STEPS)) == {}
    mine = steps(selectors.deadlines_for(jiangxi, [2026], department=department, kinds=STEPS))
    assert list(mine) == [(DeadlineKind.PROBLEM_ACCEPTANCE, problem.number)]


def test_the_calendar_reads_problems_in_a_fixed_number_of_queries(jiangxi, housing, transport, office, clock):
    clock.set(factories.beijing(2026, 3, 1))

    def count():
        with CaptureQueriesContext(connection) as captured:
            selectors.deadlines_for(jiangxi, [2026], kinds=STEPS)
        return len(captured)

    factories.assigned(factories.file_problem(jiangxi).problem, office, housing)
    one = count()
    for department in (housing, transport, transport):
        factories.assigned(factories.file_problem(jiangxi).problem, office, department)
    assert count() == one


def test_the_feed_and_the_api_carry_the_problem_s_days(client, jiangxi, housing, office, clock):
    clock.set(factories.beijing(2026, 3, 1))
    problem = factories.assigned(factories.file_problem(jiangxi).problem, office, housing)
    query = {"province": "jiangxi", "department": housing.pk, "year": 2026, "kind": "problem-acceptance"}
    body = client.get("/api/v1/calendar/", query)
    assert body.status_code == 200, body.content
    rows = body.json()["results"] if "results" in body.json() else body.json()
    assert [(row["kind"], row["due"]) for row in rows] == [("problem-acceptance", "2026-03-16")]
    feed = client.get("/calendar.ics", {"department": housing.pk})
    events = [e for e in icalendar.Calendar.from_ical(feed.content).walk("VEVENT") if problem.number in e["SUMMARY"]]
    assert len(events) == 1 and events[0]["DTSTART"].dt == datetime.date(2026, 3, 16)
    for output in (feed.content.decode(), body.content.decode()):
        assert factories.REPORTER_NAME not in output and factories.REPORTER_PHONE not in output


def test_the_calendar_reminders_leave_problems_to_the_problems_reminders(jiangxi, housing, office, handler, clock):
    clock.set(factories.beijing(2026, 3, 1))
    factories.assigned(factories.file_problem(jiangxi).problem, office, housing)
    due = reminders.due_reminders(datetime.date(2026, 3, 15))
    assert [r for r in due if r.deadline.kind in DeadlineKind.PROBLEM_STEPS] == []
