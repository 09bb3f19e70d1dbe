"""The public report form: no account, no JavaScript, a CAPTCHA, CSRF, a per-address limit, one report per form."""

import re

import pytest
from django.test import Client

from problems.models import Problem
from tests.problems.factories import DUST, REPORTER_NAME, REPORTER_PHONE

pytestmark = pytest.mark.django_db


def form_data(client, county, **changes):
    page = client.get("/problems/new/", {"province": "jiangxi"})
    token = re.search(r'name="submit_token" value="([^"]+)"', page.content.decode()).group(1)
    return {
        "province": "jiangxi",
        "submit_token": token,
        "jurisdiction": county.pk,
        "place": "莲塘镇澄湖东路在建小区",
        "category": "air",
        "description": DUST,
        "observed_on": "2026-01-05",
        "reporter_name": REPORTER_NAME,
        "reporter_phone": REPORTER_PHONE,
        "captcha_0": "anything",
        "captcha_1": "PASSED",
        **changes,
    }


def test_the_province_is_chosen_first_then_the_county(client, county):
    assert "?province=jiangxi" in client.get("/problems/new/").content.decode()
    page = client.get("/problems/new/", {"province": "jiangxi"}).content.decode()
    assert "南昌县" in page and 'name="captcha_1"' in page and "<script" not in page


def test_an_anonymous_report_gets_a_number_and_a_private_link(client, county):
    response = client.post("/problems/new/", form_data(client, county, reporter_name="", reporter_phone=""))
    assert response.status_code == 302 and response["Location"].startswith("/problems/track/")
    problem = Problem.objects.get()
    assert not problem.has_contact and problem.jurisdiction == county
    page = client.get(response["Location"])
    assert "no-store" in page["Cache-Control"] and page["Referrer-Policy"] == "no-referrer"
    body = page.content.decode()
    assert problem.number in body and "江西省住房和城乡建设厅" in body and "依据：江西省住房和城乡建设厅 第" in body


def test_a_double_submit_files_one_report_and_lands_on_the_same_link(client, county):
    data = form_data(client, county)
    first = client.post("/problems/new/", data)
    second = client.post("/problems/new/", data)
    assert first["Location"] == second["Location"]
    assert Problem.objects.count() == 1


def test_a_wrong_captcha_files_nothing_and_keeps_what_was_typed(client, county):
    response = client.post("/problems/new/", form_data(client, county, captcha_1="WRONG"))
    assert response.status_code == 400 and not Problem.objects.exists()
    assert "莲塘镇澄湖东路在建小区" in response.content.decode()


def test_csrf_is_required(county):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/problems/new/", form_data(strict, county))
    assert response.status_code == 403 and not Problem.objects.exists()


def test_one_address_may_file_only_so_many_reports_an_hour(client, county, settings):
    settings.PROBLEM_REPORTS_PER_HOUR = 2
    statuses = [client.post("/problems/new/", form_data(client, county)).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Problem.objects.count() == 2
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post("/problems/new/", form_data(other, county)).status_code == 302


def test_behind_the_proxy_each_citizen_is_counted_by_their_own_address(county, settings):
    """nginx connects from 127.0.0.1 for everybody: the count follows the address it reports (X-Forwarded-For)."""
    settings.PROBLEM_REPORTS_PER_HOUR = 1
    first, second = (Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=ip) for ip in ("192.0.2.7", "192.0.2.8"))
    assert first.post("/problems/new/", form_data(first, county)).status_code == 302
    assert second.post("/problems/new/", form_data(second, county)).status_code == 302
    assert first.post("/problems/new/", form_data(first, county)).status_code == 429


def test_a_future_day_and_an_oversized_description_are_refused(client, county):
    response = client.post(
        "/problems/new/", form_data(client, county, observed_on="2999-01-01", description="扬" * 5001)
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "observed_on" in errors and "description" in errors


def test_the_reporter_adds_information_and_withdraws_with_the_link(client, county):
    link = client.post("/problems/new/", form_data(client, county))["Location"]
    assert client.post(link, {"action": "information", "text": "晚上十点仍在施工。"}).status_code == 302
    assert client.post(link, {"action": "withdraw", "reason": ""}).status_code == 302
    problem = Problem.objects.get()
    assert problem.status == Problem.Status.WITHDRAWN
    assert "晚上十点仍在施工" in client.get(link).content.decode()


def test_an_unknown_link_is_not_found(client):
    assert client.get("/problems/track/not-a-key/").status_code == 404


def test_the_day_seen_may_be_left_empty_but_not_misspelled(client, county):
    assert client.post("/problems/new/", form_data(client, county, observed_on="")).status_code == 302
    response = client.post("/problems/new/", form_data(client, county, observed_on="2026/01/05"))
    assert response.status_code == 400 and "observed_on" in response.context["form"].errors
