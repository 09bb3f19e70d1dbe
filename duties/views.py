"""The public pages: provinces, departments, duties, documents, search and sector comparison."""

from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView, View

import search
from duties import editions, selectors, spreadsheet
from duties.filtersets import DepartmentFilterSet, DutyItemFilterSet, ProvisionFilterSet, filter_in_province
from duties.models import Department, DutyItem, DutyRole, Provision, Sector
from duties.search_form import SearchForm
from reports import selectors as report_selectors
from reports.filtersets import ReportFilterSet
from reports.models import Report

PAGE_SIZE = 50


AS_OF_INVALID = _("日期应写作 YYYY-MM-DD，如 2025-01-01；下面显示的是现行清单。")


class AsOfMixin:
    """`?as_of=YYYY-MM-DD` shows the lists as they stood that day; a malformed date shows today's, with a 400."""

    @cached_property
    def as_of(self):
        try:
            return editions.parse_day(self.request.GET.get("as_of"))
        except ValueError:
            return None

    @property
    def as_of_error(self):
        return AS_OF_INVALID if self.request.GET.get("as_of", "").strip() and self.as_of is None else None

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
        return get_object_or_404(selectors.province_by_slug(self.kwargs["province"]))

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


class HomeView(TemplateView):
    template_name = "duties/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            provinces=selectors.provinces_with_counts_cached(),
            search_form=SearchForm(),
            latest_reports=report_selectors.latest_published_reports(),
            **kwargs,
        )


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
            documents=list(selectors.documents_of(self.jurisdiction)[: self.DOCUMENTS_SHOWN + 1]),
            documents_shown=self.DOCUMENTS_SHOWN,
            rules=rules,
            next_deadline=selectors.next_annual_deadline(rules, timezone.localdate()),
            breadcrumbs=[*crumbs[:-1], (self.jurisdiction.name, None)],
            **kwargs,
        )


class DepartmentView(AsOfMixin, ProvinceMixin, ListView):
    """A department's published list: the duties it leads (or, on request, those it cooperates on)."""

    template_name = "duties/department_detail.html"
    context_object_name = "duties"
    paginate_by = PAGE_SIZE

    @cached_property
    def department(self):
        return get_object_or_404(selectors.department_in(self.jurisdiction, self.kwargs["department"]))

    @cached_property
    def showing_cooperation(self):
        return self.request.GET.get("role") == DutyRole.Role.COOPERATING

    def get_queryset(self):
        roles = (DutyRole.Role.COOPERATING,) if self.showing_cooperation else selectors.LEADING_ROLES
        return selectors.duties_for_department(self.department, roles, self.as_of)

    def get_context_data(self, **kwargs):
        counts = selectors.duty_counts_for_department(self.department, self.as_of)
        return super().get_context_data(
            reports=report_selectors.published_reports_for_department(self.department),
            record=report_selectors.on_time_record(self.department),
            department=self.department,
            province=self.province,
            showing_cooperation=self.showing_cooperation,
            lead_count=counts.get(DutyRole.Role.LEAD, 0) + counts.get(DutyRole.Role.CO_LEAD, 0),
            cooperating_count=counts.get(DutyRole.Role.COOPERATING, 0),
            repairs=selectors.repairs_on_department(self.department),
            breadcrumbs=[*self.jurisdiction_crumbs(), (self.department.short_name, None)],
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
        lead = duty.lead_departments
        crumbs = [self.province_crumb()]
        if len(lead) == 1 and lead[0].jurisdiction_id == self.province.code:
            crumbs.append((lead[0].short_name, lead[0].get_absolute_url()))
        crumbs.append((_("事项 %(number)s") % {"number": duty.number} if duty.number else _("事项"), None))
        return super().get_context_data(
            province=self.province,
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
            day = editions.parse_day(request.GET.get("as_of"))
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


class SearchView(ListView):
    """One box over duties, departments, provisions and published reports, filtered by province, sector, department."""

    template_name = "duties/search.html"
    paginate_by = PAGE_SIZE
    paginator_class = search.SearchAwarePaginator
    RESULT_TYPES = ("duties", "departments", "provisions", "reports")

    @cached_property
    def form(self):
        return SearchForm(self.request.GET or None)

    @cached_property
    def result_type(self):
        value = self.request.GET.get("type")
        return value if value in self.RESULT_TYPES else "duties"

    @cached_property
    def filtersets(self):
        params = self.form.filter_params() if self.form.is_bound and self.form.is_valid() else {}
        if not params.get("search"):
            return {}
        department_params = {key: params[key] for key in ("search", "province", "sector") if key in params}
        provision_params = {key: params[key] for key in ("search", "province") if key in params}
        report_params = {**provision_params, **({"department": params["department"]} if "department" in params else {})}
        return {
            "duties": DutyItemFilterSet(
                params, DutyItem.objects.with_departments().order_by("document_id", "position")
            ),
            "departments": DepartmentFilterSet(
                department_params,
                Department.objects.with_lead_counts()
                .select_related("jurisdiction__parent__parent", "sector")  # a county department's URL walks up
                .order_by("jurisdiction_id", "position"),
            ),
            "provisions": ProvisionFilterSet(
                provision_params,
                # Items are listed as duties already.
                Provision.objects.select_related("document__jurisdiction__parent__parent").exclude(
                    kind=Provision.Kind.ITEM
                ),
            ),
            "reports": ReportFilterSet(
                report_params, Report.objects.published().with_department().order_by("-year", "department_id")
            ),
        }

    @staticmethod
    def _count(filterset):
        if not filterset.is_valid():
            return "0"
        count, more = search.capped_count(filterset.qs, settings.SEARCH_COUNT_CAP)
        return f"{count:,}+" if more else f"{count:,}"

    def get_queryset(self):
        filterset = self.filtersets.get(self.result_type)
        if filterset is None or not filterset.is_valid():
            return DutyItem.objects.none()
        return filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The listed type is counted by its paginator already; each count stops at SEARCH_COUNT_CAP ("1,000+").
        counts = {
            name: context["paginator"].count_display if name == self.result_type else self._count(filterset)
            for name, filterset in self.filtersets.items()
        }
        context.update(
            form=self.form,
            query=self.form.cleaned_data.get("q", "") if self.form.is_bound and self.form.is_valid() else "",
            result_type=self.result_type,
            counts=counts,
            breadcrumbs=[(_("搜索"), None)],
        )
        return context


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
