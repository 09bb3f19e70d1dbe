"""The plans' workspace (draft, submit for record, the office's decision, publication, revision) and the public
plan page. Every view asks plans.selectors what the user may read and plans.services for every write."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from duties.models import Department
from duties.models.jurisdictions import province_of
from kept_posts.mixins import KeepsTypedText
from plans import permissions, selectors, services
from plans.forms import DecisionForm, PlanCreateForm, PlanForms
from plans.models import AnnualPlan, PlanRule

CREATED = gettext_lazy("已建立工作方案草稿，已按本部门 1 月 1 日牵头的事项预先填好。")
SAVED = gettext_lazy("方案已保存。")
SUBMITTED = gettext_lazy("方案已报送备案。")
ACKNOWLEDGED = gettext_lazy("方案已备案。")
RETURNED = gettext_lazy("方案已退回，部门修改后可再次报送。")
PUBLISHED = gettext_lazy("方案已在本平台公开。")
REVISING = gettext_lazy("已发起修订：修改后须再次报送备案；公开的仍是上一版，直到新版备案并公开。")


def _flash_errors(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


class PlanWorkspaceView(LoginRequiredMixin, ListView):
    """The plans the account writes, decides on or oversees, and a form to open one."""

    template_name = "plans/plan_list.html"
    context_object_name = "plans"

    def get_queryset(self):
        return selectors.plans_for_member(self.request.user)

    def get_context_data(self, **kwargs):
        membership = permissions.membership_of(self.request.user)
        can_create = membership is not None and membership.is_department_staff
        return super().get_context_data(
            membership=membership,
            create_form=PlanCreateForm() if can_create else None,
            offices=permissions.office_jurisdictions(self.request.user),
            breadcrumbs=[(_("工作台"), reverse("reports:workspace")), (_("年度工作方案"), None)],
            **kwargs,
        )


class PlanCreateView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        membership = permissions.membership_of(request.user)
        if membership is None or not membership.is_department_staff:
            raise PermissionDenied
        department = Department.objects.select_related("jurisdiction").get(pk=membership.department_id)
        form = PlanCreateForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("请选择有效的方案年度。"))
            return redirect("plans:workspace")
        try:
            plan = services.plan_create(user=request.user, department=department, year=form.cleaned_data["year"])
        except ValidationError as error:
            _flash_errors(request, error)
            return redirect("plans:workspace")
        messages.success(request, CREATED)
        return redirect(plan.get_workspace_url())


class PlanMixin(LoginRequiredMixin):
    @cached_property
    def plan(self):
        return selectors.plan_for_reader(self.request.user, self.kwargs["pk"])

    def plan_context(self, **extra):
        plan, user = self.plan, self.request.user
        staff = permissions.is_staff_of(user, plan.department)
        latest = selectors.latest_revision(plan)
        return {
            "plan": plan,
            "rule": PlanRule.objects.for_province(province_of(plan.department.jurisdiction)),
            # Staff see the plan as it stands; the office and supervisors the revision last submitted to them.
            "shown_revision": None if staff else latest,
            "latest_revision": latest,
            "revisions": sorted(plan.revisions.all(), key=lambda revision: revision.number),
            "can_edit": permissions.can_edit(user, plan),
            "can_submit": permissions.can_submit(user, plan),
            "can_decide": permissions.can_decide(user, plan),
            "can_publish": permissions.can_publish(user, plan),
            "can_revise": permissions.can_revise(user, plan),
            "difference": selectors.plan_report_difference(plan.department, plan.year),
            "breadcrumbs": [
                (_("工作台"), reverse("reports:workspace")),
                (_("年度工作方案"), reverse("plans:workspace")),
                (str(plan), None),
            ],
            **extra,
        }


class PlanDetailView(KeepsTypedText, PlanMixin, TemplateView):
    """The plan's form while its department may edit it; otherwise the plan as it stands, with the next step."""

    template_name = "plans/plan_detail.html"

    def get_context_data(self, **kwargs):
        forms = kwargs.pop("forms", None)
        if forms is None and permissions.can_edit(self.request.user, self.plan):
            forms = PlanForms(self.plan, self.restored_post())
        decision_form = kwargs.pop("decision_form", None) or DecisionForm()
        error_links = forms.error_links() if forms is not None else []
        context = self.plan_context(forms=forms, decision_form=decision_form, error_links=error_links)
        return super().get_context_data(**context, **kwargs)

    def post(self, request, pk):
        plan = self.plan
        action = request.POST.get("action", "save")
        if action == "submit" and plan.state == AnnualPlan.State.SUBMITTED and permissions.can_read(request.user, plan):
            messages.info(request, _("这份方案已经报送备案，本次没有重复报送。"))
            return redirect(plan.get_workspace_url())
        if not permissions.can_edit(request.user, plan):
            raise PermissionDenied
        if action == "submit" and not permissions.can_submit(request.user, plan):
            raise PermissionDenied  # before saving: a forged submit must not save either
        forms = PlanForms(plan, request.POST)
        if not forms.is_valid():
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        try:
            plan = services.plan_draft_save(
                plan=plan,
                user=request.user,
                expected_version=forms.text.cleaned_data["version"],
                overall_goal=forms.text.cleaned_data["overall_goal"],
                entries=forms.entries_input(),
            )
        except services.StaleVersion as error:
            forms.text.add_error(None, error.messages)
            forms.keep_typed_text_at_version(AnnualPlan.objects.get(pk=plan.pk).version)
            return self.render_to_response(self.get_context_data(forms=forms, conflict=True), status=409)
        except ValidationError as error:
            forms.text.add_error(None, error.messages)
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        if action != "submit":
            messages.success(request, SAVED)
            return redirect(plan.get_workspace_url())
        try:
            services.plan_submit(plan=plan, user=request.user, expected_version=plan.version)
        except ValidationError as error:
            _flash_errors(request, error)  # the text is saved; say why it cannot go yet
        else:
            messages.success(request, SUBMITTED)
        return redirect(plan.get_workspace_url())


class PlanDecisionView(PlanMixin, TemplateView):
    """The committee office acknowledges the plan (备案) or returns it with its comments."""

    template_name = "plans/plan_detail.html"
    http_method_names = ["post"]

    def post(self, request, pk):
        form = DecisionForm(request.POST)
        action = request.POST.get("action")
        if not form.is_valid() or action not in ("acknowledge", "return"):
            return self.render_to_response(self.get_context_data(**self.plan_context(decision_form=form)), status=400)
        service = services.plan_acknowledge if action == "acknowledge" else services.plan_return
        try:
            service(plan=self.plan, user=request.user, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            if hasattr(error, "error_dict") and "comment" in error.error_dict:
                form.add_error("comment", error.error_dict["comment"])
            else:
                form.add_error(None, error.messages)
            return self.render_to_response(self.get_context_data(**self.plan_context(decision_form=form)), status=400)
        messages.success(request, ACKNOWLEDGED if action == "acknowledge" else RETURNED)
        return redirect(self.plan.get_workspace_url())


class PlanStepView(PlanMixin, View):
    """Publish an acknowledged plan, or open a revision of a published one (the approver's buttons)."""

    http_method_names = ["post"]
    steps = {"publish": (services.plan_publish, PUBLISHED), "revise": (services.plan_revise, REVISING)}

    def post(self, request, pk, step):
        service, done = self.steps[step]
        try:
            service(plan=self.plan, user=request.user)
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            messages.success(request, done)
        return redirect(self.plan.get_workspace_url())


class PublicPlanView(TemplateView):
    """A published plan at its own address: the revision last published, responsible units (and people where the
    province's rule says so), and the history of its filing."""

    template_name = "plans/plan_public.html"

    def get_context_data(self, **kwargs):
        plan = selectors.published_plan(self.kwargs["province"], self.kwargs["department"], self.kwargs["year"])
        department = plan.department
        rule = PlanRule.objects.for_province(province_of(department.jurisdiction))
        return super().get_context_data(
            plan=plan,
            rule=rule,
            revision=plan.published_revision,
            content=selectors.public_content(plan.published_revision, rule),
            revisions=[revision for revision in plan.revisions.all() if revision.decided_at is not None],
            breadcrumbs=[
                (department.jurisdiction.name, reverse("duties:province", args=[department.jurisdiction.slug])),
                (department.short_name, department.get_absolute_url()),
                (_("%(year)s 年度工作方案") % {"year": plan.year}, None),
            ],
            **kwargs,
        )
