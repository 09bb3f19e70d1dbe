"""The client's address: what the trusted proxies in front of the app servers say it is.

settings.TRUSTED_PROXY_COUNT is the number of reverse proxies between the client and the app
server, each of which appends the address it was connected from to X-Forwarded-For (nginx with
`proxy_set_header X-Forwarded-For $remote_addr` or `$proxy_add_x_forwarded_for`). The client is
then the address the farthest trusted proxy saw: the TRUSTED_PROXY_COUNT-th entry of
X-Forwarded-For counted from the right. Whatever a client writes into the header itself stands
to the left of that and is never read. With 0 the header is ignored and the client is
REMOTE_ADDR (the app server reached directly, as with runserver).

django-ipware does the parsing (malformed entries, IPv6 with brackets and ports, IPv4-mapped
addresses); this module only tells it which header to read and where the client stands in it.
"""

import logging

from django.conf import settings
from ipware import get_client_ip


def _ipware_options():
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies == 0:
        return {"request_header_order": ["REMOTE_ADDR"]}
    # ipware counts the proxies named in the header; the nearest proxy is REMOTE_ADDR, not in it.
    # Not strict: a longer header only means the client wrote entries of its own on the left.
    return {"request_header_order": ["HTTP_X_FORWARDED_FOR"], "proxy_count": proxies - 1, "strict": False}


def client_address(request) -> str | None:
    """The address of the client that sent `request` (a Django request or anything with a WSGI `META`).

    None when there is none (a request made up in code, such as the test client's force_login), which is
    what django-axes stores then.
    """
    address, _routable = get_client_ip(request, **_ipware_options())
    if address is None:
        # No header (a request that bypassed the proxies, a health check) or one too short to trust.
        address = request.META.get("REMOTE_ADDR") or None
    return address


class _Environ:
    """A WSGI environ seen as a request, for gunicorn's access log."""

    def __init__(self, environ):
        self.META = environ


def client_address_of_environ(environ) -> str:
    return client_address(_Environ(environ)) or "-"


class ClientAddressFilter(logging.Filter):
    """Give every log record a `client_address`: the client's when the record carries its request, else '-'."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if not hasattr(record, "client_address"):
            record.client_address = (client_address(request) if hasattr(request, "META") else None) or "-"
        return True
