"""How requests use the databases: a replica for public reads, a clean 503 when the database is down.

The 503 comes from the 500 handler (`portal.errors.server_error`), which sees every
uncaught exception, including those raised in middleware (sessions, authentication).

Reads go to the `replica` alias when one is configured (DATABASE_REPLICA_URL), except:
- while a request is pinned to the primary: any write request (POST, PUT, ...); any request from a
  signed-in user (who must see their own draft the moment they saved it, whatever the replica's lag);
  and, for READ_YOUR_WRITES_SECONDS after a write request, every request of the browser that sent it
  (a cookie says until when: the citizen who filed a problem reads it back at once from the primary);
- inside a transaction (`atomic`): what it reads must agree with what it writes;
- while the replica cannot be reached: a failed connection marks it down in this process for
  REPLICA_RETRY_SECONDS, and reads go to the primary meanwhile.
Writes always go to the primary (`default`).
"""

import contextvars
import logging
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader

from portal.preferences import care_mode_enabled

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = "数据库暂时无法访问，请稍后再试。"

# The browser that wrote reads from the primary until this cookie expires.
PRIMARY_COOKIE = "portal_read_primary"
REPLICA_RETRY_SECONDS = 10

_pinned_to_primary = contextvars.ContextVar("pinned_to_primary", default=False)
_replica_down_until = 0.0


def pinned_to_primary() -> bool:
    return _pinned_to_primary.get()


def replica_available() -> bool:
    """Whether the replica answers, connecting if need be; a failure is remembered for REPLICA_RETRY_SECONDS."""
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return False
    replica = connections["replica"]
    try:
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except DatabaseError as error:
        _replica_down_until = time.monotonic() + REPLICA_RETRY_SECONDS
        logger.warning("replica unavailable, reading from the primary: %s", error)
        return False
    return True


class PrimaryReplicaRouter:
    """Send reads to the replica when one is configured, reachable, and the request is not pinned to the primary."""

    def db_for_read(self, model, **hints):
        if "replica" not in settings.DATABASES or pinned_to_primary() or connections["default"].in_atomic_block:
            return "default"
        return "replica" if replica_available() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both aliases hold the same data

    def allow_migrate(self, db, app_label, **hints):
        return db != "replica"  # the replica copies the primary's schema


class PrimaryDatabaseMiddleware:
    """Pin write requests, signed-in users' requests and the requests just after a write to the primary."""

    SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        writes = request.method not in self.SAFE_METHODS
        pin = writes or settings.SESSION_COOKIE_NAME in request.COOKIES or PRIMARY_COOKIE in request.COOKIES
        token = _pinned_to_primary.set(pin)
        try:
            response = self.get_response(request)
        finally:
            _pinned_to_primary.reset(token)
        if writes and "replica" in settings.DATABASES:
            response.set_cookie(
                PRIMARY_COOKIE,
                "1",
                max_age=settings.READ_YOUR_WRITES_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


def is_database_unavailable(exception) -> bool:
    return isinstance(exception, (OperationalError, InterfaceError))


def database_unavailable_response(request):
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"detail": DATABASE_UNAVAILABLE}, status=503, headers=headers)
    # The 503 page needs no database: no context processors, no queries.
    # The reader's 关怀版 cookie is read as it came; nothing else of the request is used.
    context = {"retry_after": RETRY_AFTER_SECONDS, "care_mode": care_mode_enabled(request)}
    body = loader.get_template("503.html").render(context)
    return HttpResponse(body, status=503, headers=headers)
