"""Signing in: the page a locked-out account is shown, saying until when, with Retry-After.

django-axes locks sign-in for one username from one client address (settings.AXES_LOCKOUT_PARAMETERS,
the address from clients.addresses) after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_HOURS
after the last failure; failures during the lockout do not prolong it, so the time the page
names holds. An admin lifts a lockout early in the admin (访问尝试: delete the attempts) or with
`manage.py axes_reset_username NAME` / `axes_reset_ip_username ADDRESS NAME`.
"""

import math

from axes.helpers import get_client_parameters, get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def locked_until(request, credentials=None):
    """When the lockout on this request's username and address ends (None: it does not by itself)."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return None
    username = get_client_username(request, credentials)
    filters = get_client_parameters(username, request.axes_ip_address, request.axes_user_agent, request, credentials)
    last_failures = [
        AccessAttempt.objects.filter(**kwargs).aggregate(last=Max("attempt_time"))["last"] for kwargs in filters
    ]
    last_failure = max((moment for moment in last_failures if moment is not None), default=timezone.now())
    return last_failure + cool_off


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: the lockout page in Chinese, and Retry-After in seconds."""
    until = locked_until(request, credentials)
    response = render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"failure_limit": get_failure_limit(request, credentials), "locked_until": until},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if until is not None:
        response["Retry-After"] = str(max(1, math.ceil((until - timezone.now()).total_seconds())))
    return response
