"""The calendar's parameters, read the same way by the page, the API and the iCalendar feed: `province` (code or
slug), `department` (id; its province is implied), `year` (this year by default), `kind`, `status`. An error
names its parameter."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from calendars.deadlines import DEADLINE_STATUSES, STATUS_LABELS, DeadlineKind
from duties.models import Department, Jurisdiction
from duties.models.jurisdictions import province_of
from reports.rules import today_in_china

PROVINCE_OR_DEPARTMENT_REQUIRED = _("请指定省份（province）或部门（department）。")
UNKNOWN_DEPARTMENT = _("没有编号为“%(value)s”的部门。")
DEPARTMENT_NOT_IN_PROVINCE = _("该部门不属于所指定的省份。")
YEAR_MIN, YEAR_MAX = 2000, 2100


class CalendarQuery(forms.Form):
    province = forms.CharField(label=_("省份"), required=False, max_length=60)
    department = forms.IntegerField(label=_("部门编号"), required=False, min_value=1)
    year = forms.IntegerField(label=_("年份"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    kind = forms.ChoiceField(
        label=_("类型"), required=False, choices=[("", _("全部"))] + list(DeadlineKind.LABELS.items())
    )
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部"))] + [(s, STATUS_LABELS[s]) for s in DEADLINE_STATUSES]
    )

    def clean_province(self):
        value = self.cleaned_data["province"]
        return Jurisdiction.objects.provinces().get_named(value) if value else None

    def clean_department(self):
        value = self.cleaned_data["department"]
        if value is None:
            return None
        department = Department.objects.select_related("jurisdiction__parent__parent").filter(pk=value).first()
        if department is None:
            raise ValidationError(UNKNOWN_DEPARTMENT, params={"value": value})
        return department

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        department, province = data.get("department"), data.get("province")
        if department is not None:
            implied = province_of(department.jurisdiction)
            if province is not None and province.pk != implied.pk:
                self.add_error("department", DEPARTMENT_NOT_IN_PROVINCE)
            data["province"] = implied
        elif province is None:
            self.add_error("province", PROVINCE_OR_DEPARTMENT_REQUIRED)
        data["year"] = data.get("year") or today_in_china().year
        return data

    def selection(self) -> dict:
        """What the valid form asks for, as deadlines_for's arguments."""
        data = self.cleaned_data
        return {
            "province": data["province"],
            "department": data["department"],
            "kinds": [data["kind"]] if data.get("kind") else None,
            "statuses": [data["status"]] if data.get("status") else None,
        }
