"""One notion of the client's address: what the trusted proxies say, read by the throttles, django-axes and the logs."""

import logging
from types import SimpleNamespace

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory, override_settings

from clients.addresses import ClientAddressFilter, client_address, client_address_of_environ

PROXY = "10.0.0.2"  # REMOTE_ADDR: the nginx in front of the app server


def request_from(remote_addr=PROXY, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "client"),
    [
        # Clients reach the app server directly: the header is theirs to write and never read.
        (0, None, PROXY),
        (0, "198.51.100.7", PROXY),
        # One proxy (nginx) appends the address it was connected from; what the client wrote stands left of it.
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.7, 203.0.113.5", "203.0.113.5"),
        (1, "1.1.1.1, 8.8.8.8, 203.0.113.5", "203.0.113.5"),
        (1, "garbage, 203.0.113.5", "203.0.113.5"),
        (1, "2001:db8::5", "2001:db8::5"),
        (1, None, PROXY),  # a request that did not come through the proxy (a health check)
        # A load balancer, then nginx: the client is the second address from the right.
        (2, "198.51.100.7, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", PROXY),  # too short to trust: not through both proxies
    ],
)
def test_the_client_is_the_address_the_farthest_trusted_proxy_saw(proxies, forwarded_for, client):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request_from(forwarded_for=forwarded_for)) == client


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_other_headers_a_client_may_send_are_never_read():
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.5",
        HTTP_X_REAL_IP="198.51.100.1",
        HTTP_CLIENT_IP="198.51.100.2",
        HTTP_FORWARDED="for=198.51.100.3",
        HTTP_CF_CONNECTING_IP="198.51.100.4",
    )
    assert client_address(request) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_django_axes_reads_the_same_address():
    request = request_from(forwarded_for="198.51.100.7, 203.0.113.5")
    assert get_client_ip_address(request) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_log_records_with_a_request_name_the_client():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found", (), None)
    record.request = request_from(forwarded_for="198.51.100.7, 203.0.113.5")
    assert ClientAddressFilter().filter(record) and record.client_address == "203.0.113.5"
    bare = logging.LogRecord("portal", logging.INFO, __file__, 1, "started", (), None)
    assert ClientAddressFilter().filter(bare) and bare.client_address == "-"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_gunicorns_access_log_names_the_client_not_the_proxy():
    import runpy

    from django.conf import settings

    config = runpy.run_path(str(settings.BASE_DIR / "portal" / "gunicorn.conf.py"))
    environ = {
        "REMOTE_ADDR": PROXY,
        "HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.5",
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    assert client_address_of_environ(environ) == "203.0.113.5"
    logger = config["ClientAddressLogger"].__new__(config["ClientAddressLogger"])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request_time = SimpleNamespace(seconds=0, microseconds=1000)
    assert logger.atoms(response, [], environ, request_time)["h"] == "203.0.113.5"


def test_a_request_without_any_address_has_none():
    """As django-axes expects (it stores the address in an inet column on PostgreSQL)."""
    from django.http import HttpRequest

    assert client_address(HttpRequest()) is None
