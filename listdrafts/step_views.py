"""The steps after writing: submit for the first review, the office's review, the approval, the publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from listdrafts import selectors, services
from listdrafts.forms import ApprovalForm, ReviewForm, SubmitForm
from listdrafts.views import (
    APPROVAL_RECORDED,
    APPROVED,
    PUBLISHED,
    RETURNED,
    STALE,
    SUBMITTED,
    DraftDetailView,
    flash_errors,
)


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class SubmitView(DraftDetailView):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = SubmitForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(submit_form=form), status=400)
        try:
            services.list_draft_submit(
                draft=self.draft,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                comment=form.cleaned_data["comment"],
            )
        except services.StaleVersion:
            messages.error(request, STALE)
            return redirect(self.draft.get_absolute_url())
        except ValidationError as error:
            _add_errors(form, error)
            return self.render_to_response(self.get_context_data(submit_form=form), status=400)
        messages.success(request, SUBMITTED)
        return redirect(self.draft.get_absolute_url())


class ReviewView(DraftDetailView):
    """The committee office's first review: pass the list, or return it with an overall and per-row comments."""

    http_method_names = ["post"]

    def post(self, request, pk):
        latest = selectors.latest_round(self.draft)
        form = ReviewForm(request.POST, rows=latest.rows if latest else [])
        action = request.POST.get("action")
        if not form.is_valid() or action not in ("approve", "return"):
            return self.render_to_response(self.get_context_data(review_form=form), status=400)
        try:
            if action == "approve":
                services.list_draft_approve(draft=self.draft, user=request.user, comment=form.cleaned_data["comment"])
            else:
                services.list_draft_return(
                    draft=self.draft,
                    user=request.user,
                    comment=form.cleaned_data["comment"],
                    row_comments=form.row_comments(),
                )
        except ValidationError as error:
            _add_errors(form, error)
            return self.render_to_response(self.get_context_data(review_form=form), status=400)
        messages.success(request, APPROVED if action == "approve" else RETURNED)
        return redirect(self.draft.get_absolute_url())


class ApprovalView(DraftDetailView):
    """Record the approval (审定): the decision document and its day."""

    http_method_names = ["post"]

    def post(self, request, pk):
        form = ApprovalForm(request.POST, jurisdiction=self.draft.department.jurisdiction)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(approval_form=form), status=400)
        data = form.cleaned_data
        try:
            services.list_draft_approval_record(
                draft=self.draft,
                user=request.user,
                approved_on=data["approved_on"],
                title=data["approval_title"],
                doc_number=data["approval_doc_number"],
                issued_on=data["approval_issued_on"],
                document=data["approval_document"],
            )
        except ValidationError as error:
            _add_errors(form, error)
            return self.render_to_response(self.get_context_data(approval_form=form), status=400)
        messages.success(request, APPROVAL_RECORDED)
        return redirect(self.draft.get_absolute_url())


class PublishView(DraftDetailView):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            services.list_draft_publish(draft=self.draft, user=request.user)
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, PUBLISHED)
        return redirect(self.draft.get_absolute_url())
