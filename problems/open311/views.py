"""Open311 GeoReport v2 (`/open311/v2/`): services, requests (POST to file, GET to read), requests/{id}, JSON.

Hotline systems file on a caller's behalf with an API key (problems.HotlineKey, issued in the admin or by
`manage.py issue_hotline_key`). `jurisdiction_id` is a GB/T 2260 code (or a province's pinyin): the place the
problem is in. A request's `description` as read back is the office's moderated text, its `address` the
county; the caller's name, phone, e-mail and words are never returned. Errors are GeoReport's list of
`{"code", "description"}`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, parsers, renderers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from duties.models import Jurisdiction
from problems import selectors, services
from problems.models import HotlineKey, Problem, TimeLimits
from problems.open311 import serializers

STATUS_OPEN, STATUS_CLOSED = "open", "closed"
MAX_RESULTS = 1000
DEFAULT_DAYS = 90
CLOSED_STATUSES = [Problem.Status.CLOSED, Problem.Status.DECLINED]
CONTACT = ("first_name", "last_name", "phone", "email", "description", "address_string")


def _person_name(first: str, last: str) -> str:
    """A Chinese name is written family name first, without a space; others "first last"."""
    if any("\u4e00" <= char <= "\u9fff" for char in first + last):
        return f"{last}{first}".strip()
    return f"{first} {last}".strip()


def error(code: int, description: str) -> Response:
    return Response([{"code": code, "description": description}], status=code)


ERRORS = OpenApiResponse(
    response={
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"code": {"type": "integer"}, "description": {"type": "string"}},
            "required": ["code", "description"],
        },
    },
    description="GeoReport 的错误列表：[{code, description}]。",
)
JURISDICTION = OpenApiParameter("jurisdiction_id", str, description="行政区划代码（如 360121）或省份拼音。")


class GeoReportView(APIView):
    authentication_classes = []
    permission_classes = []
    renderer_classes = [renderers.JSONRenderer]
    parser_classes = [parsers.FormParser, parsers.MultiPartParser, parsers.JSONParser]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # A NUL character names nothing, and the database refuses it: a 400, not a server error.
        values = [*request.query_params.values(), *map(str, kwargs.values())]
        if any("\x00" in value for value in values):
            raise exceptions.ValidationError({"parameters": "参数中不能有 NUL 字符。"})

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.APIException) and not isinstance(exc, exceptions.Throttled):
            detail = exc.detail
            message = (
                "; ".join(f"{key}: {value}" for key, value in detail.items())
                if isinstance(detail, dict)
                else str(detail)
            )
            return error(exc.status_code, message)
        return super().handle_exception(exc)

    def jurisdiction(self, value, *, required=False):
        if not value:
            if required:
                raise exceptions.ValidationError({"jurisdiction_id": "必须提供。"})
            return None
        try:
            return Jurisdiction.objects.select_related("parent__parent").get_named(value)
        except ValidationError as refused:
            raise exceptions.ValidationError({"jurisdiction_id": refused.messages[0]}) from None


class ServiceListView(GeoReportView):
    @extend_schema(
        operation_id="open311_services",
        parameters=[JURISDICTION],
        responses={200: serializers.ServiceSerializer(many=True), 400: ERRORS},
        tags=["open311"],
    )
    def get(self, request):
        """The problem categories (service types) a request may be filed under."""
        self.jurisdiction(request.query_params.get("jurisdiction_id"))
        return Response(serializers.services())


class ServiceDefinitionView(GeoReportView):
    @extend_schema(
        operation_id="open311_service_definition",
        parameters=[JURISDICTION],
        responses={200: serializers.ServiceDefinitionSerializer, 400: ERRORS, 404: ERRORS},
        tags=["open311"],
    )
    def get(self, request, service_code):
        """A service's extra attributes: none (every service's `metadata` is false)."""
        if service_code not in Problem.Category.values:
            return error(404, f"service_code {service_code[:40]} 不存在。")
        return Response({"service_code": service_code, "attributes": []})


def _visible():
    """What a client reads: every request filed and not withdrawn, so that a hotline can follow what it filed
    at once; until the office publishes it, its `description` is empty (the caller's words are never read)."""
    problems = Problem.objects.exclude(status=Problem.Status.WITHDRAWN).with_places()
    return problems.only(*selectors.PUBLIC_FIELDS, "jurisdiction", "department")


@method_decorator(sensitive_post_parameters(*CONTACT), name="dispatch")
class RequestListView(GeoReportView):
    @extend_schema(
        operation_id="open311_requests",
        parameters=[
            JURISDICTION,
            OpenApiParameter("service_request_id", str, description="逗号分隔的问题编号；给出时忽略其他条件。"),
            OpenApiParameter("service_code", str, description="类别。"),
            OpenApiParameter("start_date", str, description="收到时间下限（W3C 日期时间）。"),
            OpenApiParameter("end_date", str, description="收到时间上限（W3C 日期时间）。"),
            OpenApiParameter("status", str, description="open 或 closed，可逗号分隔。"),
        ],
        responses={200: serializers.RequestSerializer(many=True), 400: ERRORS},
        tags=["open311"],
    )
    def get(self, request):
        """Requests, newest first: by id, or by category, dates and status (90 days and 1,000 at most)."""
        params = request.query_params
        problems = _visible()
        ids = [value.strip() for value in params.get("service_request_id", "").split(",") if value.strip()]
        if ids:
            problems = problems.filter(number__in=ids[:MAX_RESULTS])
        else:
            problems = self._filtered(problems, params)
        rows = list(problems.order_by("-received_at", "-id")[:MAX_RESULTS])
        return Response(serializers.RequestSerializer(rows, many=True).data)

    def _filtered(self, problems, params):
        jurisdiction = self.jurisdiction(params.get("jurisdiction_id"))
        if jurisdiction is not None:
            prefix = {"province": 2, "prefecture": 4}.get(jurisdiction.level, 6)
            problems = problems.filter(jurisdiction__code__startswith=jurisdiction.code[:prefix])
        if code := params.get("service_code"):
            problems = problems.filter(category=code)
        end = self._moment(params, "end_date") or timezone.now()
        try:
            start = self._moment(params, "start_date") or end - datetime.timedelta(days=DEFAULT_DAYS)
        except OverflowError:
            raise exceptions.ValidationError({"end_date": "日期超出范围。"}) from None
        problems = problems.filter(received_at__gte=start, received_at__lte=end)
        wanted = {value.strip() for value in params.get("status", "").split(",") if value.strip()}
        if wanted - {STATUS_OPEN, STATUS_CLOSED}:
            raise exceptions.ValidationError({"status": "只能是 open 或 closed。"})
        if wanted == {STATUS_OPEN}:
            problems = problems.exclude(status__in=CLOSED_STATUSES)
        elif wanted == {STATUS_CLOSED}:
            problems = problems.filter(status__in=CLOSED_STATUSES)
        return problems

    @staticmethod
    def _moment(params, name):
        value = params.get(name)
        if not value:
            return None
        try:
            moment = parse_datetime(value.replace(" ", "+"))
            if moment is not None and not timezone.is_aware(moment):
                moment = timezone.make_aware(moment)
            if moment is not None:
                moment.astimezone(datetime.UTC)  # a time the database can hold
        except (ValueError, OverflowError):
            moment = None
        if moment is None:
            raise exceptions.ValidationError({name: "应为 W3C 日期时间，如 2026-03-01T00:00:00+08:00。"})
        return moment

    @extend_schema(
        operation_id="open311_request_create",
        request=serializers.RequestCreateSerializer,
        responses={201: serializers.CreatedSerializer(many=True), 400: ERRORS, 403: ERRORS},
        tags=["open311"],
    )
    def post(self, request):
        """File a request on a caller's behalf (an API key is required)."""
        if not hasattr(request.data, "get"):
            return error(400, "请求体应为表单字段。")
        hotline = HotlineKey.authenticate(str(request.data.get("api_key", "")))
        if hotline is None:
            return error(403, "api_key 无效或缺失。")
        data = serializers.RequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        jurisdiction = self.jurisdiction(values["jurisdiction_id"], required=True)
        place = values.get("address_string") or f"{values['lat']},{values['long']}"
        name = _person_name(values.get("first_name", ""), values.get("last_name", ""))
        try:
            filed = services.problem_submit(
                jurisdiction=jurisdiction,
                place=place[:200],
                category=values["service_code"],
                description=values["description"],
                submit_token=services.new_submit_token(),
                reporter_name=name[:60],
                reporter_phone=values.get("phone", ""),
                reporter_email=values.get("email", ""),
                source=Problem.Source.HOTLINE,
                hotline=hotline,
            )
        except ValidationError as refused:
            return error(400, "; ".join(refused.messages))
        limits = TimeLimits.for_jurisdiction(jurisdiction)
        notice = f"将于 {filed.problem.acceptance_due:%Y-%m-%d} 前（{limits.acceptance_days} 日内）告知是否受理。"
        body = [{"service_request_id": filed.problem.number, "service_notice": notice, "account_id": None}]
        return Response(body, status=status.HTTP_201_CREATED)


class RequestDetailView(GeoReportView):
    @extend_schema(
        operation_id="open311_request",
        parameters=[JURISDICTION],
        responses={200: serializers.RequestSerializer(many=True), 400: ERRORS, 404: ERRORS},
        tags=["open311"],
    )
    def get(self, request, service_request_id):
        """One request, as a list of one (GeoReport's shape)."""
        problem = _visible().filter(number=service_request_id).first()
        if problem is None:
            return error(404, f"service_request_id {service_request_id[:40]} 不存在。")
        return Response(serializers.RequestSerializer([problem], many=True).data)
