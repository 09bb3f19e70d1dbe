"""Read-only endpoints over the duty lists, filtered by the same FilterSets as the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.drainage import get_override
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, mixins, viewsets

from api.filters import SearchAwareOrderingFilter
from api.parameters import DocumentedParametersOnly
from duties import editions, selectors
from duties.api import serializers
from duties.days import DAY_FORMAT, parse_day
from duties.filtersets import (
    JURISDICTION_SCHEMA,
    SLUG_SCHEMA,
    DepartmentFilterSet,
    DocumentFilterSet,
    DutyItemFilterSet,
    EditionFilterSet,
    RequirementFilterSet,
)
from duties.models import (
    Department,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Edition,
    Jurisdiction,
    Provision,
    Requirement,
    Sector,
)
from duties.publication import list_publication_rows

REQUIRED_PROVINCE = "请用 province 指明行政区（代码或省份拼音）。"

NOT_IN_FORCE = "该事项不在 %(day)s 有效的清单中。"


def as_of_parameter(request):
    """The `as_of` date of the query, None when absent; a 400 naming the field when malformed."""
    try:
        return parse_day(request.query_params.get("as_of"))
    except ValueError:
        raise exceptions.ValidationError({"as_of": [str(DAY_FORMAT)]}) from None


def _code_parameter(schema, description):
    return extend_schema(parameters=[OpenApiParameter("code", schema, OpenApiParameter.PATH, description=description)])


@extend_schema_view(
    retrieve=_code_parameter(JURISDICTION_SCHEMA, "行政区划代码（如 360000）或省份拼音（如 jiangxi），不分大小写。")
)
class ProvinceViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Province-level jurisdictions with their counts. `{code}` is the GB/T 2260 code or the pinyin slug."""

    serializer_class = serializers.ProvinceSerializer
    lookup_field = "code"
    lookup_value_regex = "[0-9A-Za-z-]+"
    lookup_description = gettext_lazy("代码或拼音标识")

    def get_queryset(self):
        return selectors.provinces_with_counts().order_by("code")

    def get_object(self):
        try:
            return get_object_or_404(self.get_queryset().named(self.kwargs["code"]))
        except DjangoValidationError:
            raise Http404 from None


@extend_schema_view(retrieve=_code_parameter(SLUG_SCHEMA, "职能领域代码，如 housing-construction。"))
class SectorViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """The sectors (functions of government) that group departments across provinces."""

    serializer_class = serializers.SectorSerializer
    queryset = Sector.objects.order_by("position")
    lookup_field = "code"
    lookup_description = gettext_lazy("代码")


class DepartmentViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Departments, with how many duties each leads."""

    serializer_class = serializers.DepartmentSerializer
    filterset_class = DepartmentFilterSet
    filter_backends = [DjangoFilterBackend, SearchAwareOrderingFilter]
    ordering_fields = ["id", "name", "lead_duty_count", "co_lead_duty_count"]
    ordering = ["jurisdiction_id", "position"]

    def get_queryset(self):
        return Department.objects.with_duty_counts().select_related("jurisdiction__parent__parent", "sector")


class DutyItemViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Specific duty items with their lead, co-lead and cooperating departments and their source."""

    serializer_class = serializers.DutyItemSerializer
    filterset_class = DutyItemFilterSet
    filter_backends = [DjangoFilterBackend, SearchAwareOrderingFilter]
    ordering_fields = ["id", "position"]
    ordering = ["document__jurisdiction_id", "document__position", "position"]
    action_parameters = {"retrieve": ("as_of",)}

    def get_queryset(self):
        # A provision's URL names its document's province: a county's walks up two levels.
        return DutyItem.objects.with_departments().select_related("provision__document__jurisdiction__parent__parent")

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "as_of",
                OpenApiTypes.DATE,
                description="YYYY-MM-DD：返回同一事项在当日有效的版本（当日由谁牵头）；该日不在清单中时 404。",
            )
        ]
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_object(self):
        # Any version by its id, not only today's: links to a past version keep working.
        duty = generics.get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        day = as_of_parameter(self.request)
        if day is None:
            return duty
        version = self.get_queryset().filter(lineage=duty.lineage).as_of(day).first()
        if version is None:
            raise exceptions.NotFound({"as_of": [_(NOT_IN_FORCE) % {"day": day.isoformat()}]})
        return version


LEAD_DEPARTMENT_FILTERS = ("search", "province", "jurisdiction", "document", "sector", "as_of")


def _duty_filter_parameters():
    """The duty filters lead-departments/ accepts, documented from the FilterSet's own filters."""
    filters = DutyItemFilterSet.base_filters
    return [
        OpenApiParameter(
            name,
            get_override(filters[name], "field"),
            description=str(filters[name].extra.get("help_text") or filters[name].label),
        )
        for name in LEAD_DEPARTMENT_FILTERS
    ]


@extend_schema(parameters=_duty_filter_parameters())
class LeadDepartmentViewSet(DocumentedParametersOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Which departments lead the duties that match: each with the matching duties it leads."""

    serializer_class = serializers.LeadDepartmentSerializer
    filter_backends = []
    action_parameters = {"list": LEAD_DEPARTMENT_FILTERS}

    def matching_duties(self):
        params = {
            key: self.request.query_params[key] for key in LEAD_DEPARTMENT_FILTERS if key in self.request.query_params
        }
        filterset = DutyItemFilterSet(params, DutyItem.objects.all(), request=self.request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        return filterset.qs

    def get_queryset(self):
        leading = DutyRole.objects.filter(role__in=DutyRole.LEADING, duty__in=self.matching_duties().values("pk"))
        return (
            Department.objects.filter(Exists(leading.filter(department=OuterRef("pk"))))
            .select_related("jurisdiction", "sector")
            .prefetch_related(
                Prefetch(
                    "duty_roles",
                    queryset=leading.select_related("duty").order_by("duty__document_id", "duty__position"),
                    to_attr="matching_roles",
                )
            )
            .order_by("jurisdiction_id", "position")
        )


class DocumentViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Policy documents; one document comes with its issuing bodies and its whole provision tree."""

    filterset_class = DocumentFilterSet
    filter_backends = [DjangoFilterBackend]

    def get_serializer_class(self):
        return serializers.DocumentDetailSerializer if self.action == "retrieve" else serializers.DocumentSerializer

    def get_queryset(self):
        queryset = selectors.documents_of_all().select_related("jurisdiction__parent__parent")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("issuers", queryset=DocumentIssuer.objects.select_related("department"))
            )
        return queryset

    def get_object(self):
        document = super().get_object()
        # The tree is built from one query over the document's provisions.
        provisions = list(Provision.objects.filter(document=document))
        by_parent = {}
        for provision in provisions:
            provision.document = document  # each provision's URL reads the document's jurisdiction chain
            provision.child_nodes = []
            by_parent.setdefault(provision.parent_id, []).append(provision)
        for provision in provisions:
            provision.child_nodes = by_parent.get(provision.pk, [])
        document.provision_roots = by_parent.get(None, [])
        return document


class EditionViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Dated editions of the duty lists, newest first, each with the duties it added, removed and changed.

    With `department`, only the editions that changed that department's list, and only its duties' changes.
    """

    serializer_class = serializers.EditionSerializer
    filterset_class = EditionFilterSet
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return editions.editions_list()

    def _with_changes(self, editions_shown):
        department = None
        if self.action == "list":  # the filter backend has validated the parameters already
            filterset = EditionFilterSet(self.request.query_params, queryset=Edition.objects.none())
            department = filterset.form.cleaned_data.get("department") if filterset.is_valid() else None
        for item in editions.changes_of(editions_shown, department):
            item.edition.changes_list = item.changes
        return editions_shown

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return self._with_changes(page if page is not None else list(queryset))

    def get_object(self):
        return self._with_changes([super().get_object()])[0]


class RequirementViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """General requirements: provisions that put the same task on many departments or on every level of
    government. They are not specific duty items (`duties/`), and no duty count includes them."""

    serializer_class = serializers.RequirementSerializer
    filterset_class = RequirementFilterSet
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return Requirement.objects.with_departments().select_related("provision__document__jurisdiction__parent")


@extend_schema(
    parameters=[
        OpenApiParameter(
            "province",
            JURISDICTION_SCHEMA,
            required=True,
            description="行政区划代码或省份拼音（如 360000、chongqing）。",
        )
    ]
)
class ListPublicationViewSet(DocumentedParametersOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    """For every department bearing important duties in a jurisdiction: whether it has published its specific
    list, since when, and whether it is overdue against the documents' deadline (if they set one)."""

    serializer_class = serializers.PublicationRowSerializer
    filter_backends = []
    action_parameters = {"list": ("province",)}

    def get_queryset(self):
        value = self.request.query_params.get("province")
        if not value:
            raise exceptions.ValidationError({"province": [REQUIRED_PROVINCE]})
        try:
            jurisdiction = Jurisdiction.objects.get_named(value)
        except DjangoValidationError as error:
            raise exceptions.ValidationError({"province": error.messages}) from None
        return list_publication_rows(jurisdiction, timezone.localdate())
