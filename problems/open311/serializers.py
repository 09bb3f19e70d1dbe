"""GeoReport v2's shapes: services, a service's definition, a request as read, a request as filed, the errors.

The fields and their names are the specification's (wiki.open311.org/GeoReport_v2); each is described here as
this portal fills it, so that the schema documents GeoReport's answers as fully as the portal's own API.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from duties.models.jurisdictions import JURISDICTION_PATTERN
from problems.models import Problem
from problems.models.limits import LIMITS_TIMEZONE

CLOSED = (Problem.Status.CLOSED, Problem.Status.DECLINED)
STATUS_OPEN, STATUS_CLOSED = "open", "closed"
SERVICE_GROUP = "生态环境"
# No NUL character (nothing stored holds one); a text also has something besides spaces, since fields are
# trimmed before they are read.
NO_NUL = r"^[^\x00]*$"
TEXT = r"^[^\x00]*[^\s\x00][^\x00]*$"


def _optional(max_length, help_text):
    return serializers.RegexField(NO_NUL, max_length=max_length, required=False, allow_blank=True, help_text=help_text)


def services() -> list[dict]:
    return [
        {
            "service_code": code,
            "service_name": str(label).split("（")[0],
            "description": str(label),
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": SERVICE_GROUP,
        }
        for code, label in Problem.Category.choices
    ]


class GeoReportErrorSerializer(serializers.Serializer):
    code = serializers.IntegerField(help_text="HTTP 状态码，与响应的状态码相同。")
    description = serializers.CharField(help_text="出错的原因，出错的参数名在前（如“status: …”）。")


class GeoReportErrorsSerializer(serializers.Serializer):
    """GeoReport's error answer, a list of errors (documented by problems.open311.schema)."""


class ServiceSerializer(serializers.Serializer):
    service_code = serializers.ChoiceField(
        choices=Problem.Category.choices, help_text="服务代码，即问题类别；提交时作为 service_code。"
    )
    service_name = serializers.CharField(help_text="服务名称，如“大气”。")
    description = serializers.CharField(help_text="服务说明，如“大气（扬尘、废气、异味）”。")
    metadata = serializers.BooleanField(help_text="是否有附加属性（services/{service_code}.json）：本系统均为 false。")
    type = serializers.ChoiceField(
        choices=[("realtime", "实时"), ("batch", "批量"), ("blackbox", "黑箱")],
        help_text="realtime：提交后立即给出 service_request_id（本系统均是）。",
    )
    keywords = serializers.CharField(allow_blank=True, help_text="逗号分隔的关键词；本系统为空字符串。")
    group = serializers.CharField(help_text=f"服务分组：均为“{SERVICE_GROUP}”。")


class ServiceAttributeValueSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="选项的值。")
    name = serializers.CharField(help_text="选项的名称。")


class ServiceAttributeSerializer(serializers.Serializer):
    variable = serializers.BooleanField(help_text="true：须由提交者填写；false：仅为说明。")
    code = serializers.CharField(help_text="属性代码，提交时作为 attribute[code]。")
    datatype = serializers.ChoiceField(
        choices=[
            ("string", "字符串"),
            ("number", "数字"),
            ("datetime", "日期时间"),
            ("text", "长文本"),
            ("singlevaluelist", "单选"),
            ("multivaluelist", "多选"),
        ],
        help_text="数据类型。",
    )
    required = serializers.BooleanField(help_text="是否必填。")
    datatype_description = serializers.CharField(allow_blank=True, help_text="对数据格式的说明。")
    order = serializers.IntegerField(min_value=0, help_text="显示顺序。")
    description = serializers.CharField(help_text="属性说明（向提交者提出的问题）。")
    values = ServiceAttributeValueSerializer(many=True, help_text="可选值（列表类型时）。")


class ServiceDefinitionSerializer(serializers.Serializer):
    service_code = serializers.ChoiceField(choices=Problem.Category.choices, help_text="服务代码。")
    attributes = ServiceAttributeSerializer(many=True, help_text="附加属性：本系统的服务均没有，为空列表。")


class CreatedSerializer(serializers.Serializer):
    service_request_id = serializers.CharField(help_text="问题编号（requests/{service_request_id}.json）。")
    service_notice = serializers.CharField(help_text="告知来电人的说明：几日内告知是否受理。")
    account_id = serializers.CharField(allow_null=True, help_text="本系统不设账号：均为 null。")


class RequestSerializer(serializers.ModelSerializer):
    """A request as anyone reads it: the moderated text, the county, the department; no caller's data."""

    service_request_id = serializers.CharField(source="number", help_text="问题编号，如 2026-000001。")
    status = serializers.SerializerMethodField(help_text="open：办理中；closed：已销号或不予受理。")
    status_notes = serializers.CharField(source="get_status_display", help_text="本系统的办理状态，如“办理中”。")
    service_name = serializers.SerializerMethodField(help_text="服务名称，如“大气”。")
    service_code = serializers.ChoiceField(source="category", choices=Problem.Category.choices, help_text="服务代码。")
    description = serializers.CharField(
        source="public_text", help_text="办公室审核后公开的问题描述；公开前为空字符串（来电人的原话从不给出）。"
    )
    agency_responsible = serializers.SerializerMethodField(help_text="承办部门的全称；尚未交办时为 null。")
    service_notice = serializers.SerializerMethodField(help_text="本系统不用：均为 null。")
    requested_datetime = serializers.SerializerMethodField(help_text="收到时间（W3C 日期时间，北京时间）。")
    updated_datetime = serializers.SerializerMethodField(help_text="最近一次交办、受理、办结或销号的时间。")
    expected_datetime = serializers.SerializerMethodField(
        help_text="当前步骤（受理或办结）期限的最后时刻；已办结或已销号时为 null。"
    )
    address = serializers.CharField(source="jurisdiction.name", help_text="问题所在区县（不给出具体地点）。")
    address_id = serializers.SerializerMethodField(help_text="本系统不用：均为 null。")
    zipcode = serializers.SerializerMethodField(help_text="本系统不用：均为 null。")
    lat = serializers.SerializerMethodField(help_text="不公开具体地点：均为 null。")
    long = serializers.SerializerMethodField(help_text="不公开具体地点：均为 null。")
    media_url = serializers.SerializerMethodField(help_text="不公开照片地址：均为 null。")

    class Meta:
        model = Problem
        fields = [
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "address_id",
            "zipcode",
            "lat",
            "long",
            "media_url",
        ]

    @extend_schema_field({"type": "string", "enum": [STATUS_OPEN, STATUS_CLOSED]})
    def get_status(self, problem):
        return STATUS_CLOSED if problem.status in CLOSED else STATUS_OPEN

    def get_service_name(self, problem) -> str:
        return str(problem.get_category_display()).split("（")[0]

    def get_agency_responsible(self, problem) -> str | None:
        return problem.department.name if problem.department_id else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_service_notice(self, problem):
        return None

    def _w3c(self, moment):
        return moment.astimezone(LIMITS_TIMEZONE).isoformat(timespec="seconds") if moment else None

    @extend_schema_field({"type": "string", "format": "date-time"})
    def get_requested_datetime(self, problem):
        return self._w3c(problem.received_at)

    @extend_schema_field({"type": "string", "format": "date-time"})
    def get_updated_datetime(self, problem):
        moments = [problem.closed_at, problem.handled_at, problem.accepted_at, problem.assigned_at, problem.received_at]
        return self._w3c(max(moment for moment in moments if moment))

    @extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
    def get_expected_datetime(self, problem):
        due = problem.current_due
        return f"{due.isoformat()}T23:59:59+08:00" if due else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_address_id(self, problem):
        return None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_zipcode(self, problem):
        return None

    @extend_schema_field({"type": "number", "nullable": True})
    def get_lat(self, problem):
        return None  # the place is private: a county is the most any reader is told

    @extend_schema_field({"type": "number", "nullable": True})
    def get_long(self, problem):
        return None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_media_url(self, problem):
        return None


class RequestCreateSerializer(serializers.Serializer):
    """A request filed by a hotline on a caller's behalf: GeoReport's form fields, as this portal reads them."""

    api_key = serializers.RegexField(
        TEXT,
        max_length=100,
        help_text="热线系统的密钥（在管理后台或用 issue_hotline_key 命令签发）；无效或缺失时 403。",
    )
    jurisdiction_id = serializers.RegexField(
        JURISDICTION_PATTERN, help_text="问题所在行政区：行政区划代码（如 360121）或省份拼音。"
    )
    service_code = serializers.ChoiceField(choices=Problem.Category.choices, help_text="服务代码（services.json）。")
    description = serializers.RegexField(
        TEXT, max_length=5000, help_text="来电人反映的问题（仅办公室和承办部门可见）。"
    )
    address_string = _optional(200, "具体地点（仅办公室和承办部门可见）。须提供 address_string，或 lat 和 long。")
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90, help_text="纬度（WGS84）。")
    long = serializers.FloatField(required=False, min_value=-180, max_value=180, help_text="经度（WGS84）。")
    email = serializers.EmailField(
        max_length=254, required=False, allow_blank=True, help_text="来电人的电子邮箱（不公开）。"
    )
    first_name = _optional(30, "来电人的名（不公开）。")
    last_name = _optional(30, "来电人的姓（不公开）。")
    phone = _optional(30, "来电人的电话（不公开）。")
    device_id = _optional(100, "设备标识：不保存。")
    account_id = _optional(100, "账号：不保存。")
    media_url = _optional(2000, "照片地址：不下载、不保存（照片只能由举报人在网页上传）。")

    def validate(self, attrs):
        if not attrs.get("address_string") and (attrs.get("lat") is None or attrs.get("long") is None):
            raise serializers.ValidationError({"address_string": "须提供 address_string，或 lat 和 long。"})
        return attrs
