"""The filters every list accepts, shared by the HTML pages and the API.

A province is named by its GB/T 2260 code (`360000`) or its pinyin slug (`jiangxi`);
`province` keeps everything published inside it (its cities and counties share the
code's first two digits), `jurisdiction` only what that one jurisdiction publishes.
"""

import django_filters
from django import forms
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

import search
from api.parameters import MAX_WHOLE_NUMBER, is_whole_number
from duties import editions
from duties.days import DayFilter
from duties.models import (
    Department,
    Document,
    DutyItem,
    DutyRole,
    Edition,
    Jurisdiction,
    Provision,
    Requirement,
    Sector,
)
from duties.models.jurisdictions import JURISDICTION_PATTERN

WHOLE_NUMBER = _("应为正整数，只含数字 0–9（如 2025）。")
BOOLEAN = _("应为 true 或 false。")
TEXT_TOO_LONG = _("最多 %(limit_value)d 个字符（现有 %(show_value)d 个）。")
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": MAX_WHOLE_NUMBER}
SLUG_SCHEMA = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 60, "example": "housing-construction"}
JURISDICTION_SCHEMA = {"type": "string", "pattern": JURISDICTION_PATTERN, "example": "jiangxi"}


class WholeNumberField(forms.IntegerField):
    """A non-negative integer written in ASCII digits, nothing else."""

    default_error_messages = {"invalid": WHOLE_NUMBER}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not is_whole_number(value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


@extend_schema_field({"type": "integer", "minimum": 0})
class WholeNumberFilter(django_filters.Filter):
    """A filter on a whole number (django-filter's NumberFilter reads decimals: `1e3`, `2025.5`)."""

    field_class = WholeNumberField


class IdChoiceField(forms.ModelChoiceField):
    """A record by its id, written in digits; any other text is an error before any query."""

    def to_python(self, value):
        if value not in self.empty_values and not is_whole_number(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


@extend_schema_field(ID_SCHEMA)
class IdFilter(django_filters.ModelChoiceFilter):
    """A record by its id."""

    field_class = IdChoiceField


class DepartmentFilter(IdFilter):
    """A department by its id."""


@extend_schema_field({"type": "boolean"})
class BooleanFilter(django_filters.TypedChoiceFilter):
    """`true` or `false`, nothing else: a typo (`maybe`, `yes`) is an error, not silently "any"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value == "true")
        kwargs.setdefault("error_messages", {"invalid_choice": BOOLEAN})
        super().__init__(*args, **kwargs)


class SearchTextField(forms.CharField):
    """The words of a search, at most search.MAX_QUERY_LENGTH characters as sent (before any trimming)."""

    default_error_messages = {"max_length": TEXT_TOO_LONG}

    def __init__(self, **kwargs):
        super().__init__(max_length=search.MAX_QUERY_LENGTH, strip=False, **kwargs)


# No NUL character: nothing stored contains one, and PostgreSQL refuses it (portal/null_characters.py).
@extend_schema_field(
    {
        "type": "string",
        "minLength": 1,
        "maxLength": search.MAX_QUERY_LENGTH,
        "pattern": "^[^\\x00]*$",
        "example": "扬尘",
    }
)
class SearchFilter(django_filters.CharFilter):
    """A search over the list (search/): every word must match; simplified and traditional alike."""

    field_class = SearchTextField

    def __init__(self, **kwargs):
        kwargs.setdefault("method", lambda queryset, name, value: search.search(queryset, value))
        super().__init__(**kwargs)


class JurisdictionField(forms.ModelChoiceField):
    """A jurisdiction by its code or, for a province, its pinyin slug, any case (`Jurisdiction.objects.named`)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return self.queryset.get_named(value)


@extend_schema_field(JURISDICTION_SCHEMA)
class JurisdictionFilter(django_filters.ModelChoiceFilter):
    field_class = JurisdictionField


def province_prefix(jurisdiction):
    """The code prefix shared by a province and every city and county inside it."""
    return jurisdiction.code[:2]


class InArrayOf(Func):
    """`column = ANY(ARRAY(subquery))` on PostgreSQL, `column IN (subquery)` elsewhere.

    The array is computed once, before the scan: given a join or `IN (subquery)` instead, the planner
    may loop the search's n-gram index once per document of the province (800 ms instead of 12).
    """

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        (column_sql, column_params), (subquery_sql, subquery_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        operator = "= ANY(ARRAY{})" if connection.vendor == "postgresql" else "IN {}"
        return f"{column_sql} {operator.format(subquery_sql)}", (*column_params, *subquery_params)


def filter_in_province(queryset, field_path, jurisdiction):
    if jurisdiction is None:
        return queryset
    if jurisdiction.level != Jurisdiction.Level.PROVINCE:
        return queryset.filter(**{field_path: jurisdiction})
    if field_path.endswith("document__jurisdiction"):
        documents = Document.objects.filter(jurisdiction__code__startswith=province_prefix(jurisdiction)).values("pk")
        document_path = field_path.removesuffix("__jurisdiction")
        return queryset.filter(InArrayOf(F(document_path), Subquery(documents)))
    return queryset.filter(**{f"{field_path}__code__startswith": province_prefix(jurisdiction)})


def province_filter(field_path):
    return JurisdictionFilter(
        label=_("省份"),
        queryset=Jurisdiction.objects.all(),
        method=lambda queryset, name, value: filter_in_province(queryset, field_path, value),
        help_text=_("行政区划代码（如 360000）或省份拼音（如 jiangxi）；含其下各市县。"),
    )


def jurisdiction_filter(field_path):
    return JurisdictionFilter(
        label=_("行政区"),
        queryset=Jurisdiction.objects.all(),
        field_name=field_path,
        help_text=_("只含该行政区本级发布的内容（行政区划代码）。"),
    )


@extend_schema_field(SLUG_SCHEMA)
class SectorFilter(django_filters.ModelChoiceFilter):
    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("label", _("职能领域"))
        kwargs.setdefault("help_text", _("职能领域代码，如 housing-construction。"))
        super().__init__(field_name=field_name, queryset=Sector.objects.all(), **kwargs)


class DepartmentFilterSet(django_filters.FilterSet):
    province = province_filter("jurisdiction")
    jurisdiction = jurisdiction_filter("jurisdiction")
    sector = SectorFilter("sector")
    key_duties = BooleanFilter(
        field_name="bears_key_duties", label=_("承担重要生态环境保护职责"), help_text=_("true 或 false。")
    )
    search = SearchFilter(label=_("名称包含"), help_text=_("部门的全称、简称或其他写法包含的词，简繁体均可。"))

    class Meta:
        model = Department
        fields = ["province", "jurisdiction", "sector", "key_duties", "search"]


class DutyItemFilterSet(django_filters.FilterSet):
    province = province_filter("document__jurisdiction")
    jurisdiction = jurisdiction_filter("document__jurisdiction")
    document = IdFilter(
        queryset=Document.objects.all(), label=_("文件"), help_text=_("政策文件编号：该文件列出的事项。")
    )
    lead_department = DepartmentFilter(
        queryset=Department.objects.all(),
        method="filter_lead_department",
        label=_("牵头部门"),
        help_text=_("部门编号；含会同牵头。"),
    )
    department = DepartmentFilter(
        queryset=Department.objects.all(),
        method="filter_department",
        label=_("涉及部门"),
        help_text=_("部门编号：牵头、会同牵头或配合该事项；可与 role 合用。"),
    )
    role = django_filters.ChoiceFilter(
        choices=DutyRole.Role.choices,
        method="filter_role",
        label=_("角色"),
        help_text=_("与 department 合用时限定该部门的角色，单独使用时筛选含该角色部门的事项。"),
    )
    sector = SectorFilter("roles__department__sector", method="filter_sector", help_text=_("牵头部门的职能领域。"))
    search = SearchFilter(label=_("关键词"), help_text=_("事项文本及其牵头部门名称包含的词，简繁体均可。"))
    as_of = DayFilter(
        method="filter_as_of",
        label=_("日期"),
        help_text=_("YYYY-MM-DD：列出当日有效的清单（各事项当日的版本）；缺省为今天。"),
    )
    lineage = WholeNumberFilter(
        min_value=1,
        max_value=MAX_WHOLE_NUMBER,
        label=_("事项标识"),
        help_text=_("同一事项各版本共用的标识；与 as_of 合用可查某日由谁牵头。"),
    )
    edition = IdFilter(
        queryset=Edition.objects.all(), label=_("清单版本"), help_text=_("清单版本编号：该版本新增或修订的事项。")
    )

    class Meta:
        model = DutyItem
        fields = [
            "province",
            "jurisdiction",
            "document",
            "lead_department",
            "department",
            "role",
            "sector",
            "search",
            "as_of",
            "lineage",
            "edition",
        ]

    def filter_queryset(self, queryset):
        # Without a date the list in force today, so that a filter never mixes versions of one duty.
        if not self.form.cleaned_data.get("as_of") and not self.form.cleaned_data.get("edition"):
            queryset = queryset.current()
        return super().filter_queryset(queryset)

    def filter_as_of(self, queryset, name, value):
        return queryset.as_of(value)

    def _has_role(self, **conditions):
        return Exists(DutyRole.objects.filter(duty=OuterRef("pk"), **conditions))

    def filter_lead_department(self, queryset, name, value):
        return queryset.filter(self._has_role(department=value, role__in=DutyRole.LEADING))

    def filter_department(self, queryset, name, value):
        role = self.form.cleaned_data.get("role")
        conditions = {"department": value, **({"role": role} if role else {})}
        return queryset.filter(self._has_role(**conditions))

    def filter_role(self, queryset, name, value):
        if self.form.cleaned_data.get("department"):
            return queryset  # applied together with the department
        return queryset.filter(self._has_role(role=value))

    def filter_sector(self, queryset, name, value):
        return queryset.filter(self._has_role(department__sector=value, role__in=DutyRole.LEADING))


class DocumentFilterSet(django_filters.FilterSet):
    province = province_filter("jurisdiction")
    jurisdiction = jurisdiction_filter("jurisdiction")
    search = SearchFilter(label=_("关键词"), help_text=_("标题、文号和全文包含的词，简繁体均可。"))

    class Meta:
        model = Document
        fields = ["province", "jurisdiction", "search"]


class ProvisionFilterSet(django_filters.FilterSet):
    province = province_filter("document__jurisdiction")
    jurisdiction = jurisdiction_filter("document__jurisdiction")
    document = IdFilter(queryset=Document.objects.all(), label=_("文件"))
    kind = django_filters.ChoiceFilter(choices=Provision.Kind.choices, label=_("类型"))
    search = SearchFilter(label=_("关键词"))

    class Meta:
        model = Provision
        fields = ["province", "jurisdiction", "document", "kind", "search"]


class EditionFilterSet(django_filters.FilterSet):
    province = province_filter("jurisdiction")
    jurisdiction = jurisdiction_filter("jurisdiction")
    department = DepartmentFilter(
        queryset=Department.objects.all(),
        method="filter_department",
        label=_("部门"),
        help_text=_("部门编号：改动过该部门清单的版本（含整份清单的版本），只列该部门的改动。"),
    )
    effective_after = DayFilter(
        field_name="effective_on", lookup_expr="gte", label=_("生效日期不早于"), help_text=_("YYYY-MM-DD。")
    )
    effective_before = DayFilter(
        field_name="effective_on", lookup_expr="lte", label=_("生效日期不晚于"), help_text=_("YYYY-MM-DD。")
    )

    class Meta:
        model = Edition
        fields = ["province", "jurisdiction", "department", "effective_after", "effective_before"]

    def filter_department(self, queryset, name, value):
        return queryset.filter(pk__in=editions.editions_of_department(value).values("pk"))


class RequirementFilterSet(django_filters.FilterSet):
    province = province_filter("document__jurisdiction")
    jurisdiction = jurisdiction_filter("document__jurisdiction")
    document = django_filters.ModelChoiceFilter(queryset=Document.objects.all(), label=_("文件"))
    department = DepartmentFilter(
        queryset=Department.objects.all(),
        method="filter_department",
        label=_("涉及部门"),
        help_text=_("部门编号：该要求所针对或要求配合的部门。"),
    )

    class Meta:
        model = Requirement
        fields = ["province", "jurisdiction", "document", "department"]

    def filter_department(self, queryset, name, value):
        return queryset.naming(value)
