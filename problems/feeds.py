"""Atom feed of published problems, filtered as the list is (`?jurisdiction=jiangxi&category=air` …)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from problems import selectors
from problems.filtersets import ProblemFilterSet

FEED_LENGTH = 50


class ProblemsFeed(Feed):
    """The newest published problems: number, category, county, department and status; never the reporter."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        filterset = ProblemFilterSet(request.GET or None, selectors.public_problems())
        if filterset.is_bound and not filterset.is_valid():
            raise Http404
        return filterset

    def title(self, obj):
        return _("生态环境问题：最新公开")

    def subtitle(self, obj):
        return _("公众举报、热线转办和督察发现的生态环境问题及其办理进展。")

    def link(self, obj):
        return reverse("problems:list")

    def items(self, obj):
        return obj.qs[:FEED_LENGTH]

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
