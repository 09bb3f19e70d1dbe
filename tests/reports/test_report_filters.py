"""The reports list's filters answer a 400 naming the parameter, whatever a client sends."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"department": "3.651555317355347e+21"},
        {"department": "36515553173553470000000"},  # found by schemathesis: an overflow on SQLite
        {"year": "1e30"},
        {"year": "99999999999999999999999"},
    ],
)
def test_out_of_range_numbers_are_a_clear_error(client, params):
    response = client.get("/api/v1/reports/", params)
    assert response.status_code == 400
    assert list(response.json()) == list(params)
