"""sitemap.xml: every public page of the duty lists, so that search engines find them.

An index (`/sitemap.xml`) of one file per kind of page (`/sitemap-duties.xml` …), each split into pages of
at most 50,000 addresses (`?p=2`), as the sitemaps protocol allows: every jurisdiction (provinces, and the
cities and counties that joined), every department and every duty in force, nationally; every published
report, plan and quarterly disclosure, and every problem the public may read.
"""

from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.urls import reverse

from disclosures.models import Disclosure
from duties.models import Department, Document, DutyItem, Jurisdiction, Sector
from plans.models import AnnualPlan
from problems import selectors as problem_selectors
from reports import selectors as report_selectors


class Sitemap(BaseSitemap):
    limit = 50_000  # addresses per file: the protocol's maximum


class StaticPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "pages:home",
            "duties:sector_list",
            "pages:search",
            "calendars:calendar",
            "problems:list",
            "problems:new",
        ]

    def location(self, item):
        return reverse(item)


class JurisdictionSitemap(Sitemap):
    """Every province, city and county: a city's or county's page is under its province, by its code."""

    changefreq = "weekly"

    def items(self):
        return Jurisdiction.objects.select_related("parent__parent").order_by("code")


class DepartmentSitemap(Sitemap):
    def items(self):
        return Department.objects.select_related("jurisdiction__parent__parent").order_by("pk")


class DocumentSitemap(Sitemap):
    def items(self):
        return Document.objects.select_related("jurisdiction__parent__parent").order_by("pk")


class DutySitemap(Sitemap):
    def items(self):
        return DutyItem.objects.current().select_related("document__jurisdiction__parent__parent").order_by("pk")


class SectorSitemap(Sitemap):
    def items(self):
        return Sector.objects.order_by("position")

    def location(self, sector):
        return reverse("duties:sector", args=[sector.code])


class PublishedReportSitemap(Sitemap):
    def items(self):
        return report_selectors.published_reports_in().order_by("pk")

    def lastmod(self, report):
        return report.published_at


class PublishedPlanSitemap(Sitemap):
    def items(self):
        return AnnualPlan.objects.published().select_related("department__jurisdiction").order_by("pk")


class PublishedDisclosureSitemap(Sitemap):
    def items(self):
        return Disclosure.objects.published().order_by("pk")

    def lastmod(self, disclosure):
        return disclosure.published_at


class PublicProblemSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return problem_selectors.public_problems().order_by("pk")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "jurisdictions": JurisdictionSitemap,
    "departments": DepartmentSitemap,
    "documents": DocumentSitemap,
    "duties": DutySitemap,
    "sectors": SectorSitemap,
    "reports": PublishedReportSitemap,
    "plans": PublishedPlanSitemap,
    "disclosures": PublishedDisclosureSitemap,
    "problems": PublicProblemSitemap,
}
