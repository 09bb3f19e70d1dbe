"""Forms for the plans' workspace: open a plan, edit it, and the office's decision. They only collect and check
input; plans.services decides whether it may be written."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plans.models import PlanEntry, plannable_years
from plans.services import PlanEntryInput
from reports.forms import CountedTextField, ErrorLink, counted, error_links
from reports.rules import today_in_china

# The longest text each part of a plan accepts, in characters: stated, counted as one types and enforced with an
# error (reports.forms.CountedTextField). They belong on plans.models' fields, which carry no limit yet.
OVERALL_GOAL_MAX_LENGTH = 20_000
ENTRY_TEXT_MAX_LENGTHS = {"goal": 5_000, "key_tasks": 10_000, "measures": 10_000}
DECISION_COMMENT_MAX_LENGTH = 5_000


def _counted_entry_field(name, rows):
    model_field = PlanEntry._meta.get_field(name)
    return CountedTextField(
        label=model_field.verbose_name,
        required=False,
        max_length=ENTRY_TEXT_MAX_LENGTHS[name],
        widget=forms.Textarea(attrs={"rows": rows}),
    )


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
    overall_goal = CountedTextField(
        label=_("全年目标"),
        required=False,
        max_length=OVERALL_GOAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PlanEntryForm(forms.ModelForm):
    goal = _counted_entry_field("goal", rows=2)
    key_tasks = _counted_entry_field("key_tasks", rows=3)
    measures = _counted_entry_field("measures", rows=3)

    class Meta:
        model = PlanEntry
        fields = ["goal", "key_tasks", "measures", "responsible_unit", "responsible_person", "planned_completion"]
        field_classes = counted("responsible_unit", "responsible_person")
        widgets = {
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

    def error_links(self) -> list[ErrorLink]:
        entries = [(_("第 %(number)s 项事项") % {"number": n}, form) for n, form in enumerate(self.entries, start=1)]
        return error_links([("", self.text), *entries])

    def keep_typed_text_at_version(self, version):
        """After a refused save, keep what was typed with the current version: saving again is a deliberate choice."""
        data = self.text.data.copy()
        data["version"] = str(version)
        self.text.data = data


class DecisionForm(forms.Form):
    comment = CountedTextField(
        label=_("办公室意见"),
        required=False,
        max_length=DECISION_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("退回时必填：写明需要修改的地方。"),
    )
