"""sitemap.xml: every public page of the duty lists, so that search engines find them."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from duties.models import Department, Document, DutyItem, Jurisdiction, Sector
from reports import selectors as report_selectors


class StaticPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["pages:home", "duties:sector_list", "pages:search"]

    def location(self, item):
        return reverse(item)


class ProvinceSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Jurisdiction.objects.filter(parent__isnull=True).order_by("code")

    def location(self, province):
        return reverse("duties:province", args=[province.slug])


class DepartmentSitemap(Sitemap):
    def items(self):
        return (
            Department.objects.filter(jurisdiction__parent__isnull=True).select_related("jurisdiction").order_by("pk")
        )

    def location(self, department):
        return reverse("pages:department", args=[department.jurisdiction.slug, department.slug])


class DocumentSitemap(Sitemap):
    def items(self):
        return Document.objects.filter(jurisdiction__parent__isnull=True).select_related("jurisdiction").order_by("pk")

    def location(self, document):
        return reverse("duties:document", args=[document.jurisdiction.slug, document.pk])


class DutySitemap(Sitemap):
    def items(self):
        return (
            DutyItem.objects.current()
            .filter(document__jurisdiction__parent__isnull=True)
            .select_related("document__jurisdiction")
            .order_by("pk")
        )

    def location(self, duty):
        return reverse("duties:duty", args=[duty.document.jurisdiction.slug, duty.pk])


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
    "provinces": ProvinceSitemap,
    "departments": DepartmentSitemap,
    "documents": DocumentSitemap,
    "duties": DutySitemap,
    "sectors": SectorSitemap,
    "reports": PublishedReportSitemap,
}
