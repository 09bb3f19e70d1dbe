"""The report form: the overall section and one entry per duty the department leads."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from reports.models import ReportEntry

BAD_LINK = _("第 %(line)s 行不是有效的网址：%(value)s")


class ReportForm(forms.Form):
    overall = forms.CharField(
        label=_("总体履职情况"), required=False, widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class EntryForm(forms.Form):
    duty_id = forms.IntegerField(widget=forms.HiddenInput)
    progress = forms.ChoiceField(label=_("进展"), choices=ReportEntry.Progress.choices)
    work_done = forms.CharField(
        label=_("履职情况"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    figures = forms.CharField(
        label=_("主要数据"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    evidence_links = forms.CharField(
        label=_("佐证材料链接"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("每行一个网址。"),
        max_length=4000,
    )

    def clean_evidence_links(self):
        value = self.cleaned_data["evidence_links"]
        validate = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(value.splitlines(), start=1):
            if line.strip():
                try:
                    validate(line.strip())
                except forms.ValidationError:
                    raise forms.ValidationError(BAD_LINK, params={"line": number, "value": line.strip()}) from None
        return value


EntryFormSet = forms.formset_factory(EntryForm, extra=0, max_num=1000, validate_max=True)
