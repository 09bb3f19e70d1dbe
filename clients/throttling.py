"""Per-client request limits, counted in the shared cache so that every worker and app server agrees.

A rate is written like DRF's: "300/min" (s, min, h, day). A client's requests in one scope are
counted in fixed windows of the rate's period; the count lives in the default cache under a key
naming the scope, the client and the window, and is raised with the cache's atomic increment
(Redis INCR), so concurrent requests on several workers cannot lose counts. Over the limit, the
client is told to wait until the window ends (Retry-After). A client may thus send up to twice
the limit across the boundary of two windows; a sliding window would need a sorted set per
client in Redis for little more.
"""

import functools
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from clients.addresses import client_address

TOO_MANY_REQUESTS = _("请求过于频繁，请在 %(seconds)d 秒后重试。")

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def parse_rate(text: str | None) -> Rate | None:
    """'300/min' -> Rate(300, 60); None or '' -> None (no limit). A malformed rate is a ValueError."""
    if not text:
        return None
    requests, _slash, period = text.partition("/")
    if not period or period[0] not in _PERIODS or not requests.isdigit():
        raise ValueError(f"a rate is written like '300/min' (s, min, h or day), not {text!r}")
    return Rate(int(requests), _PERIODS[period[0]])


def count_request(scope: str, client: str, rate: Rate) -> int | None:
    """Count one request of `client` in `scope`; return the seconds to wait when over the limit, else None."""
    now = time.time()
    window = int(now // rate.seconds)
    key = f"throttle:{scope}:{client}:{window}"
    # The key outlives its window a little, so that it never expires between add() and incr().
    cache.add(key, 0, timeout=rate.seconds * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted in between
        cache.set(key, 1, timeout=rate.seconds * 2)
        count = 1
    if count <= rate.requests:
        return None
    return max(1, math.ceil((window + 1) * rate.seconds - now))


def client_key(request) -> str:
    """Whom a request is counted for: the signed-in account, or else the client's address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user-{user.pk}"
    return f"address-{client_address(request) or 'unknown'}"


def too_many_requests(request, wait: int):
    """The page that says when to try again, with Retry-After."""
    response = render(request, "429.html", {"message": TOO_MANY_REQUESTS % {"seconds": wait}, "wait": wait}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _submits(request, methods, fields):
    method = "GET" if request.method == "HEAD" else request.method  # HEAD runs the whole view too
    if method not in methods:
        return False
    if fields is None:
        return True
    data = request.POST if method == "POST" else request.GET
    return any(field in data for field in fields)


def rate_limited(rate_setting: str, *, methods=("POST",), fields=None):
    """Limit a view's requests per client to the rate named by `rate_setting` (read on every request).

    Only requests with one of `methods` count, and with `fields` only those carrying one of them
    (a form submitted by GET: the query names the form's field).
    """

    def decorator(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            rate = parse_rate(getattr(settings, rate_setting))
            if rate is not None and _submits(request, methods, fields):
                wait = count_request(rate_setting.lower(), client_key(request), rate)
                if wait is not None:
                    return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return limited

    return decorator
