"""/healthz: the load balancer's check that this server can reach its databases."""

from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

SERVING_ALIASES = ("default", "replica")  # what the router sends requests to (portal/database.py)


@never_cache
def health(request):
    """Answer 200 when every database that serves requests answers a trivial query, else 503."""
    databases = {}
    for alias in (alias for alias in connections if alias in SERVING_ALIASES):
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
            databases[alias] = "ok"
        except DatabaseError as error:
            databases[alias] = f"unavailable: {error.__class__.__name__}"
    healthy = all(state == "ok" for state in databases.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "databases": databases}, status=200 if healthy else 503
    )
