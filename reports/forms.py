"""Forms for the workspace: open a report, edit a draft (or a correction), sign in.

The forms only collect and check input; reports.services decides whether it may be written.
"""

from dataclasses import dataclass

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from reports import attachments, rules
from reports.models import ReportEntry, ReportSection
from reports.services import EntryInput
from reports.text_limits import CORRECTION_REASON_MAX_LENGTH, OVERALL_MAX_LENGTH, TextLimitValidator

LIMIT_HINT = _("最多 {limit} 字。")


class CountedTextField(forms.CharField):
    """Text whose limit the hint states and a small script counts as one types (static/js/forms.js).

    The limit is enforced with an error that says by how much, never by cutting the text: the widget carries no
    maxlength, at which a browser silently cuts a paste. Line breaks count as one character, as the script counts.
    """

    def __init__(self, *, max_length, **kwargs):
        super().__init__(max_length=max_length, **kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]
        self.validators.append(TextLimitValidator(max_length))
        hint = format_lazy(LIMIT_HINT, limit=f"{max_length:,}")
        self.help_text = format_lazy("{} {}", self.help_text, hint) if self.help_text else hint

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs["data-max-chars"] = str(self.max_length)
        return attrs


FORM_TOP = "form-errors"  # the id of the panel a form's own (non-field) errors are shown in


@dataclass(frozen=True)
class ErrorLink:
    href: str
    message: str


def error_links(labelled_forms) -> list[ErrorLink]:
    """GOV.UK's error summary: one link per message, to the field it is about (or the form's top), each message
    saying which field, and in a page of many alike (a report's entries), which one: `(context, form)` pairs."""
    links = []
    for context, form in labelled_forms:
        for name, messages in form.errors.items():
            bound = form[name] if name != NON_FIELD_ERRORS and name in form.fields else None
            if bound is None or bound.is_hidden:
                href, label = f"#{FORM_TOP}", ""
            else:
                href, label = f"#{bound.id_for_label}", str(bound.label)
            about = " · ".join(part for part in (context, label) if part)
            links.extend(ErrorLink(href, f"{about}：{message}" if about else message) for message in messages)
    return links


def counted(*names):
    """ModelForm Meta.field_classes: these model text fields are counted, with the model's limit."""
    return dict.fromkeys(names, CountedTextField)


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("用户名或密码不正确。连续多次输错，账号将被暂时锁定。"),
        "inactive": _("该账号已停用。"),
    }


class ReportCreateForm(forms.Form):
    """Which year's report to open: the years the department's province's rule asks for, newest first."""

    year = forms.TypedChoiceField(label=_("报告年度"), coerce=int)

    def __init__(self, *args, rule, **kwargs):
        super().__init__(*args, **kwargs)
        today = rules.today_in_china()
        years = rule.report_years(today) if rule is not None else range(0)
        self.fields["year"].choices = [(year, _("%(year)s 年度") % {"year": year}) for year in reversed(years)]
        self.fields["year"].initial = today.year - 1


class ReportTextForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    overall = CountedTextField(
        label=_("生态环境保护职责履行总体情况"),
        required=False,
        max_length=OVERALL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    overall.required_note = _("报送前必填")  # a draft may be saved without it (reports.services.report_submit)


class EntryForm(forms.ModelForm):
    class Meta:
        model = ReportEntry
        fields = ["status", "progress", "figures", "evidence_links"]
        field_classes = counted("progress", "figures", "evidence_links")
        widgets = {
            "progress": forms.Textarea(attrs={"rows": 3}),
            "figures": forms.Textarea(attrs={"rows": 2}),
            "evidence_links": forms.Textarea(attrs={"rows": 2, "placeholder": "https://"}),
        }

    def as_input(self) -> EntryInput:
        data = self.cleaned_data
        return EntryInput(
            status=data["status"],
            progress=data["progress"],
            figures=data["figures"],
            evidence_links=data["evidence_links"],
        )


class SectionForm(forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = ["body"]
        field_classes = counted("body")
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class AttachmentForm(forms.Form):
    attachment = forms.FileField(
        label=_("上传佐证材料"),
        required=False,
        help_text=_("PDF、PNG 或 JPEG，单个文件不超过 %(limit)s。"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )
    remove = forms.TypedMultipleChoiceField(label=_("删除附件"), required=False, coerce=int)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = self.fields["attachment"].help_text % {
            "limit": filesizeformat(attachments.max_bytes())
        }
        self.fields["remove"].choices = [(item.pk, item.original_name) for item in report.attachments.all()]


class CorrectionForm(forms.Form):
    reason = CountedTextField(
        label=_("更正说明"), max_length=CORRECTION_REASON_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportForms:
    """The draft (or correction) page's forms together: the text, one form per entry and per section."""

    def __init__(self, report, data=None, files=None, *, with_attachments=True, with_reason=False):
        self.report = report
        self.text = ReportTextForm(data, initial={"version": report.version, "overall": report.overall})
        self.entries = [EntryForm(data, instance=entry, prefix=f"entry-{entry.pk}") for entry in report.entries.all()]
        self.sections = [
            SectionForm(data, instance=section, prefix=f"section-{section.pk}") for section in report.sections.all()
        ]
        self.attachments = AttachmentForm(data, files, report=report) if with_attachments else None
        self.correction = CorrectionForm(data) if with_reason else None

    @property
    def all_forms(self):
        extra = [form for form in (self.attachments, self.correction) if form is not None]
        return [self.text, *self.entries, *self.sections, *extra]

    def is_valid(self):
        return all([form.is_valid() for form in self.all_forms])

    @property
    def has_errors(self):
        return any(form.errors for form in self.all_forms)

    def error_links(self) -> list[ErrorLink]:
        entries = [(_("第 %(number)s 项事项") % {"number": n}, form) for n, form in enumerate(self.entries, start=1)]
        sections = [(form.instance.title, form) for form in self.sections]
        extra = [("", form) for form in (self.attachments, self.correction) if form is not None]
        return error_links([("", self.text), *sections, *entries, *extra])

    def entries_input(self):
        return {form.instance.pk: form.as_input() for form in self.entries}

    def sections_input(self):
        return {form.instance.pk: form.cleaned_data["body"] for form in self.sections}

    def keep_typed_text_at_version(self, version):
        """After a refused save, show what the user typed with the current version, so that saving again
        is a deliberate choice made after reading the warning."""
        data = self.text.data.copy()
        data["version"] = str(version)
        self.text.data = data
