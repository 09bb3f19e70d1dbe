"""sitemap.xml: every public page of the duty lists, so that search engines find them.

An index (`/sitemap.xml`) of one file per kind of page (`/sitemap-duties.xml` …), each split into pages of
at most 50,000 addresses (`?p=2`), as the sitemaps protocol allows: every jurisdiction (provinces, and the
cities and counties that joined), every department and every duty in force, nationally.
"""

from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.urls import reverse

from duties.models import Department, Document, DutyItem, Jurisdiction, Sector
from reports import selectors as report_selectors


class Sitemap(BaseSitemap):
    limit = 50_000  # addresses per file: the protocol's maximum


class StaticPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["pages:home", "duties:sector_list", "pages:search"]

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


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "jurisdictions": JurisdictionSitemap,
    "departments": DepartmentSitemap,
    "documents": DocumentSitemap,
    "duties": DutySitemap,
    "sectors": SectorSitemap,
    "reports": PublishedReportSitemap,
}
