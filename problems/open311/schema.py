"""What the OpenAPI schema says of GeoReport v2's operations: their parameters, answers and errors.

Every error GeoReport's views give is its list of `{code, description}`, whatever the status (400, 403, 404,
405, 406, 415); 429 and 503 are the portal's `{"detail"}` like every endpoint's (api.errors).
"""

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.plumbing import build_array_type
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from duties.filtersets import JURISDICTION_SCHEMA
from problems.models import Problem
from problems.open311 import dates, serializers

TAGS = ["open311"]


class GeoReportErrorsExtension(OpenApiSerializerExtension):
    """GeoReport's errors are a list: one component, `GeoReportErrors`, an array of `GeoReportError`."""

    target_class = serializers.GeoReportErrorsSerializer

    def map_serializer(self, auto_schema, direction):
        error = auto_schema.resolve_serializer(serializers.GeoReportErrorSerializer, direction)
        return {**build_array_type(error.ref), "minItems": 1, "description": "GeoReport 的错误列表。"}


class RequestCreateExtension(OpenApiSerializerExtension):
    """A request filed takes GeoReport's fields and no other (an unknown field is a 400 naming it)."""

    target_class = serializers.RequestCreateSerializer

    def map_serializer(self, auto_schema, direction):
        return {**auto_schema._map_basic_serializer(self.target, direction), "additionalProperties": False}


def errors(description):
    return OpenApiResponse(response=serializers.GeoReportErrorsSerializer, description=description)


ERRORS = errors("GeoReport 的错误列表：[{code, description}]，description 以出错的参数名开头。")
NOT_FOUND = errors("没有这个服务代码或问题编号：GeoReport 的错误列表。")
NOT_ACCEPTABLE = errors("只能给出 JSON（Accept 头）：GeoReport 的错误列表。")
COMMON_ERRORS = {400: ERRORS, 404: NOT_FOUND, 406: NOT_ACCEPTABLE}

JURISDICTION = OpenApiParameter(
    "jurisdiction_id",
    JURISDICTION_SCHEMA,
    description="行政区划代码（如 360121）或省份拼音（如 jiangxi）：问题所在行政区，含其下各市县。可省略。",
)
NO_NUL = {"type": "string", "pattern": serializers.NO_NUL, "minLength": 1}
MOMENT = {
    "type": "string",
    "format": "date-time",
    "pattern": dates.SCHEMA_PATTERN,
    "example": "2026-03-01T00:00:00+08:00",
}
STATUSES = {"type": "string", "pattern": "^(open|closed)(,(open|closed))*$", "example": "open"}
REQUESTS_PARAMETERS = [
    JURISDICTION,
    OpenApiParameter(
        "service_request_id",
        {**NO_NUL, "example": "2026-000001,2026-000002"},
        description="逗号分隔的问题编号（最多 1,000 个）；给出时不再按其他条件筛选（其他条件仍须有效）。",
    ),
    OpenApiParameter(
        "service_code",
        {"type": "string", "enum": Problem.Category.values},
        description="服务代码（问题类别，见 services.json）。",
    ),
    OpenApiParameter("start_date", MOMENT, description="收到时间不早于（W3C 日期时间）；缺省为 end_date 前 90 天。"),
    OpenApiParameter("end_date", MOMENT, description="收到时间不晚于（W3C 日期时间）；缺省为现在。"),
    OpenApiParameter("status", STATUSES, description="open（办理中）或 closed（已销号或不予受理），可逗号分隔两者。"),
]
REQUESTS_QUERY = tuple(parameter.name for parameter in REQUESTS_PARAMETERS)
NUMBER = OpenApiParameter(
    "service_request_id",
    {"type": "string", "pattern": "^[0-9]{4}-[0-9]{6,}$", "example": "2026-000001"},
    OpenApiParameter.PATH,
    description="问题编号。",
)
SERVICE_CODE = OpenApiParameter(
    "service_code",
    {"type": "string", "enum": Problem.Category.values},
    OpenApiParameter.PATH,
    description="服务代码（services.json）。",
)

services = extend_schema(
    operation_id="open311_services",
    parameters=[JURISDICTION],
    responses={200: serializers.ServiceSerializer(many=True), **COMMON_ERRORS},
    tags=TAGS,
)
service_definition = extend_schema(
    operation_id="open311_service_definition",
    parameters=[SERVICE_CODE, JURISDICTION],
    responses={200: serializers.ServiceDefinitionSerializer, **COMMON_ERRORS},
    tags=TAGS,
)
requests = extend_schema(
    operation_id="open311_requests",
    parameters=REQUESTS_PARAMETERS,
    responses={200: serializers.RequestSerializer(many=True), **COMMON_ERRORS},
    tags=TAGS,
)
request_create = extend_schema(
    operation_id="open311_request_create",
    # GeoReport's form fields; multipart/form-data is read too, for clients that send it.
    request={"application/x-www-form-urlencoded": serializers.RequestCreateSerializer},
    responses={
        201: serializers.CreatedSerializer(many=True),
        **COMMON_ERRORS,
        403: errors("api_key 无效或缺失：GeoReport 的错误列表。"),
        415: errors("请求体只能是表单（application/x-www-form-urlencoded 或 multipart/form-data）。"),
    },
    tags=TAGS,
)
request = extend_schema(
    operation_id="open311_request",
    parameters=[NUMBER, JURISDICTION],
    responses={200: serializers.RequestSerializer(many=True), **COMMON_ERRORS},
    tags=TAGS,
)
