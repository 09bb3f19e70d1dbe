"""Forms for the plans' workspace: open a plan, edit it, and the office's decision. They only collect and check
input; plans.services decides whether it may be written."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.models import PlanEntry, plannable_years
from plans.services import PlanEntryInput
from reports.rules import today_in_china


class PlanCreateForm(forms.Form):
    year = forms.TypedChoiceField(label=_("方案年度"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = today_in_china()
        self.fields["year"].choices = [
            (year, _("%(year)s 年度") % {"year": year}) for year in reversed(plannable_years(today))
        ]
        self.fields["year"].initial = today.year


class PlanTextForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    overall_goal = forms.CharField(
        label=_("全年目标"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 5})
    )


class PlanEntryForm(forms.ModelForm):
    class Meta:
        model = PlanEntry
        fields = ["goal", "key_tasks", "measures", "responsible_unit", "responsible_person", "planned_completion"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 2}),
            "key_tasks": forms.Textarea(attrs={"rows": 3}),
            "measures": forms.Textarea(attrs={"rows": 3}),
            "planned_completion": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def as_input(self) -> PlanEntryInput:
        return PlanEntryInput(**{field: self.cleaned_data[field] for field in self.Meta.fields})


class PlanForms:
    """The plan page's forms together: the overall goal, and one form per duty."""

    def __init__(self, plan, data=None):
        self.plan = plan
        self.text = PlanTextForm(data, initial={"version": plan.version, "overall_goal": plan.overall_goal})
        self.entries = [PlanEntryForm(data, instance=entry, prefix=f"entry-{entry.pk}") for entry in plan.entries.all()]

    def is_valid(self):
        return all([form.is_valid() for form in [self.text, *self.entries]])

    def entries_input(self):
        return {form.instance.pk: form.as_input() for form in self.entries}

    def keep_typed_text_at_version(self, version):
        """After a refused save, keep what was typed with the current version: saving again is a deliberate choice."""
        data = self.text.data.copy()
        data["version"] = str(version)
        self.text.data = data


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("办公室意见"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("退回时必填：写明需要修改的地方。"),
    )
