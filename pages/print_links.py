"""A print stylesheet naming this site's origin, so that a printed page writes each link's absolute address.

CSS cannot resolve a relative href, and the pages carry no script (the report form promises none): this small
stylesheet, linked with media="print", puts the origin the reader used before every address starting with /.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

RULE = 'a[href^="/"]:not(.site-name)::after {{ content: " ({origin}" attr(href) ")"; }}\n'


@require_safe
def print_links(request):
    # The host has passed ALLOWED_HOSTS' validation: it holds no quote or backslash to escape from the string.
    origin = f"{request.scheme}://{request.get_host()}"
    response = HttpResponse(RULE.format(origin=origin), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    response["Vary"] = "Host"
    return response
