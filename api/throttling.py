"""How often an anonymous client may call the API."""

from django.conf import settings
from rest_framework import throttling


class AnonymousThrottle(throttling.AnonRateThrottle):
    """Throttle anonymous clients at settings.API_ANON_THROTTLE_RATE, read on every request."""

    def get_rate(self):
        return getattr(settings, "API_ANON_THROTTLE_RATE", None)
