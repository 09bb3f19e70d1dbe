"""Open311 GeoReport v2 (`/open311/v2/`): services, requests (POST to file, GET to read), requests/{id}, JSON.

Hotline systems file on a caller's behalf with an API key (problems.HotlineKey, issued in the admin or by
`manage.py issue_hotline_key`), as GeoReport's form fields. `jurisdiction_id` is a GB/T 2260 code (or a
province's pinyin): the place the problem is in. A request's `description` as read back is the office's
moderated text, its `address` the county; the caller's name, phone, e-mail and words are never returned.

GeoReport fixes the shapes; the portal's rules hold within them: each operation takes the parameters its
schema documents (problems.open311.schema), each once and never empty, and answers anything else with
GeoReport's error list, `[{"code": 400, "description": "<parameter>: …"}]`.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from rest_framework import exceptions, parsers, renderers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from api.parameters import query_errors
from duties.models import Jurisdiction
from problems import selectors, services
from problems.models import HotlineKey, Problem, TimeLimits
from problems.open311 import dates, schema, serializers

MAX_RESULTS = 1000
DEFAULT_DAYS = 90
CLOSED_STATUSES = [Problem.Status.CLOSED, Problem.Status.DECLINED]
CONTACT = ("first_name", "last_name", "phone", "email", "description", "address_string")
UNKNOWN_SERVICE = "没有服务代码“%(code)s”；可用的服务代码见 services.json。"
UNKNOWN_STATUS = "只能是 open 或 closed，或以逗号分隔的两者。"
UNKNOWN_FIELD = "没有字段“%(name)s”；可用的字段：%(accepted)s。"
NAME_SHOWN = 40


def _person_name(first: str, last: str) -> str:
    """A Chinese name is written family name first, without a space; others "first last"."""
    if any("\u4e00" <= char <= "\u9fff" for char in first + last):
        return f"{last}{first}".strip()
    return f"{first} {last}".strip()


def error(code: int, description: str) -> Response:
    return Response([{"code": code, "description": description}], status=code)


def _described(detail) -> str:
    """An error's detail as one line: `status: 只能是 open 或 closed。; end_date: …`."""
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_described(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_described(item) for item in detail)
    return str(detail)


class GeoReportView(APIView):
    authentication_classes = []
    permission_classes = []
    renderer_classes = [renderers.JSONRenderer]
    # GeoReport v2 files a request as form fields (application/x-www-form-urlencoded, or multipart).
    parser_classes = [parsers.FormParser, parsers.MultiPartParser]
    query_parameters: dict[str, tuple[str, ...]] = {}

    def initial(self, request, *args, **kwargs):
        # A method the endpoint does not serve is a 405 whatever its parameters.
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        accepted = self.query_parameters.get(request.method.lower(), ())
        errors = query_errors(request.query_params, accepted)
        if errors:
            raise exceptions.ValidationError(errors)
        self.jurisdiction(request.query_params.get("jurisdiction_id"))

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.APIException) and not isinstance(exc, exceptions.Throttled):
            return error(exc.status_code, _described(exc.detail))
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
    query_parameters = {"get": ("jurisdiction_id",)}

    @schema.services
    def get(self, request):
        """The problem categories (service types) a request may be filed under."""
        return Response(serializers.services())


class ServiceDefinitionView(GeoReportView):
    query_parameters = {"get": ("jurisdiction_id",)}

    @schema.service_definition
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
    query_parameters = {"get": schema.REQUESTS_QUERY}

    @schema.requests
    def get(self, request):
        """Requests, newest first: by id, or by place, category, dates and status (90 days and 1,000 at most)."""
        params = request.query_params
        conditions = self._conditions(params)  # every parameter is checked, whether it is used or not
        problems = _visible()
        ids = [value.strip() for value in params.get("service_request_id", "").split(",") if value.strip()]
        problems = problems.filter(number__in=ids[:MAX_RESULTS]) if ids else problems.filter(**conditions)
        if not ids and params.get("status"):
            problems = self._with_status(problems, params["status"])
        rows = list(problems.order_by("-received_at", "-id")[:MAX_RESULTS])
        return Response(serializers.RequestSerializer(rows, many=True).data)

    def _conditions(self, params) -> dict:
        conditions = {}
        jurisdiction = self.jurisdiction(params.get("jurisdiction_id"))
        if jurisdiction is not None:
            prefix = {"province": 2, "prefecture": 4}.get(jurisdiction.level, 6)
            conditions["jurisdiction__code__startswith"] = jurisdiction.code[:prefix]
        if (code := params.get("service_code")) is not None:
            if code not in Problem.Category.values:
                raise exceptions.ValidationError({"service_code": UNKNOWN_SERVICE % {"code": code[:40]}})
            conditions["category"] = code
        end = dates.moment(params, "end_date") or timezone.now()
        start = dates.moment(params, "start_date") or dates.days_before(end, DEFAULT_DAYS)
        self._statuses(params.get("status"))
        return {**conditions, "received_at__gte": start, "received_at__lte": end}

    @staticmethod
    def _statuses(value) -> set[str]:
        wanted = set(value.split(",")) if value is not None else set()
        if wanted - {serializers.STATUS_OPEN, serializers.STATUS_CLOSED}:
            raise exceptions.ValidationError({"status": UNKNOWN_STATUS})
        return wanted

    def _with_status(self, problems, value):
        wanted = self._statuses(value)
        if wanted == {serializers.STATUS_OPEN}:
            return problems.exclude(status__in=CLOSED_STATUSES)
        if wanted == {serializers.STATUS_CLOSED}:
            return problems.filter(status__in=CLOSED_STATUSES)
        return problems

    @schema.request_create
    def post(self, request):
        """File a request on a caller's behalf (an API key is required)."""
        hotline = HotlineKey.authenticate(str(request.data.get("api_key", "")))
        if hotline is None:
            return error(403, "api_key 无效或缺失。")
        data = serializers.RequestCreateSerializer(data=request.data)
        # GeoReport's fields and no other: this portal's services have no attributes (`metadata` is false).
        accepted = "、".join(data.fields)
        unknown = {
            name[:NAME_SHOWN]: UNKNOWN_FIELD % {"name": name[:NAME_SHOWN], "accepted": accepted}
            for name in request.data
            if name not in data.fields
        }
        if unknown:
            raise exceptions.ValidationError(unknown)
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
    query_parameters = {"get": ("jurisdiction_id",)}

    @schema.request
    def get(self, request, service_request_id):
        """One request, as a list of one (GeoReport's shape)."""
        problem = _visible().filter(number=service_request_id).first()
        if problem is None:
            return error(404, f"service_request_id {service_request_id[:40]} 不存在。")
        return Response(serializers.RequestSerializer([problem], many=True).data)
