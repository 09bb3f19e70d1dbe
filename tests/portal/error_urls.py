"""The portal's URLs plus two that fail, for the error pages' tests."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from portal import urls


def fail(request):
    raise RuntimeError("a bug")


def deny(request):
    raise PermissionDenied


def broken_context(request):
    """A context processor that fails, as one reading the session or the database would while they are down."""
    raise RuntimeError("the session store is down")


urlpatterns = [path("test-fail/", fail), path("test-deny/", deny), path("api/test-deny/", deny), *urls.urlpatterns]
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500
