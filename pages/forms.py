"""The search box and its filters, as the search page shows them."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from duties.filtersets import JurisdictionField, SearchTextField
from duties.models import Department, Jurisdiction, Sector


class SearchForm(forms.Form):
    """The search page's box and filters: each field is named as the filter it sets (`search`, `province` …)."""

    # The filters' own field: at most search.MAX_QUERY_LENGTH characters as typed, as the API counts them.
    search = SearchTextField(
        label=_("关键词"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("如：扬尘、噪声、排污口、厕所")}),
    )
    province = JurisdictionField(
        label=_("省份"),
        queryset=Jurisdiction.objects.provinces(),
        to_field_name="slug",
        required=False,
        empty_label=_("全部省份"),
    )
    sector = forms.ModelChoiceField(
        label=_("职能领域"), queryset=Sector.objects.all(), required=False, empty_label=_("全部领域")
    )
    department = forms.ModelChoiceField(
        label=_("部门"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("全部部门"),
        help_text=_("选择省份并搜索后，可按该省部门筛选。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the chosen province's departments: a national list would be tens of thousands long.
        province = self.data.get("province") if self.is_bound else None
        if province:
            try:
                chosen = Jurisdiction.objects.provinces().named(province)
            except ValidationError:
                return  # the province field reports it
            self.fields["department"].queryset = Department.objects.filter(jurisdiction__in=chosen).order_by("position")
