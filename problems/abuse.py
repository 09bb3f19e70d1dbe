"""How often one client address may file a report: settings.PROBLEM_REPORTS_PER_HOUR, counted in the cache.

The address is kept only as a keyed digest inside the cache key, for an hour; it is never stored with the
report nor logged. A repeated submit of the same form is answered before it is counted (services).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from clients import addresses

WINDOW_SECONDS = 3600
TOO_MANY_REPORTS = _("同一网络在一小时内提交的问题过多，请稍后再试，或拨打 12345、12369 热线。")


def client_address(request) -> str:
    # The client's own address behind the proxies (TRUSTED_PROXY_COUNT), not the proxy's: behind nginx
    # REMOTE_ADDR is nginx itself, and every citizen would share one count.
    return addresses.client_address(request) or ""


def _key(address: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"problems:reports:{digest}"


def report_allowed(request) -> bool:
    """Count one report from the request's address; False once it has filed the hour's limit."""
    limit = settings.PROBLEM_REPORTS_PER_HOUR
    if not limit:
        return True
    key = _key(client_address(request))
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= limit
