"""The people of the report, plan and disclosure tests, for the calendars that combine them."""

from tests.disclosures.conftest import *  # noqa: F403
from tests.plans.conftest import *  # noqa: F403
