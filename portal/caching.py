"""Private pages are never stored: `Cache-Control: private, no-store` on every response to a signed-in user
(the workspace, drafts, the compliance board, the admin, and public pages that show the account bar),
and on the redirect that sends an anonymous visitor of such a page to sign in.
"""

from django.conf import settings
from django.shortcuts import resolve_url

PRIVATE = "private, no-store"


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or self._asks_to_sign_in(response):
            response["Cache-Control"] = PRIVATE
            del response["Expires"]
        return response

    @staticmethod
    def _asks_to_sign_in(response):
        if response.status_code not in (301, 302, 303, 307):
            return False
        location = response.get("Location", "")
        return location.startswith((resolve_url(settings.LOGIN_URL), resolve_url("admin:login")))
