"""The report tests' people (a Jiangxi department's editor and approver, another department's approver, a
supervisor) and Jiangxi's committee office, for the contact data and the corrections."""

import pytest

from tests import factories
from tests.reports.conftest import *  # noqa: F403


@pytest.fixture
def office(jiangxi):
    user = factories.make_office(jiangxi, username="jiangxi-office")
    user.email = "office@example.gov.cn"
    user.save()
    return user
