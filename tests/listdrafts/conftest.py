"""The people the list-draft tests share: those of the plan tests (Jiangxi's and Henan's committee offices)."""

import pytest

from tests import factories
from tests.plans.conftest import *  # noqa: F403 (the report and plan tests' people)


@pytest.fixture
def list_draft(department, editor):
    from listdrafts import services

    return services.list_draft_create(user=editor, department=department)


@pytest.fixture
def submitted(department, editor, office):
    return factories.prepare_list(department, editor, office, until="submitted")
