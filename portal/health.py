"""/healthz: the load balancer's check that this server can reach its databases."""

from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

SERVING_ALIASES = ("default", "replica")  # what the router sends requests to (portal/database.py)


@never_cache
def health(request):
    """Answer 200 when the primary answers a trivial query, else 503; say how the replica is.

    A replica that is down does not fail the check: reads fall back to the primary (portal/database.py),
    and a load balancer that took every app server out for it would stop a portal that can still serve.
    """
    databases = {}
    for alias in (alias for alias in connections if alias in SERVING_ALIASES):
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
            databases[alias] = "ok"
        except DatabaseError as error:
            databases[alias] = f"unavailable: {error.__class__.__name__}"
    healthy = databases["default"] == "ok"
    status = "ok" if healthy and all(state == "ok" for state in databases.values()) else "degraded"
    return JsonResponse(
        {"status": status if healthy else "unavailable", "databases": databases}, status=200 if healthy else 503
    )
