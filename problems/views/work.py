"""The workspace of the committee offices, the departments' handlers and the supervisors: the queue, a
problem's internal page with the steps the account may take, and the supervisors' board."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import ListView, TemplateView

from duties.models import Department, Jurisdiction
from problems import forms, permissions, routing, selectors, services
from problems.filtersets import ProblemFilterSet
from problems.models import Consultation, Opinion, TimeLimits
from problems.views.public import PAGE_SIZE, timeline_rows

DONE = gettext_lazy("已记录：%(step)s。")
FIX_ERRORS = gettext_lazy("未能记录，请查看标红的提示。")
NOT_NOW = gettext_lazy("这一步现在不能进行（可能已经有人处理过）：页面已更新为最新状态。")


def _service_call(action, problem, user, data):
    """The service each action of the internal page calls, with the form's cleaned data."""
    calls = {
        "publish": lambda: services.problem_publish(problem=problem, user=user, public_text=data["public_text"]),
        "assign": lambda: services.problem_assign(
            problem=problem,
            user=user,
            department=data["department"],
            note=data["note"],
            public_text=data["public_text"],
        ),
        "decline": lambda: services.problem_decline(problem=problem, user=user, reason=data["reason"]),
        "consult": lambda: services.consultation_open(
            problem=problem, user=user, departments=list(data["departments"]), question=data["question"]
        ),
        "decide": lambda: services.consultation_decide(
            consultation=get_object_or_404(Consultation, pk=data["consultation"], problem=problem),
            user=user,
            lead=data["lead"],
            decision=data["decision"],
            approved_by=data["approved_by"],
            approved_on=data["approved_on"],
            duty_text=data["duty_text"],
        ),
        "opinion": lambda: services.opinion_record(
            opinion=get_object_or_404(Opinion, pk=data["opinion"], consultation__problem=problem),
            user=user,
            text=data["text"],
        ),
        "accept": lambda: services.problem_accept(problem=problem, user=user, note=data["note"]),
        "return": lambda: services.problem_return(problem=problem, user=user, reason=data["reason"]),
        "progress": lambda: services.problem_progress(
            problem=problem, user=user, note=data["note"], photos=data["photos"]
        ),
        "extend": lambda: services.problem_extend(problem=problem, user=user, days=data["days"], reason=data["reason"]),
        "rectify": lambda: services.problem_rectify(
            problem=problem, user=user, note=data["note"], photos=data["photos"]
        ),
        "finish": lambda: services.problem_finish(problem=problem, user=user, note=data["note"]),
        "close": lambda: services.problem_close(problem=problem, user=user, note=data["note"]),
        "reopen": lambda: services.problem_reopen(problem=problem, user=user, reason=data["reason"]),
    }
    return calls[action]()


ACTIONS = {
    # action: (label, form class, whether the form needs the problem, the predicate that offers it)
    "publish": (gettext_lazy("审核并公开"), forms.PublishForm, False, permissions.can_publish),
    "assign": (gettext_lazy("交办"), forms.AssignForm, True, permissions.can_assign),
    "decline": (gettext_lazy("不予受理"), forms.ReasonForm, False, permissions.can_decline),
    "consult": (gettext_lazy("发起会商"), forms.ConsultationForm, True, permissions.can_open_consultation),
    "decide": (gettext_lazy("记录会商决定"), forms.DecisionForm, True, permissions.can_decide_consultation),
    "opinion": (gettext_lazy("提出会商意见"), forms.OpinionForm, False, permissions.can_give_opinion_on),
    "accept": (gettext_lazy("受理"), forms.OptionalNoteForm, False, permissions.can_accept),
    "return": (gettext_lazy("退回办公室"), forms.ReasonForm, False, permissions.can_return),
    "progress": (gettext_lazy("发布办理进展"), forms.EvidenceForm, False, permissions.can_handle),
    "extend": (gettext_lazy("延期"), forms.ExtendForm, False, permissions.can_handle),
    "rectify": (gettext_lazy("记录整改"), forms.EvidenceForm, False, permissions.can_handle),
    "finish": (gettext_lazy("办结"), forms.NoteForm, False, permissions.can_handle),
    "close": (gettext_lazy("核查销号"), forms.NoteForm, False, permissions.can_verify),
    "reopen": (gettext_lazy("重新办理"), forms.ReasonForm, False, permissions.can_verify),
}


def _form(action, problem, data=None, files=None):
    _label, form_class, needs_problem, _allowed = ACTIONS[action]
    kwargs = {"problem": problem} if needs_problem else {}
    return form_class(data, files, prefix=action, **kwargs)


class WorkspaceView(LoginRequiredMixin, ListView):
    """The problems the account works on, filtered like the public lists."""

    template_name = "problems/workspace.html"
    context_object_name = "problems"
    paginate_by = PAGE_SIZE

    @cached_property
    def filterset(self):
        return ProblemFilterSet(self.request.GET or None, selectors.work_queue(self.request.user))

    def get_queryset(self):
        if not permissions.is_staff_user(self.request.user):
            raise PermissionDenied
        valid = not self.filterset.is_bound or self.filterset.is_valid()
        return self.filterset.qs if valid else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        province = permissions.supervised_province(self.request.user)
        return super().get_context_data(
            filterset=self.filterset,
            supervised=Jurisdiction.objects.filter(pk=province).first() if province else None,
            offices=Jurisdiction.objects.filter(pk__in=permissions.office_jurisdictions(self.request.user)),
            breadcrumbs=[(_("问题办理工作台"), None)],
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class WorkView(LoginRequiredMixin, TemplateView):
    """A problem's internal page: the reporter's words, the place, the proposals, every step, the actions."""

    template_name = "problems/problem_work.html"

    @cached_property
    def problem(self):
        return selectors.problem_for_work(self.request.user, self.kwargs["number"])

    def offered(self, bound=None):
        user, problem = self.request.user, self.problem
        offered = {}
        for action, (label, _form_class, _needs, allowed) in ACTIONS.items():
            if action != "opinion" and allowed(user, problem):
                offered[action] = (label, bound[1] if bound and bound[0] == action else _form(action, problem))
        return offered

    def opinions(self):
        """The open consultations' opinions the account may give, each with its form."""
        user = self.request.user
        return [
            (opinion, forms.OpinionForm(initial={"opinion": opinion.pk, "text": opinion.text}, prefix="opinion"))
            for consultation in self.problem.consultations.all()
            for opinion in consultation.opinions.all()
            if permissions.can_give_opinion(user, opinion)
        ]

    def get_context_data(self, bound=None, **kwargs):
        problem, user = self.problem, self.request.user
        actions = self.offered(bound)
        decide = actions.get("decide")
        open_consultation = next((c for c in problem.consultations.all() if not c.is_decided), None)
        if decide and open_consultation and not (bound and bound[0] == "decide"):
            decide[1].initial["consultation"] = open_consultation.pk
        return super().get_context_data(
            problem=problem,
            show_contact=permissions.can_read_contact(user, problem),
            routing=routing.route(problem.jurisdiction, problem.description),
            timeline=timeline_rows(problem, problem.events.all()),
            actions=actions,
            opinions=self.opinions(),
            limits=TimeLimits.for_jurisdiction(problem.jurisdiction),
            breadcrumbs=[(_("问题办理工作台"), reverse("problems:workspace")), (problem.number, None)],
            **kwargs,
        )

    def post(self, request, number):
        action = request.POST.get("action")
        if action not in ACTIONS:
            raise Http404
        problem = self.problem
        form = _form(action, problem, request.POST, request.FILES)
        allowed = ACTIONS[action][3]
        if action != "opinion" and not allowed(request.user, problem):
            # A second click, the back button, or someone else took the step first: say so, change nothing.
            messages.info(request, NOT_NOW)
            return redirect(problem.get_workspace_url())
        if form.is_valid():
            try:
                _service_call(action, problem, request.user, form.cleaned_data)
            except PermissionDenied:
                messages.info(request, NOT_NOW)
                return redirect(problem.get_workspace_url())
            except ValidationError as error:
                for field, errors in (
                    error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
                ):
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, DONE % {"step": ACTIONS[action][0]})
                return redirect(problem.get_workspace_url())
        messages.error(request, FIX_ERRORS)
        context = self.get_context_data(bound=(action, form))
        if action == "opinion":
            context["opinion_form"] = form
        return self.render_to_response(context, status=400)


class BoardView(LoginRequiredMixin, TemplateView):
    """The supervisors' board: per department of a province, received, on time, median days, open, overdue."""

    template_name = "problems/board.html"

    def get_context_data(self, **kwargs):
        kwargs.pop("province", None)
        province = get_object_or_404(Jurisdiction.objects.provinces(), slug=self.kwargs["province"])
        user = self.request.user
        if not (permissions.supervises(user, province) or permissions.is_office_for(user, province)):
            if not permissions.is_site_admin(user):
                raise Http404
        departments = list(
            Department.objects.filter(jurisdiction__code__startswith=province.code[:2])
            .select_related("jurisdiction")
            .order_by("jurisdiction_id", "position")
        )
        figures = selectors.department_figures(departments)
        rows = [(department, figures[department.pk]) for department in departments]
        return super().get_context_data(
            province=province,
            rows=[row for row in rows if row[1].received or row[0].bears_key_duties],
            breadcrumbs=[(_("问题办理工作台"), reverse("problems:workspace")), (_("部门办理情况"), None)],
            **kwargs,
        )
