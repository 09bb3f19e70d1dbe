"""A request whose parameters hold a NUL character is a 400 naming the parameter, on every page and endpoint.

No text this portal stores or looks up contains U+0000, and PostgreSQL refuses it in any string
("A string literal cannot contain NUL characters"), so that a filter passing it on answered 500. Each
form field and filter refuses it too (Django's CharField does); this catches it once, before any view,
for the fields that do not (an admin search box, a lookup in the address) and for the names of parameters.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

NULL_CHARACTER = "参数“%(name)s”含有空字符（U+0000），无法处理。"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
NAME_SHOWN = 40


def parameter_with_null(request) -> str | None:
    """The name of the first parameter (query string, form field or the path itself) holding a NUL, if any."""
    if "\x00" in request.path_info:
        return "path"
    sources = [request.GET]
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        sources.append(request.POST)
    for source in sources:
        for name, values in source.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return name.replace("\x00", "")[:NAME_SHOWN] or "?"
    return None


class RejectNullCharactersMiddleware:
    """Answer 400 (JSON under /api/, the error page elsewhere) to a request with a NUL in a parameter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = parameter_with_null(request)
        if name is None:
            return self.get_response(request)
        message = _(NULL_CHARACTER) % {"name": name}
        if request.path_info.startswith("/api/"):
            return JsonResponse({name: [message]}, status=400)
        if request.path_info.startswith("/open311/"):
            # GeoReport v2's errors are a list of {code, description}.
            return JsonResponse([{"code": 400, "description": message}], status=400, safe=False)
        response = TemplateResponse(request, "400.html", {"message": message}, status=400)
        return response.render()
