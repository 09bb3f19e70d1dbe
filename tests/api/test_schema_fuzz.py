"""Property-based fuzzing of every documented operation against the OpenAPI schema (schemathesis), in the suite.

Every check is on (no 5xx, documented status codes, content types, headers and bodies, invalid requests
rejected, valid ones accepted), with valid and invalid data from the fuzzing phase, 25 examples per
operation to keep the suite quick. The full run, 100 examples per operation in every phase (the coverage
phase's boundary values, undeclared methods, and stateful sequences along the schema's links), against
gunicorn on PostgreSQL, is `.ci/api-contract`. (The coverage phase draws its cases while pytest collects,
before the test database exists, so the positive cases could not name existing records here.)
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.api import schemathesis_hooks  # noqa: F401  (CSV as text; positive cases name existing records)


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Like Django's test client: requests must not close the connection holding the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The schema is read in-process (schemathesis calls the WSGI app as "localhost").
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
schema.config.phases.coverage.enabled = False


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_check_passes_on_every_operation(case):
    case.call_and_validate()
