"""System checks: request counts must be shared by every process that serves requests, and rates must parse.

A throttle whose counts live in one process's memory holds nothing: with five gunicorn workers a
client gets five times its limit, and with two app servers ten. Production (DEBUG off) therefore
needs a shared cache (REDIS_URL); in development one process (runserver) is fine, more are not.
gunicorn runs the same check with the number of workers it actually starts (portal/gunicorn.conf.py).
"""

import os

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.module_loading import import_string

from clients.throttling import parse_rate

# Cache backends every worker and app server reach alike.
SHARED_CACHE_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "django.core.cache.backends.db.DatabaseCache",
)
RATE_SETTINGS = ("API_ANON_THROTTLE_RATE", "API_USER_THROTTLE_RATE", "LOGIN_THROTTLE_RATE", "PUBLIC_FORM_THROTTLE_RATE")


def cache_is_shared() -> bool:
    """Whether the cache is one of the shared backends, or made from one (a subclass)."""
    backend = import_string(settings.CACHES["default"]["BACKEND"])
    return issubclass(backend, tuple(import_string(shared) for shared in SHARED_CACHE_BACKENDS))


def counting_errors(workers: int | None):
    """The errors to report when request counts would not be shared across `workers` (None: not known)."""
    if cache_is_shared():
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if not settings.DEBUG:
        return [
            Error(
                f"Request limits and throttles are counted in {backend}, which each process keeps alone: "
                "every gunicorn worker and app server would give a client its full limit.",
                hint="Set REDIS_URL (a Redis server shared by every app server) in production.",
                id="clients.E001",
            )
        ]
    if workers is not None and workers > 1:
        return [
            Error(
                f"{workers} workers would each count requests alone in {backend}.",
                hint="Set REDIS_URL, or run a single worker (WEB_CONCURRENCY=1).",
                id="clients.E002",
            )
        ]
    return []


@register(Tags.caches, Tags.security)
def check_counts_are_shared(app_configs=None, **kwargs):
    workers = os.environ.get("WEB_CONCURRENCY")
    return counting_errors(int(workers) if workers and workers.isdigit() else None)


@register(Tags.security)
def check_rates(app_configs=None, **kwargs):
    errors = []
    for name in RATE_SETTINGS:
        try:
            parse_rate(getattr(settings, name, None))
        except ValueError as error:
            errors.append(Error(f"{name}: {error}", id="clients.E003"))
    return errors
