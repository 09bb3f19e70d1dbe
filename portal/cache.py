"""The shared cache (Redis) with a fallback: a Redis outage slows nothing down and fails no page.

Every call goes to Redis while it answers. When Redis refuses or times out, the call is answered by a
local-memory cache of this process instead, and Redis is not tried again for RETRY_SECONDS (so a dead
Redis costs one refused connection per process every few seconds, not one per call). Meanwhile:
- request limits and throttles count in each process alone: a client gets up to its limit from each
  gunicorn worker, instead of none at all or every page failing;
- sessions (cached_db) are read from and written to the database, as their engine does on a cache miss:
  nobody is signed out;
- cached pages and figures are computed again.
When Redis answers again, it is used again; what was counted locally meanwhile is not carried over.
"""

import functools
import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
_redis_down_until = 0.0
OPERATIONS = ("add", "get", "set", "touch", "delete", "get_many", "has_key", "incr", "set_many", "delete_many", "clear")


def _with_fallback(name):
    def operation(self, *args, **kwargs):
        global _redis_down_until
        if time.monotonic() >= _redis_down_until:
            try:
                return getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
            except (RedisConnectionError, RedisTimeoutError) as error:
                _redis_down_until = time.monotonic() + RETRY_SECONDS
                logger.warning("Redis unavailable, caching in this process for %s s: %s", RETRY_SECONDS, error)
        return getattr(self.fallback, name)(*args, **kwargs)

    return functools.update_wrapper(operation, getattr(RedisCache, name))


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, answered from this process's memory while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.fallback = LocMemCache(
            f"redis-fallback-{server}", {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 10_000}}
        )


for _name in OPERATIONS:
    setattr(ResilientRedisCache, _name, _with_fallback(_name))
