"""How often a client may call the API: per address for anonymous clients, per account for signed-in users.

The counts live in the shared cache (clients.throttling), so every worker and app server sees
the same ones, and the address is the one the trusted proxies report (clients.addresses), so a
client cannot reset its count by writing X-Forwarded-For.
"""

from django.conf import settings
from rest_framework import throttling

from clients import throttling as client_throttling
from clients.addresses import client_address


class ClientRateThrottle(throttling.BaseThrottle):
    """Throttle anonymous clients at API_ANON_THROTTLE_RATE and signed-in users at API_USER_THROTTLE_RATE."""

    def get_ident(self, request):
        return client_address(request) or "unknown"

    def allow_request(self, request, view):
        signed_in = request.user is not None and request.user.is_authenticated
        rate_setting = "API_USER_THROTTLE_RATE" if signed_in else "API_ANON_THROTTLE_RATE"
        rate = client_throttling.parse_rate(getattr(settings, rate_setting, None))
        if rate is None:
            return True
        client = f"user-{request.user.pk}" if signed_in else f"address-{self.get_ident(request)}"
        self.wait_seconds = client_throttling.count_request(rate_setting.lower(), client, rate)
        return self.wait_seconds is None

    def wait(self):
        return self.wait_seconds
