"""The 500 handler: a 503 with Retry-After while the database is unreachable, a 507 while the storage of
uploads is full, else the 500 page.

Django calls it inside the `except` block of the failed request, so the exception is
at hand; API clients get JSON, browsers the page.
"""

import errno
import logging
import sys

from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views import defaults

from portal.database import database_unavailable_response, is_database_unavailable

logger = logging.getLogger(__name__)

SERVER_ERROR = "服务器处理请求时出错，请稍后再试。"
STORAGE_FULL = "存储空间已满，上传的照片或附件暂时无法保存。本次提交未保存，请稍后再试。"
STORAGE_RETRY_AFTER_SECONDS = 300
NOT_FOUND = "没有“%(path)s”这个 API 地址；可用的地址见 /api/docs/。"
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
    return HttpResponseServerError(loader.get_template("500.html").render())


def page_not_found(request, exception):
    """API clients get JSON naming the address that does not exist (`{"path": […]}`); browsers the friendly page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"path": [NOT_FOUND % {"path": request.path[:PATH_SHOWN]}]}, status=404)
    return defaults.page_not_found(request, exception)
