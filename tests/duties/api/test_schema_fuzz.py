"""Property-based fuzzing of every documented endpoint against the OpenAPI schema (schemathesis).

Generated parameters (valid and invalid) must never produce a 5xx, every status code must
be documented, and every response must match its documented schema. The number of
examples is bounded to keep the suite fast.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Like Django's test client: requests must not close the connection holding the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The schema is read in-process (schemathesis calls the WSGI app as "localhost").
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_error_and_responses_match_the_schema(case):
    case.call_and_validate(
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]
    )


def test_the_schema_documents_every_filter(client):
    document = client.get("/api/schema/?format=json").json()
    parameters = {parameter["name"] for parameter in document["paths"]["/api/v1/duties/"]["get"]["parameters"]}
    assert {
        "province",
        "jurisdiction",
        "lead_department",
        "department",
        "role",
        "sector",
        "document",
        "search",
        "ordering",
        "page",
        "page_size",
    } <= parameters
    errors = document["paths"]["/api/v1/duties/"]["get"]["responses"]
    assert {"200", "400", "404", "429", "503"} <= set(errors)
    lead = {p["name"] for p in document["paths"]["/api/v1/lead-departments/"]["get"]["parameters"]}
    assert {"search", "province"} <= lead
