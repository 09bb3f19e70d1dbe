"""The interactive API documentation renders from local assets under the Content-Security-Policy."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_render_every_operation_without_csp_violations(site, page):
    blocked = []
    requests_elsewhere = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.on("request", lambda request: not request.url.startswith(site) and requests_elsewhere.append(request.url))
    page.goto(site + "/api/docs/")
    page.wait_for_selector(".opblock")
    # Duties: seven resources with list and detail, lead-departments a list; reports: list, detail, compliance;
    # problems: list, detail, routing; Open311: services, a service, requests (GET and POST), a request.
    assert page.locator(".opblock").count() == 24
    assert blocked == []
    assert requests_elsewhere == []
