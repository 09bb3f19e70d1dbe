"""Pages: 我要纠错 (public), the reader's private page, the handlers' list and answer page, the contact form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from clients.throttling import rate_limited
from contact import permissions, selectors, services
from contact.forms import AnswerForm, ContactForm, CorrectionForm
from duties.models import Department
from duties.selectors import duties_for_department

SENT = _("纠错意见已送达该部门和生态环境保护委员会办公室。请收藏本页，处理结果会显示在这里。")
FIX_ERRORS = _("请按提示修改后再提交。")
SAVED = _("联系方式已保存，部门页面即时显示。")
ANSWER_SENT = _("答复已保存；读者留了邮箱的，已发邮件告知。")


def _form_errors(form, error: ValidationError):
    pairs = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for field, errors in pairs:
        form.add_error(field if field in form.fields else None, errors)


@method_decorator([never_cache, rate_limited("PUBLIC_FORM_THROTTLE_RATE")], name="dispatch")
class CorrectionNewView(View):
    """我要纠错: what is wrong in a department's list, optionally which item, optionally an e-mail for the answer."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        queryset = Department.objects.select_related("jurisdiction__parent__parent")
        self.department = get_object_or_404(queryset, pk=kwargs["pk"])

    def form(self, data=None, **kwargs):
        return CorrectionForm(
            data,
            duties=duties_for_department(self.department),
            with_captcha=not self.request.user.is_authenticated,
            **kwargs,
        )

    def render_form(self, form, status=200):
        department = self.department
        context = {
            "department": department,
            "form": form,
            "breadcrumbs": [(department.name, department.get_absolute_url()), (_("我要纠错"), None)],
        }
        return render(self.request, "contact/correction_form.html", context, status=status)

    def get(self, request, pk):
        initial = {"submit_token": services.new_submit_token(), "duty": request.GET.get("duty") or None}
        return self.render_form(self.form(initial=initial))

    def post(self, request, pk):
        form = self.form(request.POST)
        if existing := services.sent_with(request.POST.get("submit_token", "")):
            return redirect("contact:correction_track", existing.access_key)  # a double click, a retry
        if not form.is_valid():
            messages.error(request, FIX_ERRORS)
            return self.render_form(form, status=400)
        data = form.cleaned_data
        try:
            sent = services.correction_send(
                department=self.department,
                duty=data["duty"],
                text=data["text"],
                reporter_email=data["reporter_email"],
                submit_token=data["submit_token"],
            )
        except ValidationError as error:
            _form_errors(form, error)
            return self.render_form(form, status=400)
        messages.success(request, SENT)
        return redirect("contact:correction_track", sent.access_key)


@never_cache
def correction_track(request, key):
    correction = selectors.correction_by_key(key)
    if correction is None:
        raise Http404
    context = {"correction": correction, "breadcrumbs": [(_("我的纠错意见"), None)]}
    return render(request, "contact/correction_track.html", context)


@never_cache
@login_required
def correction_list(request):
    if not permissions.is_handler(request.user):
        raise PermissionDenied
    context = {
        "corrections": selectors.corrections_for(request.user)[:200],
        "breadcrumbs": [(_("工作台"), reverse("reports:workspace")), (_("纠错意见"), None)],
    }
    return render(request, "contact/correction_list.html", context)


@method_decorator([never_cache, login_required, sensitive_post_parameters("response")], name="dispatch")
class CorrectionWorkView(View):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.correction = None

    def dispatch(self, request, *args, **kwargs):
        self.correction = selectors.correction_for_work(request.user, kwargs["pk"])
        if self.correction is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form, status=200):
        context = {
            "correction": self.correction,
            "form": form,
            "breadcrumbs": [
                (_("工作台"), reverse("reports:workspace")),
                (_("纠错意见"), reverse("contact:corrections")),
                (self.correction.number, None),
            ],
        }
        return render(self.request, "contact/correction_work.html", context, status=status)

    def get(self, request, pk):
        return self.render_page(AnswerForm())

    def post(self, request, pk):
        form = AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, FIX_ERRORS)
            return self.render_page(form, status=400)
        try:
            services.correction_answer(
                correction=self.correction,
                user=request.user,
                accepted=form.cleaned_data["decision"] == "accepted",
                response=form.cleaned_data["response"],
            )
        except ValidationError as error:
            _form_errors(form, error)
            return self.render_page(form, status=400)
        messages.success(request, ANSWER_SENT)
        return redirect("contact:correction_work", pk)


@method_decorator([never_cache, login_required], name="dispatch")
class ContactEditView(View):
    def dispatch(self, request, *args, **kwargs):
        queryset = Department.objects.select_related("jurisdiction__parent__parent")
        self.department = get_object_or_404(queryset, pk=kwargs["pk"])
        if not permissions.can_edit_contact(request.user, self.department):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form, status=200):
        department = self.department
        context = {
            "department": department,
            "form": form,
            "breadcrumbs": [(department.name, department.get_absolute_url()), (_("联系方式"), None)],
        }
        return render(self.request, "contact/contact_form.html", context, status=status)

    def get(self, request, pk):
        return self.render_page(ContactForm(instance=selectors.contact_of(self.department)))

    def post(self, request, pk):
        form = ContactForm(request.POST)
        if not form.is_valid():
            messages.error(request, FIX_ERRORS)
            return self.render_page(form, status=400)
        try:
            services.contact_save(user=request.user, department=self.department, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
            return self.render_page(form, status=400)
        messages.success(request, SAVED)
        return redirect(self.department.get_absolute_url())
