"""Atom feeds of published problems: all of them, or one department's, filtered as their lists are
(`?jurisdiction=jiangxi&status=closed&category=air&year=2026` …) by the lists' own FilterSet. Each entry gives the
number, category, county, department, status and the office's public text: never the reporter, the place as
written or their words. Filters the list would refuse are a 400 naming them, as on the list."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from duties.models import Department
from problems import selectors

FEED_LENGTH = 50


class FiltersRefused(Exception):
    def __init__(self, filterset):
        super().__init__("filters refused")
        self.filterset = filterset


def filters_refused(filterset) -> HttpResponse:
    """A 400 naming each parameter a list cannot apply, with the reason, as plain text."""
    lines = [f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()]
    return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")


def valid_filters(filterset):
    """The bound FilterSet if it applies, else FiltersRefused (answered as a 400)."""
    if filterset.is_bound and not filterset.is_valid():
        raise FiltersRefused(filterset)
    return filterset


@dataclass(frozen=True)
class Listing:
    """What one request's feed lists (a feed object serves every request: it keeps nothing of its own)."""

    filterset: object
    query: str  # the list's query string, for the feed's link back to it
    department: Department | None = None

    @property
    def jurisdiction(self):
        return self.filterset.form.cleaned_data.get("jurisdiction") if self.filterset.is_bound else None


def listing(request, department=None) -> Listing:
    filterset = valid_filters(selectors.filtered_public_problems(request.GET, department=department))
    return Listing(filterset, f"?{request.GET.urlencode()}" if request.GET else "", department)


class ProblemsFeed(Feed):
    """The newest published problems of the list, filtered as the list is."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except FiltersRefused as refused:
            return filters_refused(refused.filterset)

    def get_object(self, request, *args, **kwargs):
        return listing(request)

    def title(self, obj):
        if obj.jurisdiction is not None:
            return _("%(place)s生态环境问题：最新公开") % {"place": obj.jurisdiction.name}
        return _("生态环境问题：最新公开")

    def subtitle(self, obj):
        return _("公众举报、热线转办和督察发现的生态环境问题及其办理进展。")

    def link(self, obj):
        return reverse("problems:list") + obj.query

    def items(self, obj):
        return obj.filterset.qs[:FEED_LENGTH]

    def item_title(self, problem):
        where = problem.jurisdiction.name
        return f"{problem.number} {problem.get_category_display()}（{where}）：{problem.get_status_display()}"

    def item_description(self, problem):
        department = problem.department.name if problem.department_id else _("待交办")
        return f"{department}。{Truncator(problem.public_text).chars(300)}"

    def item_link(self, problem):
        return problem.get_absolute_url()

    def item_pubdate(self, problem):
        return problem.published_at


class DepartmentProblemsFeed(ProblemsFeed):
    """The newest published problems one department handles, filtered as its list is."""

    def get_object(self, request, pk):
        return listing(request, get_object_or_404(Department.objects.select_related("jurisdiction"), pk=pk))

    def title(self, obj):
        return _("%(department)s：生态环境问题") % {"department": obj.department.name}

    def link(self, obj):
        return reverse("problems:department", args=[obj.department.pk]) + obj.query
