"""Places, people and problems the problem tests share, made through the services."""

import datetime
import itertools
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from duties.models import CommitteeOffice, Jurisdiction
from problems import services
from problems.models import HandlingRole, Problem
from reports.models import Membership

PASSWORD = "correct-horse-battery-staple-17"
BEIJING = ZoneInfo("Asia/Shanghai")
REPORTER_NAME = "张晓明"
REPORTER_PHONE = "13912345678"
REPORTER_EMAIL = "zhang.xiaoming@example.com"
DUST = "工地夜间施工，建筑工地扬尘很大，附近居民反映多次。"
_serial = itertools.count(1)


def beijing(year, month, day, hour=12, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def county_in_jiangxi():
    """南昌市 and its 南昌县: a city and a county with no duty list of their own."""
    province = Jurisdiction.objects.get(code="360000")
    city, _ = Jurisdiction.objects.get_or_create(
        code="360100",
        defaults=dict(
            name="南昌市", short_name="南昌", slug="nanchang", level="prefecture", kind="city", parent=province
        ),
    )
    county, _ = Jurisdiction.objects.get_or_create(
        code="360121",
        defaults=dict(
            name="南昌县", short_name="南昌县", slug="nanchangxian", level="county", kind="county", parent=city
        ),
    )
    return county


def user(username=None, *, email=""):
    return get_user_model().objects.create_user(
        username=username or f"user{next(_serial)}", password=PASSWORD, email=email
    )


def office(jurisdiction, **kwargs):
    account = user(**kwargs)
    CommitteeOffice.objects.create(user=account, jurisdiction=jurisdiction)
    return account


def handler(department, **kwargs):
    account = user(**kwargs)
    HandlingRole.objects.create(user=account, department=department)
    return account


def supervisor(province, **kwargs):
    account = user(**kwargs)
    Membership.objects.create(user=account, role=Membership.Role.SUPERVISOR, province=province)
    return account


def file_problem(jurisdiction, *, description=DUST, anonymous=False, token=None, **extra) -> services.Filed:
    contact = {} if anonymous else {"reporter_name": REPORTER_NAME, "reporter_phone": REPORTER_PHONE}
    values = {
        "jurisdiction": jurisdiction,
        "place": "莲塘镇澄湖东路在建小区工地",
        "category": Problem.Category.AIR,
        "description": description,
        "submit_token": token or services.new_submit_token(),
        **contact,
        **extra,
    }
    return services.problem_submit(**values)


def assigned(problem, office_user, department, public_text="工地施工扬尘。"):
    return services.problem_assign(problem=problem, user=office_user, department=department, public_text=public_text)


def accepted(problem, office_user, handler_user, department):
    problem = assigned(problem, office_user, department)
    return services.problem_accept(problem=problem, user=handler_user)


def closed(problem, office_user, handler_user):
    """Finish the department's handling of an accepted problem and close it (销号) at the office."""
    problem = services.problem_finish(problem=problem, user=handler_user, note="已整改，裸土已覆盖。")
    return services.problem_close(problem=problem, user=office_user, note="核查属实，予以销号。")


def handled_in_2024(departments, count):
    """`count` problems for each of `departments`, received in March 2024 (due that year) and accepted; every
    other one finished and closed, so that each figure (due, on time, overdue, days to close) has rows."""
    from unittest import mock

    from django.utils import timezone

    jiangxi_office = office(Jurisdiction.objects.get(code="360000"), username=f"office-{count}")
    with mock.patch.object(timezone, "now", return_value=beijing(2024, 3, 1)):
        for department in departments:
            department_handler = handler(department, username=f"handler-{department.pk}-{count}")
            for index in range(count):
                problem = accepted(
                    file_problem(department.jurisdiction).problem, jiangxi_office, department_handler, department
                )
                if index % 2 == 0:
                    closed(problem, jiangxi_office, department_handler)
