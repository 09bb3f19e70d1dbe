"""The people the plan tests share: those of the report tests, and Jiangxi's committee office."""

import pytest

from tests import factories
from tests.reports.conftest import *  # noqa: F403 (the report tests' people)


@pytest.fixture
def office(jiangxi):
    return factories.make_office(jiangxi, username="jiangxi-office")


@pytest.fixture
def henan_office(henan):
    return factories.make_office(henan, username="henan-office")


@pytest.fixture
def plan(department, editor, clock):
    from plans import services

    clock("2026-01-05 09:00")
    return services.plan_create(user=editor, department=department, year=2026)
