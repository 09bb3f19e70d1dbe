"""Atom feeds of newly published reports: the whole portal, one province, one department."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from duties.models import Department, Jurisdiction
from reports import selectors

FEED_LENGTH = 50


class PublishedReportsFeed(Feed):
    """Every newly published report."""

    feed_type = Atom1Feed

    def title(self, obj=None):
        return _("年度专题报告：最新公开")

    def subtitle(self, obj=None):
        return _("承担重要生态环境保护职责部门的年度专题报告，按公开时间排列。")

    def link(self, obj=None):
        return reverse("reports:public_index")

    def scope(self, obj):
        return {}

    def items(self, obj=None):
        return selectors.published_reports_in(**self.scope(obj))[:FEED_LENGTH]

    def item_title(self, report):
        return str(report)

    def item_description(self, report):
        status = _("按时报送") if report.submitted_on_time else _("逾期报送")
        return f"{status}。{Truncator(report.overall).chars(300)}"

    def item_link(self, report):
        return report.get_absolute_url()

    def item_pubdate(self, report):
        return report.published_at

    def item_updateddate(self, report):
        return report.updated_at

    def item_author_name(self, report):
        return report.department.name


class ProvinceReportsFeed(PublishedReportsFeed):
    """Newly published reports of one province's departments."""

    def get_object(self, request, province):
        return get_object_or_404(Jurisdiction, parent__isnull=True, slug=province)

    def title(self, obj=None):
        return _("%(province)s年度专题报告：最新公开") % {"province": obj.name}

    def link(self, obj=None):
        return reverse("duties:province", args=[obj.slug])

    def scope(self, obj):
        return {"province": obj}


class DepartmentReportsFeed(PublishedReportsFeed):
    """Newly published reports of one department."""

    def get_object(self, request, province, department):
        return get_object_or_404(
            Department.objects.select_related("jurisdiction"),
            jurisdiction__parent__isnull=True,
            jurisdiction__slug=province,
            slug=department,
        )

    def title(self, obj=None):
        return _("%(department)s年度专题报告") % {"department": obj.name}

    def link(self, obj=None):
        return reverse("pages:department", args=[obj.jurisdiction.slug, obj.slug])

    def scope(self, obj):
        return {"department": obj}
