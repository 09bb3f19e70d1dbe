"""Refuse a request body larger than anybody needs (settings.REQUEST_BODY_MAX_BYTES) before reading it.

nginx refuses it first in the README's set-up (client_max_body_size); this holds the same line for
an app server reached another way. Within the limit, Django's own limits apply: the form's text
(DATA_UPLOAD_MAX_MEMORY_SIZE, DATA_UPLOAD_MAX_NUMBER_FIELDS) and each form's file size.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

BODY_TOO_LARGE = _("请求内容过大（上限 %(limit)s）。")


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_BYTES:
            message = BODY_TOO_LARGE % {"limit": filesizeformat(settings.REQUEST_BODY_MAX_BYTES)}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
