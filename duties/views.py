"""The public pages: provinces, departments, duties, documents, search and sector comparison."""

from urllib.parse import quote

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from duties import editions, selectors, spreadsheet
from duties.days import parse_day
from duties.filtersets import filter_in_province
from duties.models import Sector
from duties.publication import list_publication_rows

PAGE_SIZE = 50


AS_OF_INVALID = _("日期应写作 YYYY-MM-DD，如 2025-01-01；下面显示的是现行清单。")


class AsOfMixin:
    """`?as_of=YYYY-MM-DD` shows the lists as they stood that day; a malformed date shows today's, with a 400."""

    @cached_property
    def as_of(self):
        try:
            return parse_day(self.request.GET.get("as_of"))
        except ValueError:
            return None

    @property
    def as_of_error(self):
        return AS_OF_INVALID if "as_of" in self.request.GET and self.as_of is None else None

    def render_to_response(self, context, **response_kwargs):
        if self.as_of_error:
            response_kwargs["status"] = 400
        return super().render_to_response(
            {**context, "as_of": self.as_of, "as_of_error": self.as_of_error}, **response_kwargs
        )


class ProvinceMixin:
    """Resolve the province named by the URL's first segment, or answer 404."""

    @cached_property
    def province(self):
        return get_object_or_404(selectors.province_named(self.kwargs["province"]))

    @cached_property
    def jurisdiction(self):
        """What the page is about: the province, or a city or county of it (its code in the URL)."""
        if "code" not in self.kwargs:
            return self.province
        return get_object_or_404(selectors.jurisdiction_in(self.province, str(self.kwargs["code"])))

    def province_crumb(self):
        return (self.province.name, reverse("duties:province", args=[self.province.slug]))

    def jurisdiction_crumbs(self):
        """The province, then each level down to the page's jurisdiction."""
        chain, jurisdiction = [], self.jurisdiction
        while jurisdiction.parent_id is not None:
            chain.insert(0, (jurisdiction.name, jurisdiction.get_absolute_url()))
            jurisdiction = jurisdiction.parent
        return [self.province_crumb(), *chain]


class ProvinceView(AsOfMixin, ProvinceMixin, ListView):
    """A province's documents, its departments by sector and its reporting rule."""

    template_name = "duties/jurisdiction_detail.html"
    context_object_name = "departments"
    paginate_by = PAGE_SIZE
    DOCUMENTS_SHOWN = 10

    def get_queryset(self):
        return selectors.departments_of(self.jurisdiction, self.as_of)

    def get_context_data(self, **kwargs):
        rules = list(selectors.reporting_rules_of(self.jurisdiction))
        crumbs = self.jurisdiction_crumbs()
        return super().get_context_data(
            province=self.province,
            jurisdiction=self.jurisdiction,
            sub_jurisdictions=list(selectors.sub_jurisdictions_publishing(self.jurisdiction)),
            listed_departments=selectors.departments_with_lists(self.jurisdiction, self.as_of).count(),
            publication=list_publication_rows(self.jurisdiction, self.as_of or timezone.localdate()),
            documents=list(selectors.documents_of(self.jurisdiction)[: self.DOCUMENTS_SHOWN + 1]),
            documents_shown=self.DOCUMENTS_SHOWN,
            rules=rules,
            next_deadline=selectors.next_annual_deadline(rules, timezone.localdate()),
            breadcrumbs=[*crumbs[:-1], (self.jurisdiction.name, None)],
            **kwargs,
        )


class DutyView(AsOfMixin, ProvinceMixin, DetailView):
    """One duty: its text, its departments, the provision it comes from, its versions and any repair on it.

    The id names one version; with `?as_of=` the page shows the version of the same duty in force that day.
    """

    template_name = "duties/dutyitem_detail.html"
    context_object_name = "duty"

    def get_queryset(self):
        return filter_in_province(selectors.duty_detail(), "document__jurisdiction", self.province)

    def get_object(self, queryset=None):
        version = super().get_object(queryset)
        if self.as_of is None:
            return version
        return self.get_queryset().filter(lineage=version.lineage).as_of(self.as_of).first() or version

    def get_context_data(self, **kwargs):
        duty = self.object
        versions = list(selectors.duty_versions(duty))
        owner = next(iter(duty.lead_departments + duty.co_lead_departments), None)  # whose list it is on
        crumbs = [self.province_crumb()]
        if owner is not None and owner.jurisdiction_id == self.province.code:
            crumbs.append((owner.name, owner.get_absolute_url()))
        crumbs.append((duty.number_display or _("事项"), None))
        return super().get_context_data(
            province=self.province,
            owner=owner,
            duty_number=duty.number_display,
            corrections=selectors.corrections_of(duty),
            repairs=selectors.repairs_on_provision(duty.provision),
            versions=versions if len(versions) > 1 else [],
            current_version=next((version for version in versions if version.is_current), None),
            in_force_on_as_of=self.as_of is None or duty.valid_on(self.as_of),
            upcoming=duty.valid_from is not None and duty.valid_from > timezone.localdate(),
            breadcrumbs=crumbs,
            **kwargs,
        )


class ChangesView(ProvinceMixin, ListView):
    """A province's editions, newest first, each with the duties it added, removed and changed."""

    template_name = "duties/changes.html"
    context_object_name = "editions"
    paginate_by = 10

    def get_queryset(self):
        return filter_in_province(editions.editions_list(), "jurisdiction", self.province)

    def scope_department(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            province=self.province,
            department=self.scope_department(),
            edition_changes=editions.changes_of(context["page_obj"], self.scope_department()),
            breadcrumbs=[self.province_crumb(), (_("清单修订记录"), None)],
        )
        return context


class DepartmentChangesView(ChangesView):
    """The editions that touched one department's list, with its duties' changes only."""

    @cached_property
    def department(self):
        return get_object_or_404(selectors.department_in(self.jurisdiction, self.kwargs["department"]))

    def get_queryset(self):
        return editions.editions_of_department(self.department)

    def scope_department(self):
        return self.department

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            *self.jurisdiction_crumbs(),
            (self.department.short_name, self.department.get_absolute_url()),
            (_("清单修订记录"), None),
        ]
        return context


class ListExportView(ProvinceMixin, View):
    """A list in the spreadsheet template (duties/spreadsheet.py), as in force today or on `?as_of=`."""

    FORMATS = {
        "csv": ("text/csv; charset=utf-8", spreadsheet.write_csv),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", spreadsheet.write_xlsx),
    }

    def get(self, request, *args, fmt, **kwargs):
        if fmt not in self.FORMATS:
            raise Http404
        department = None
        if "department" in kwargs:
            department = get_object_or_404(selectors.department_in(self.jurisdiction, kwargs["department"]))
        try:
            day = parse_day(request.GET.get("as_of"))
        except ValueError:
            return HttpResponseBadRequest(AS_OF_INVALID, content_type="text/plain; charset=utf-8")
        content_type, write = self.FORMATS[fmt]
        response = HttpResponse(write(spreadsheet.list_rows(self.jurisdiction, department, day)), content_type)
        name = spreadsheet.export_file_name(self.jurisdiction, department, day or timezone.localdate(), fmt)
        response["Content-Disposition"] = f"attachment; filename=\"duties.{fmt}\"; filename*=UTF-8''{quote(name)}"
        return response


class DocumentListView(ProvinceMixin, ListView):
    """Every policy document a province publishes, paginated."""

    template_name = "duties/document_list.html"
    context_object_name = "documents"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.documents_of(self.province)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            province=self.province, breadcrumbs=[self.province_crumb(), (_("政策文件"), None)], **kwargs
        )


class DocumentView(ProvinceMixin, DetailView):
    """A document's whole text in its structure, each provision with a stable anchor."""

    template_name = "duties/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return filter_in_province(selectors.document_detail(), "jurisdiction", self.province)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            province=self.province,
            outline=selectors.document_outline(self.object),
            line_repairs=selectors.document_repairs_without_provision(self.object),
            breadcrumbs=[self.province_crumb(), (self.object.title, None)],
            **kwargs,
        )


class SectorListView(ListView):
    template_name = "duties/sector_list.html"
    context_object_name = "sectors"

    def get_queryset(self):
        return selectors.sectors_with_counts()

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=[(_("跨省对比"), None)], **kwargs)


class SectorDetailView(ListView):
    """One sector's departments side by side across provinces, each with the duties it leads."""

    template_name = "duties/sector_detail.html"
    context_object_name = "provinces"
    paginate_by = 6

    @cached_property
    def sector(self):
        return get_object_or_404(Sector, code=self.kwargs["sector"])

    def get_queryset(self):
        return selectors.provinces_with_sector(self.sector).order_by("code")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provinces = list(context["page_obj"])
        by_province = {province.code[:2]: [] for province in provinces}
        for department in selectors.sector_departments_in(self.sector, provinces):
            by_province[department.jurisdiction_id[:2]].append(department)
        context.update(
            sector=self.sector,
            columns=[(province, by_province[province.code[:2]]) for province in provinces],
            breadcrumbs=[(_("跨省对比"), reverse("duties:sector_list")), (self.sector.name, None)],
        )
        return context
