"""The lists' workspace: a department prepares its list (rows in the web form, or a spreadsheet), submits it for
the first review; the office reviews it; the approval is recorded; the approver publishes it. Every view asks
listdrafts.selectors what the user may read and listdrafts.services for every write."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView

from duties.models import Department
from listdrafts import permissions, selectors, services
from listdrafts.checking import draft_check
from listdrafts.forms import ApprovalForm, ImportForm, ReviewForm, SubmitForm
from listdrafts.models import ListDraft
from listdrafts.procedures import procedure_for
from reports.rules import today_in_china

CREATED = gettext_lazy("已开始编制：草稿中是本部门现行的清单，可逐行修改，或上传表格替换。")
IMPORTED = gettext_lazy("表格已导入草稿，共 %(count)s 行。")
SUBMITTED = gettext_lazy("清单已报送初审。")
APPROVED = gettext_lazy("初审通过：请报党委、政府审定，审定后登记审定文件。")
RETURNED = gettext_lazy("清单已退回，部门修改后可再次报送。")
APPROVAL_RECORDED = gettext_lazy("已登记审定：部门审核人可以公开清单。")
PUBLISHED = gettext_lazy("清单已公开，成为本部门现行的具体事项清单。")
STALE = gettext_lazy("清单在您打开页面后已被修改，请查看最新内容后再操作。")


def flash_errors(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


def crumbs(*tail):
    return [
        (_("工作台"), reverse("reports:workspace")),
        (_("部门具体事项清单"), reverse("listdrafts:workspace")),
        *tail,
    ]


class ListWorkspaceView(LoginRequiredMixin, ListView):
    """The drafts the account prepares, reviews or oversees, and the button to start its department's."""

    template_name = "listdrafts/draft_list.html"
    context_object_name = "drafts"

    def get_queryset(self):
        return selectors.drafts_for_member(self.request.user)

    def get_context_data(self, **kwargs):
        membership = permissions.membership_of(self.request.user)
        department = membership.department if membership is not None and membership.is_department_staff else None
        can_create = (
            department is not None
            and department.bears_key_duties
            and not any(
                draft.department_id == department.pk and draft.state != "published" for draft in self.object_list
            )
        )
        return super().get_context_data(
            membership=membership,
            department=department,
            can_create=can_create,
            procedure=procedure_for(department) if department is not None else None,
            offices=permissions.office_jurisdictions(self.request.user),
            breadcrumbs=[(_("工作台"), reverse("reports:workspace")), (_("部门具体事项清单"), None)],
            **kwargs,
        )

    def post(self, request):
        membership = permissions.membership_of(request.user)
        if membership is None or not membership.is_department_staff:
            raise PermissionDenied
        department = Department.objects.select_related("jurisdiction").get(pk=membership.department_id)
        try:
            draft = services.list_draft_create(user=request.user, department=department)
        except ValidationError as error:
            flash_errors(request, error)
            return redirect("listdrafts:workspace")
        messages.success(request, CREATED)
        return redirect(draft.get_absolute_url())


class DraftMixin(LoginRequiredMixin):
    @cached_property
    def draft(self) -> ListDraft:
        return selectors.draft_for_reader(self.request.user, self.kwargs["pk"])

    def draft_context(self, **forms):
        draft, user = self.draft, self.request.user
        rounds = selectors.rounds_of(draft)
        latest = rounds[-1] if rounds else None
        editable = permissions.can_edit(user, draft)
        rows = list(draft.rows.all()) if editable or latest is None else latest.rows
        check = draft_check(draft, rows, effective_on=today_in_china()) if editable else None
        errors = check.errors_by_row() if check else {}
        returned = latest if latest is not None and latest.decision == "returned" else None
        comments = selectors.comments_by_row(returned)
        review_form = forms.pop("review_form", None)
        if review_form is None and permissions.can_review(user, draft):
            review_form = ReviewForm(rows=latest.rows)
        shown = [
            {
                "row": row,
                "key": row["key"] if isinstance(row, dict) else row.pk,
                "errors": errors.get(row["key"] if isinstance(row, dict) else row.pk, []),
                "comment": comments.get(row["key"] if isinstance(row, dict) else row.pk, ""),
                "review_field": review_form.row_field(row["key"]) if review_form else None,
            }
            for row in rows
        ]
        return {
            "draft": draft,
            "procedure": procedure_for(draft.department),
            "rows": shown,
            "check": check,
            "general_errors": errors.get(None, []),
            "rounds": rounds,
            "returned_round": returned,
            "steps": list(draft.steps.all()),
            "can_edit": editable,
            "can_submit": permissions.can_submit(user, draft),
            "can_review": permissions.can_review(user, draft),
            "can_record_approval": permissions.can_record_approval(user, draft),
            "can_publish": permissions.can_publish(user, draft),
            "import_form": forms.pop("import_form", None) or ImportForm(initial={"version": draft.version}),
            "submit_form": forms.pop("submit_form", None) or SubmitForm(initial={"version": draft.version}),
            "review_form": review_form,
            "approval_form": forms.pop("approval_form", None)
            or ApprovalForm(jurisdiction=draft.department.jurisdiction, initial={"approved_on": today_in_china()}),
            "breadcrumbs": crumbs((draft.department.name, None)),
            **forms,
        }


class DraftDetailView(DraftMixin, TemplateView):
    """The draft as it stands, each row with what the check and the office say about it, and the next step."""

    template_name = "listdrafts/draft_detail.html"

    def get_context_data(self, **kwargs):
        kwargs.pop("pk", None)
        return super().get_context_data(**self.draft_context(**kwargs))
