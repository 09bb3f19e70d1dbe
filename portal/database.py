"""How requests use the databases: a replica for public reads, a clean 503 when the database is down.

The 503 comes from the 500 handler (`portal.errors.server_error`), which sees every
uncaught exception, including those raised in middleware (sessions, authentication).

Reads go to the `replica` alias when one is configured, except while a request is pinned to
the primary: any write request (POST, PUT, ...) and any request from a signed-in user (who
must see their own draft the moment they saved it, whatever the replica's lag).
"""

import contextvars
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = "数据库暂时无法访问，请稍后再试。"

_pinned_to_primary = contextvars.ContextVar("pinned_to_primary", default=False)


def pinned_to_primary() -> bool:
    return _pinned_to_primary.get()


class PrimaryReplicaRouter:
    """Send reads to the replica when one is configured and the request is not pinned to the primary."""

    def db_for_read(self, model, **hints):
        if "replica" in settings.DATABASES and not pinned_to_primary():
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both aliases hold the same data

    def allow_migrate(self, db, app_label, **hints):
        return db != "replica"  # the replica copies the primary's schema


class PrimaryDatabaseMiddleware:
    """Pin write requests and signed-in users' requests to the primary database."""

    SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pin = request.method not in self.SAFE_METHODS or settings.SESSION_COOKIE_NAME in request.COOKIES
        token = _pinned_to_primary.set(pin)
        try:
            return self.get_response(request)
        finally:
            _pinned_to_primary.reset(token)


def is_database_unavailable(exception) -> bool:
    return isinstance(exception, (OperationalError, InterfaceError))


def database_unavailable_response(request):
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"detail": DATABASE_UNAVAILABLE}, status=503, headers=headers)
    # The 503 page needs no database: no context processors, no queries.
    body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    return HttpResponse(body, status=503, headers=headers)
