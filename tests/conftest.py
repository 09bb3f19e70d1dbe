"""Load the committed duty-list fixture once per test session."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_duties", settings.DUTY_FIXTURE_PATH, stdout=StringIO())


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so that what it counts does not depend on the tests before."""
    cache.clear()
