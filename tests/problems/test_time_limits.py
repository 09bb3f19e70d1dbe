"""The hotline's time limits around their edges, judged in Beijing: the 15th and 16th day, the 60-day close,
one extension of at most 30 days, before the deadline passes; a jurisdiction's own limits as data."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from problems import services
from problems.models import Problem, TimeLimits
from problems.models.limits import DEFAULT_ACCEPTANCE_SOURCE, HOTLINE_RULES
from problems.services.handling import EXTENSION_TOO_LATE, EXTENSION_TOO_LONG, EXTENSION_USED
from tests.problems.factories import accepted, assigned, beijing, file_problem

pytestmark = pytest.mark.django_db


def test_defaults_are_the_hotline_rules_and_cite_them(county):
    limits = TimeLimits.for_jurisdiction(county)
    assert (limits.acceptance_days, limits.handling_days, limits.extension_max_days) == (15, 60, 30)
    assert limits.extensions_allowed == 1
    assert HOTLINE_RULES in limits.acceptance_source and "15日" in DEFAULT_ACCEPTANCE_SOURCE
    assert "60日" in limits.handling_source and "30日" in limits.extension_source


def test_a_county_uses_its_province_limits_when_it_sets_none(county, jiangxi):
    TimeLimits.objects.create(jurisdiction=jiangxi, acceptance_days=7, acceptance_source="赣环发〔2026〕1号")
    assert TimeLimits.for_jurisdiction(county).acceptance_days == 7
    TimeLimits.objects.create(jurisdiction=county, acceptance_days=5, acceptance_source="县规定")
    assert TimeLimits.for_jurisdiction(county).acceptance_days == 5


def test_the_start_day_is_not_counted_and_the_day_is_beijing_s(clock, county):
    # 23:30 in Beijing on 1 March is still 1 March there (15:30 UTC).
    clock.set(beijing(2026, 3, 1, 23, 30))
    problem = file_problem(county).problem
    assert problem.acceptance_due == datetime.date(2026, 3, 16)


@pytest.mark.parametrize(
    ("accepted_at", "on_time"),
    [
        (beijing(2026, 3, 16, 9), True),  # the 15th day
        (beijing(2026, 3, 16, 23, 59), True),  # its last minute, in Beijing
        (beijing(2026, 3, 17, 0, 1), False),  # the 16th day
    ],
)
def test_acceptance_on_the_15th_day_is_on_time_and_on_the_16th_late(
    clock, county, office, handler, housing, accepted_at, on_time
):
    clock.set(beijing(2026, 3, 1, 10))
    problem = assigned(file_problem(county).problem, office, housing)
    clock.set(accepted_at)
    problem = services.problem_accept(problem=problem, user=handler)
    assert problem.accepted_on_time is on_time
    assert problem.events.get(kind="accepted").on_time is on_time


def test_an_accepted_problem_must_be_handled_within_60_days_of_acceptance(clock, county, office, handler, housing):
    clock.set(beijing(2026, 3, 1, 10))
    problem = file_problem(county).problem
    clock.set(beijing(2026, 3, 5, 10))
    problem = accepted(problem, office, handler, housing)
    assert problem.handling_due == datetime.date(2026, 5, 4)  # 5 March + 60 days
    clock.set(beijing(2026, 5, 4, 23, 59))
    assert services.problem_finish(problem=problem, user=handler, note="已整改。").handled_on_time is True


def test_handling_on_the_61st_day_is_late_and_flagged_overdue_before(clock, county, office, handler, housing):
    clock.set(beijing(2026, 3, 5, 10))
    problem = accepted(file_problem(county).problem, office, handler, housing)
    clock.set(beijing(2026, 5, 5, 8))
    problem.refresh_from_db()
    assert problem.is_overdue()
    assert Problem.objects.overdue().filter(pk=problem.pk).exists()
    assert services.problem_finish(problem=problem, user=handler, note="已整改。").handled_on_time is False


def test_one_extension_of_at_most_30_days(clock, county, office, handler, housing):
    clock.set(beijing(2026, 3, 5, 10))
    problem = accepted(file_problem(county).problem, office, handler, housing)
    with pytest.raises(ValidationError) as refused:
        services.problem_extend(problem=problem, user=handler, days=31, reason="需第三方检测。")
    assert refused.value.message_dict["days"] == [EXTENSION_TOO_LONG % {"days": 30}]
    problem = services.problem_extend(problem=problem, user=handler, days=30, reason="需第三方检测。")
    assert problem.handling_due == datetime.date(2026, 6, 3)
    extension = problem.events.get(kind="extended")
    assert "需第三方检测" in extension.note and extension.is_public
    with pytest.raises(ValidationError) as again:
        services.problem_extend(problem=problem, user=handler, days=1, reason="再延。")
    assert again.value.messages == [EXTENSION_USED % {"count": 1}]


def test_no_extension_once_the_deadline_has_passed(clock, county, office, handler, housing):
    clock.set(beijing(2026, 3, 5, 10))
    problem = accepted(file_problem(county).problem, office, handler, housing)
    clock.set(beijing(2026, 5, 4, 23, 59))  # the last day: still possible
    services.problem_extend(problem=problem, user=handler, days=10, reason="情况复杂。")
    clock.set(beijing(2026, 5, 15, 0, 1))  # past the extended day, 14 May
    TimeLimits.objects.create(jurisdiction=county, extensions_allowed=2)
    with pytest.raises(ValidationError) as refused:
        services.problem_extend(problem=problem, user=handler, days=5, reason="再延。")
    assert refused.value.messages == [EXTENSION_TOO_LATE % {"due": datetime.date(2026, 5, 14)}]


def test_the_acceptance_deadline_counts_from_receipt_even_after_a_return(clock, county, office, handler, housing):
    clock.set(beijing(2026, 3, 1, 10))
    problem = assigned(file_problem(county).problem, office, housing)
    clock.set(beijing(2026, 3, 10, 10))
    problem = services.problem_return(problem=problem, user=handler, reason="不属本部门职责。")
    assert problem.status == Problem.Status.NEW and problem.department is None
    problem = assigned(problem, office, housing)
    assert problem.acceptance_due == datetime.date(2026, 3, 16)
