"""The reader's display preference: the elder-friendly mode (关怀版), kept in a cookie.

The switch is a plain form, so it works without JavaScript and is remembered on every
page the reader opens afterwards.
"""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

CARE_MODE_COOKIE = "care_mode"
CARE_MODE_MAX_AGE = 365 * 24 * 3600


def care_mode_enabled(request) -> bool:
    return request.COOKIES.get(CARE_MODE_COOKIE) == "1"


def display_preferences(request):
    """Tell every template whether the elder-friendly mode is on."""
    return {"care_mode": care_mode_enabled(request)}


def safe_next_url(request, candidate):
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("pages:home")


@require_POST
def care_mode_switch(request):
    """Turn the elder-friendly mode on or off and return the reader to the page they were on."""
    response = HttpResponseRedirect(safe_next_url(request, request.POST.get("next")))
    if request.POST.get("care_mode") == "1":
        response.set_cookie(
            CARE_MODE_COOKIE, "1", max_age=CARE_MODE_MAX_AGE, samesite="Lax", secure=request.is_secure(), httponly=True
        )
    else:
        response.delete_cookie(CARE_MODE_COOKIE, samesite="Lax")
    return response
