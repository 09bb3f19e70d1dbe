"""The error pages, in Chinese in the portal's layout, each with a way back; API clients get JSON.

The 500 handler answers a 503 with Retry-After while the database is unreachable, a 507 while the storage of
uploads is full, else the 500 page.
Django calls it inside the `except` block of the failed request, so the exception is at hand. The 500
page is rendered without the request's context processors (sessions, the account) or the database:
either may be what failed.
"""

import errno
import logging
import sys

from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults

from kept_posts import views as kept_posts_views
from portal.database import database_unavailable_response, is_database_unavailable
from portal.preferences import care_mode_enabled

logger = logging.getLogger(__name__)

SERVER_ERROR = "服务器处理请求时出错，请稍后再试。"
STORAGE_FULL = "存储空间已满，上传的照片或附件暂时无法保存。本次提交未保存，请稍后再试。"
STORAGE_RETRY_AFTER_SECONDS = 300
NOT_FOUND = "没有“%(path)s”这个 API 地址；可用的地址见 /api/docs/。"
PERMISSION_DENIED = "没有权限进行这项操作。"
METHOD_NOT_ALLOWED = "这个地址不接受 %(method)s 请求。"
PATH_SHOWN = 200


def server_error(request):
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        # Django closes the broken connection when the request finishes, and the health check
        # on the next request's first query opens a fresh one: recovery needs nothing more.
        logger.warning("database unavailable: %s", exception, extra={"path": request.path})
        return database_unavailable_response(request)
    if isinstance(exception, OSError) and exception.errno in (errno.ENOSPC, errno.EDQUOT):
        # A write that needed the storage failed and its transaction was rolled back: say so, not "an error".
        logger.error("storage full: %s", exception, extra={"path": request.path})
        headers = {"Retry-After": str(STORAGE_RETRY_AFTER_SECONDS)}
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": STORAGE_FULL}, status=507, headers=headers)
        body = loader.get_template("507.html").render({"message": STORAGE_FULL})
        return HttpResponse(body, status=507, headers=headers)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": SERVER_ERROR}, status=500)
    # The reader's 关怀版 cookie is read as it came; nothing else of the request is used.
    return HttpResponseServerError(loader.get_template("500.html").render({"care_mode": care_mode_enabled(request)}))


def page_not_found(request, exception):
    """API clients get JSON naming the address that does not exist (`{"path": […]}`); browsers the friendly page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"path": [NOT_FOUND % {"path": request.path[:PATH_SHOWN]}]}, status=404)
    return defaults.page_not_found(request, exception)


def permission_denied(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": PERMISSION_DENIED}, status=403)
    return defaults.permission_denied(request, exception)


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a signed-in form's post whose token went stale with its session is kept for
    its account (kept_posts); any other: the form has expired, say what to do instead of Django's page."""
    kept = kept_posts_views.keep_stale_post(request)
    if kept is not None:
        return kept
    logger.warning("CSRF failure: %s", reason, extra={"path": request.path})
    referer = request.headers.get("Referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return render(request, "403_csrf.html", {"referer": referer if safe else ""}, status=403)


class MethodNotAllowedPageMiddleware:
    """Give a 405 (a bookmarked form's address, a GET of a POST-only action) the portal's page, keeping Allow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response  # DRF's and any other answer that has a body of its own
        if request.path.startswith("/api/"):
            page = JsonResponse({"detail": METHOD_NOT_ALLOWED % {"method": request.method}}, status=405)
        else:
            page = render(request, "405.html", status=405)
        if "Allow" in response:
            page["Allow"] = response["Allow"]
        return page
