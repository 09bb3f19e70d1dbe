"""The pages that combine the apps: the home page, a department's page (its list, its reports, its on-time
record, its published plans, its record on the problems it was given and its calendar) and the search page
(duties, departments, provisions and published reports)."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

import search
from duties import selectors
from duties.filtersets import DepartmentFilterSet, DutyItemFilterSet, ProvisionFilterSet
from duties.models import Department, DutyItem, DutyRole, Provision
from duties.views import PAGE_SIZE, AsOfMixin, ProvinceMixin
from listdrafts import selectors as list_draft_selectors
from pages.forms import SearchForm
from plans import selectors as plan_selectors
from problems import selectors as problem_selectors
from reports import selectors as report_selectors
from reports.filtersets import ReportFilterSet
from reports.models import Report


class HomeView(TemplateView):
    template_name = "duties/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            provinces=selectors.provinces_with_counts_cached(),
            search_form=SearchForm(),
            latest_reports=report_selectors.latest_published_reports(),
            **kwargs,
        )


class DepartmentView(AsOfMixin, ProvinceMixin, ListView):
    """A department's published list: the duties it leads (or, on request, those it cooperates on)."""

    template_name = "duties/department_detail.html"
    context_object_name = "duties"
    paginate_by = PAGE_SIZE

    @cached_property
    def department(self):
        return get_object_or_404(selectors.department_in(self.jurisdiction, self.kwargs["department"], self.as_of))

    @cached_property
    def showing_cooperation(self):
        return self.request.GET.get("role") == DutyRole.Role.COOPERATING

    def get_queryset(self):
        roles = (DutyRole.Role.COOPERATING,) if self.showing_cooperation else DutyRole.LEADING
        return selectors.duties_for_department(self.department, roles, self.as_of)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reports=report_selectors.published_reports_for_department(self.department),
            record=report_selectors.on_time_record(self.department),
            plans=plan_selectors.published_plans_for_department(self.department),
            problem_figures=problem_selectors.department_figures([self.department])[self.department.pk],
            prepared_list=None if self.as_of else list_draft_selectors.published_list_for_department(self.department),
            department=self.department,
            province=self.province,
            showing_cooperation=self.showing_cooperation,
            repairs=selectors.repairs_on_department(self.department),
            requirements=selectors.requirements_for_department(self.department),
            breadcrumbs=[*self.jurisdiction_crumbs(), (self.department.short_name, None)],
            **kwargs,
        )


class SearchView(ListView):
    """One box over duties, departments, provisions and published reports, filtered by province, sector, department.

    Each tab's FilterSet reads the page's own parameters as they are (the form's field names are the filters'
    names), so that the page and the API can never read one parameter two ways.
    """

    template_name = "duties/search.html"
    paginate_by = PAGE_SIZE
    paginator_class = search.SearchAwarePaginator
    RESULT_TYPES = ("duties", "departments", "provisions", "reports")

    def get(self, request, *args, **kwargs):
        if "q" in request.GET and "search" not in request.GET:
            # The box was called `q` before it took the filters' name: old links keep working.
            params = request.GET.copy()
            params["search"] = params.pop("q")[-1]
            return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")
        return super().get(request, *args, **kwargs)

    @cached_property
    def form(self):
        return SearchForm(self.request.GET or None)

    @cached_property
    def query(self) -> str:
        return self.form.cleaned_data["search"].strip() if self.form.is_bound and self.form.is_valid() else ""

    @cached_property
    def result_type(self):
        value = self.request.GET.get("type")
        return value if value in self.RESULT_TYPES else "duties"

    @cached_property
    def filtersets(self):
        if not self.query:
            return {}
        params = self.request.GET
        return {
            "duties": DutyItemFilterSet(
                params, DutyItem.objects.with_departments().order_by("document_id", "position")
            ),
            "departments": DepartmentFilterSet(
                params,
                Department.objects.with_duty_counts()
                .select_related("jurisdiction__parent__parent", "sector")  # a county department's URL walks up
                .order_by("jurisdiction_id", "position"),
            ),
            "provisions": ProvisionFilterSet(
                params,
                # Items are listed as duties already.
                Provision.objects.select_related("document__jurisdiction__parent__parent").exclude(
                    kind=Provision.Kind.ITEM
                ),
            ),
            "reports": ReportFilterSet(
                params, Report.objects.published().with_department().order_by("-year", "department_id")
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
            query=self.query,
            result_type=self.result_type,
            counts=counts,
            breadcrumbs=[(_("搜索"), None)],
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.form.is_bound and not self.form.is_valid():
            response_kwargs["status"] = 400  # a filter the page cannot apply, named on the form
        return super().render_to_response(context, **response_kwargs)
