"""The public's pages: report a problem, follow it with the private link, the lists, a problem's page, a
department's figures, photos. Nothing here shows the reporter's identity or contact to anyone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import ListView, TemplateView

from duties.models import Department, Jurisdiction
from problems import abuse, permissions, routing, selectors, services
from problems.forms import InformationForm, ProblemReportForm, WithdrawForm
from problems.models import Photo, TimeLimits

FILED = gettext_lazy("已收到您反映的问题。请保存本页地址：它是您查看办理进展、补充情况的唯一凭据。")
INFORMATION_ADDED = gettext_lazy("补充情况已送达办公室和承办部门。")
WITHDRAWN = gettext_lazy("问题已撤回。")
FIX_ERRORS = gettext_lazy("有几处需要修改，请查看标红的提示。您填写的内容都保留着。")
PAGE_SIZE = 30
CONTACT_FIELDS = ("reporter_name", "reporter_phone", "reporter_email", "description", "place")


def _private(response):
    """A page reached by a secret link: never cached, never sent on as a referrer, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class ProblemListView(ListView):
    """Published problems filtered by jurisdiction, department, status, category and year (the API's filters)."""

    template_name = "problems/problem_list.html"
    context_object_name = "problems"
    paginate_by = PAGE_SIZE

    department = None

    @cached_property
    def filterset(self):
        return selectors.filtered_public_problems(self.request.GET, department=self.department)

    def get_queryset(self):
        if self.filterset.is_bound and not self.filterset.is_valid():
            return selectors.public_problems().none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset,
            query=query.urlencode(),
            breadcrumbs=[(_("生态环境问题"), None)],
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


def timeline_rows(problem, events, today=None):
    """Each step with whether it was on time, and the step the problem waits on with its last day."""
    return {
        "events": events,
        "waiting_for": problem.waiting_for,
        "current_due": problem.current_due,
        "overdue": problem.is_overdue(today),
    }


class ProblemDetailView(TemplateView):
    """A problem's public page: the office's text, category, county, department, every public step and its date."""

    template_name = "problems/problem_detail.html"

    def get_context_data(self, **kwargs):
        problem = selectors.public_problem(self.kwargs["number"])
        return super().get_context_data(
            problem=problem,
            timeline=timeline_rows(problem, problem.events.all()),
            photos=problem.photos.all(),
            decisions=problem.consultations.all(),
            limits=TimeLimits.for_jurisdiction(problem.jurisdiction),
            breadcrumbs=[(_("生态环境问题"), reverse("problems:list")), (problem.number, None)],
            **kwargs,
        )


@method_decorator(sensitive_post_parameters(*CONTACT_FIELDS), name="dispatch")
class ProblemReportView(View):
    """Report a problem: choose the province, then the form; a CAPTCHA for anyone not signed in."""

    def province(self, request):
        value = request.GET.get("province") or request.POST.get("province")
        if not value:
            return None
        try:
            return Jurisdiction.objects.provinces().get_named(value)
        except ValidationError:
            raise Http404 from None

    def render_form(self, request, province, form, status=200):
        return render(
            request,
            "problems/problem_form.html",
            {
                "province": province,
                "form": form,
                "limits": TimeLimits.for_jurisdiction(province),
                "breadcrumbs": [(_("生态环境问题"), reverse("problems:list")), (_("反映问题"), None)],
            },
            status=status,
        )

    def get(self, request):
        province = self.province(request)
        if province is None:
            return render(
                request,
                "problems/problem_province.html",
                {
                    "provinces": Jurisdiction.objects.provinces().order_by("code"),
                    "breadcrumbs": [(_("生态环境问题"), reverse("problems:list")), (_("反映问题"), None)],
                },
            )
        form = ProblemReportForm(
            initial={"submit_token": services.new_submit_token()},
            province=province,
            with_captcha=not request.user.is_authenticated,
        )
        return self.render_form(request, province, form)

    def post(self, request):
        province = self.province(request)
        if province is None:
            raise Http404
        form = ProblemReportForm(
            request.POST, request.FILES, province=province, with_captcha=not request.user.is_authenticated
        )
        token = request.POST.get("submit_token", "")
        if existing := services.filed_with(token):
            return redirect("problems:track", existing.access_key)  # a double click, a retry: the same report
        if not form.is_valid():
            messages.error(request, FIX_ERRORS)
            return self.render_form(request, province, form, status=400)
        if not abuse.report_allowed(request):
            form.add_error(None, abuse.TOO_MANY_REPORTS)
            return self.render_form(request, province, form, status=429)
        data = form.cleaned_data
        try:
            filed = services.problem_submit(
                jurisdiction=data["jurisdiction"],
                place=data["place"],
                category=data["category"],
                description=data["description"],
                observed_on=data["observed_on"],
                photos=data["photos"],
                reporter_name=data["reporter_name"],
                reporter_phone=data["reporter_phone"],
                reporter_email=data["reporter_email"],
                submit_token=data["submit_token"],
                user=request.user,
            )
        except ValidationError as error:
            for field, errors in (
                error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
            ):
                form.add_error(field if field in form.fields else None, errors)
            return self.render_form(request, province, form, status=400)
        messages.success(request, FILED)
        return redirect("problems:track", filed.access_key)


def proposals_for(problem):
    """The lead departments proposed when the problem was filed, read back; routed now only for a problem filed
    before they were kept."""
    if problem.routing_record is None:
        return routing.route(problem.jurisdiction, problem.description)
    return routing.read_back(problem.jurisdiction, problem.routing_record)


@method_decorator([never_cache, sensitive_post_parameters("text", "reason")], name="dispatch")
class ProblemTrackView(View):
    """The reporter's private page: the proposed lead with its duty, every public step, their additions."""

    def context(self, problem, **forms):
        return {
            "problem": problem,
            "access_key": self.kwargs["key"],
            "routing": proposals_for(problem),
            "timeline": timeline_rows(problem, problem.events.all()),
            "information_form": forms.get("information_form") or InformationForm(),
            "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
            "can_add": permissions.can_add_information(problem),
            "breadcrumbs": [(_("生态环境问题"), reverse("problems:list")), (_("我反映的问题"), None)],
        }

    def get(self, request, key):
        problem = selectors.problem_by_key(key)
        return _private(render(request, "problems/problem_track.html", self.context(problem)))

    def post(self, request, key):
        problem = selectors.problem_by_key(key)
        action = request.POST.get("action")
        form_class, form_name = (
            (InformationForm, "information_form") if action == "information" else (WithdrawForm, "withdraw_form")
        )
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                if action == "information":
                    services.problem_add_information(
                        problem=problem,
                        access_key=key,
                        text=form.cleaned_data["text"],
                        photos=form.cleaned_data["photos"],
                    )
                    messages.success(request, INFORMATION_ADDED)
                elif action == "withdraw":
                    services.problem_withdraw(problem=problem, access_key=key, reason=form.cleaned_data["reason"])
                    messages.success(request, WITHDRAWN)
                else:
                    raise Http404
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return redirect("problems:track", key)
        response = render(
            request, "problems/problem_track.html", self.context(problem, **{form_name: form}), status=400
        )
        return _private(response)


def photo_download(request, pk):
    """A photo: evidence is public with its problem; the reporter's photos only for those who work on it."""
    photo = get_object_or_404(
        Photo.objects.select_related("problem__jurisdiction__parent__parent", "problem__department"), pk=pk
    )
    problem = photo.problem
    public = photo.is_public and permissions.can_read_public(problem)
    if not public and not permissions.can_work_on(request.user, problem):
        raise Http404
    response = FileResponse(photo.file.open("rb"), content_type=photo.content_type)
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response


class DepartmentProblemsView(ProblemListView):
    """A department's problems and figures: received, accepted on time, closed on time, median days, open, overdue;
    its list filtered by status, category and year (the list's filters), with its Atom feed and CSV file."""

    template_name = "problems/department_problems.html"
    FILTERS = ("status", "category", "year")

    @cached_property
    def department(self):
        return get_object_or_404(
            Department.objects.select_related("jurisdiction__parent__parent"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        department = self.department
        context = super().get_context_data(**kwargs)
        context.update(
            department=department,
            figures=selectors.department_figures([department])[department.pk],
            filter_fields=[self.filterset.form[name] for name in self.FILTERS],
            breadcrumbs=[(_("生态环境问题"), reverse("problems:list")), (department.name, None)],
        )
        return context
