"""Privacy: the reporter's name, phone, e-mail, words and place never appear in any public output — pages,
API, CSV, Atom, Open311, search — nor in the logs, through the whole loop."""

import logging
import re

import pytest

from problems import services
from problems.models import HotlineKey, Problem
from tests.problems.factories import DUST, REPORTER_EMAIL, REPORTER_NAME, REPORTER_PHONE

pytestmark = pytest.mark.django_db
PLACE = "澄湖东路88号东方花园3栋"
SECRETS = [REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL, PLACE, DUST]


def _file_by_form(client, county):
    page = client.get("/problems/new/", {"province": "jiangxi"}).content.decode()
    token = re.search(r'name="submit_token" value="([^"]+)"', page).group(1)
    data = {
        "province": "jiangxi",
        "submit_token": token,
        "jurisdiction": county.pk,
        "place": PLACE,
        "category": "air",
        "description": DUST,
        "reporter_name": REPORTER_NAME,
        "reporter_phone": REPORTER_PHONE,
        "reporter_email": REPORTER_EMAIL,
        "captcha_0": "x",
        "captcha_1": "PASSED",
    }
    return client.post("/problems/new/", data)["Location"]


def test_no_public_output_and_no_log_line_carries_the_reporter(client, county, office, handler, housing, caplog):
    caplog.set_level(logging.DEBUG)
    link = _file_by_form(client, county)
    _record, key = HotlineKey.issue("热线")
    client.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "jurisdiction_id": county.pk,
            "service_code": "air",
            "description": DUST,
            "address_string": PLACE,
            "first_name": "晓明",
            "last_name": "张",
            "phone": REPORTER_PHONE,
            "email": REPORTER_EMAIL,
        },
    )
    for problem in Problem.objects.all():
        problem = services.problem_assign(
            problem=problem, user=office, department=housing, public_text="工地施工扬尘。"
        )
        problem = services.problem_accept(problem=problem, user=handler)
        services.problem_progress(problem=problem, user=handler, note="已责令施工方整改。")
    assert client.get(link).status_code == 200  # the reporter's own page
    number = Problem.objects.first().number
    public = [
        "/",
        "/problems/",
        f"/problems/{number}/",
        f"/problems/departments/{housing.pk}/",
        "/problems/feed/",
        "/problems/?jurisdiction=jiangxi&search=扬尘",
        "/api/v1/problems/",
        f"/api/v1/problems/{number}/",
        "/api/v1/problems/?format=csv",
        "/api/v1/problems/?format=json",
        "/open311/v2/requests.json",
        f"/open311/v2/requests/{number}.json",
        "/search/?search=扬尘",
        "/sitemap.xml",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8-sig")
        assert number in body or url in ("/", "/search/?search=扬尘", "/sitemap.xml"), url
        for secret in SECRETS:
            assert secret not in body, (url, secret)
    for secret in [REPORTER_NAME, REPORTER_PHONE]:
        assert client.get("/api/v1/problems/", {"search": secret}).json()["count"] == 0
        assert client.get("/problems/", {"search": secret}).context["paginator"].count == 0
    for record in caplog.records:
        line = record.getMessage() + str(getattr(record, "request", ""))
        for secret in SECRETS[:3]:
            assert secret not in line, line


def test_the_search_columns_hold_only_public_text(county, office, housing):
    from tests.problems.factories import file_problem

    problem = file_problem(county, reporter_email=REPORTER_EMAIL).problem
    problem = services.problem_assign(problem=problem, user=office, department=housing, public_text="工地施工扬尘。")
    problem.refresh_from_db()
    for secret in SECRETS:
        assert secret not in problem.search_text and secret not in problem.search_title
