"""The permission matrix: every actor against every read and write of a problem, through the services.

Actors: anonymous, the reporter with the link, another reporter (with their own link), the office of the
jurisdiction and of another, the assigned department's handler and another department's, the province's
supervisor, a site admin. The same predicates guard the pages and the API (tests/problems/test_views.py).
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from problems import permissions, services
from problems.models import Problem
from tests.problems import factories

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "reporter",
    "other_reporter",
    "office",
    "other_office",
    "handler",
    "other_handler",
    "supervisor",
    "admin",
]


@pytest.fixture
def world(county, housing, office, other_office, handler, other_handler, supervisor, admin_user):
    mine = factories.file_problem(county)
    theirs = factories.file_problem(county, description="河边有人倾倒垃圾。")
    return {
        "county": county,
        "housing": housing,
        "problem": mine.problem,
        "keys": {"reporter": mine.access_key, "other_reporter": theirs.access_key},
        "users": {
            "anonymous": AnonymousUser(),
            "reporter": AnonymousUser(),
            "other_reporter": AnonymousUser(),
            "office": office,
            "other_office": other_office,
            "handler": handler,
            "other_handler": other_handler,
            "supervisor": supervisor,
            "admin": admin_user,
        },
    }


def _in_state(world, state):
    """The reporter's problem moved to `state` by the people whose step it is."""
    problem, users = world["problem"], world["users"]
    if state == "new":
        return problem
    problem = factories.assigned(problem, users["office"], world["housing"])
    if state == "assigned":
        return problem
    problem = services.problem_accept(problem=problem, user=users["handler"])
    if state == "accepted":
        return problem
    return services.problem_finish(problem=problem, user=users["handler"], note="已整改完毕。")


def _steps(world):
    county, housing = world["county"], world["housing"]
    return {
        "publish": ("new", lambda p, u, k: services.problem_publish(problem=p, user=u, public_text="工地扬尘。")),
        "assign": ("new", lambda p, u, k: factories.assigned(p, u, housing)),
        "decline": ("new", lambda p, u, k: services.problem_decline(problem=p, user=u, reason="不属环境问题。")),
        "open consultation": (
            "assigned",
            lambda p, u, k: services.consultation_open(
                problem=p, user=u, departments=list(housing.jurisdiction.departments.all()[:2]), question="谁牵头？"
            ),
        ),
        "accept": ("assigned", lambda p, u, k: services.problem_accept(problem=p, user=u)),
        "return": ("assigned", lambda p, u, k: services.problem_return(problem=p, user=u, reason="非本部门职责。")),
        "progress": ("accepted", lambda p, u, k: services.problem_progress(problem=p, user=u, note="已约谈施工方。")),
        "extend": ("accepted", lambda p, u, k: services.problem_extend(problem=p, user=u, days=10, reason="待检测。")),
        "rectify": ("accepted", lambda p, u, k: services.problem_rectify(problem=p, user=u, note="已覆盖裸土。")),
        "finish": ("accepted", lambda p, u, k: services.problem_finish(problem=p, user=u, note="已办结。")),
        "close": ("handled", lambda p, u, k: services.problem_close(problem=p, user=u, note="经核查已整改。")),
        "reopen": ("handled", lambda p, u, k: services.problem_reopen(problem=p, user=u, reason="仍有扬尘。")),
        "add information": (
            "accepted",
            lambda p, u, k: services.problem_add_information(problem=p, access_key=k, text="今晚又在施工。"),
        ),
        "withdraw": ("accepted", lambda p, u, k: services.problem_withdraw(problem=p, access_key=k)),
        "enter inspection": (
            "new",
            lambda p, u, k: services.problem_enter_inspection(
                user=u,
                jurisdiction=county,
                place="某工业园",
                category=Problem.Category.WATER,
                description="园区污水直排。",
                inspection="第二轮省级督察",
                observed_on=datetime.date(2026, 1, 5),
            ),
        ),
    }


WRITES = {
    "publish": {"office"},
    "assign": {"office"},
    "decline": {"office"},
    "open consultation": {"office"},
    "accept": {"handler"},
    "return": {"handler"},
    "progress": {"handler"},
    "extend": {"handler"},
    "rectify": {"handler"},
    "finish": {"handler"},
    "close": {"office", "supervisor"},
    "reopen": {"office", "supervisor"},
    "add information": {"reporter"},
    "withdraw": {"reporter"},
    "enter inspection": {"supervisor"},
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("step", WRITES)
def test_who_may_take_each_step(world, step, actor):
    state, take = _steps(world)[step]
    problem = _in_state(world, state)
    try:
        take(problem, world["users"][actor], world["keys"].get(actor, ""))
    except PermissionDenied:
        allowed = False
    else:
        allowed = True
    assert allowed == (actor in WRITES[step])


READS = {
    "public page": ({*ACTORS}, lambda p, u, k: permissions.can_read_public(p)),
    "internal page": (
        {"office", "handler", "supervisor", "admin"},
        lambda p, u, k: permissions.can_work_on(u, p),
    ),
    "reporter's contact": ({"office", "handler"}, lambda p, u, k: permissions.can_read_contact(u, p)),
    "private link": ({"reporter"}, lambda p, u, k: services.key_opens(p, k)),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("read", READS)
def test_who_may_read_what(world, read, actor):
    problem = _in_state(world, "accepted")
    allowed, check = READS[read]
    problem = Problem.objects.select_related("jurisdiction__parent__parent", "department").get(pk=problem.pk)
    assert check(problem, world["users"][actor], world["keys"].get(actor, "")) == (actor in allowed)


def test_an_office_of_the_province_works_on_its_counties_but_a_county_office_not_on_the_province(
    county, jiangxi, housing
):
    county_office = factories.office(county)
    provincial = factories.file_problem(jiangxi).problem
    local = factories.file_problem(county).problem
    assert permissions.can_assign(county_office, local)
    assert not permissions.can_assign(county_office, provincial)


def test_an_invited_department_reads_the_problem_and_gives_its_opinion(
    county, office, housing, transport, other_handler
):
    problem = factories.file_problem(county).problem
    services.problem_publish(problem=problem, user=office, public_text="河道漂浮物。")
    consultation = services.consultation_open(
        problem=problem, user=office, departments=[housing, transport], question="河道漂浮物由谁牵头清理？"
    )
    problem = Problem.objects.get(pk=problem.pk)
    assert permissions.can_work_on(other_handler, problem)
    assert not permissions.can_read_contact(other_handler, problem)
    opinion = consultation.opinions.get(department=transport)
    services.opinion_record(opinion=opinion, user=other_handler, text="建议由住房城乡建设部门牵头。")
    with pytest.raises(PermissionDenied):
        services.opinion_record(opinion=consultation.opinions.get(department=housing), user=other_handler, text="x")
