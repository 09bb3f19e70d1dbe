"""GeoReport v2's shapes: services, a request as read, a request as filed, the errors."""

from rest_framework import serializers

from problems.models import Problem
from problems.models.limits import LIMITS_TIMEZONE

CLOSED = (Problem.Status.CLOSED, Problem.Status.DECLINED)


def services() -> list[dict]:
    return [
        {
            "service_code": code,
            "service_name": str(label).split("（")[0],
            "description": str(label),
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "生态环境",
        }
        for code, label in Problem.Category.choices
    ]


class ServiceSerializer(serializers.Serializer):
    service_code = serializers.CharField()
    service_name = serializers.CharField()
    description = serializers.CharField()
    metadata = serializers.BooleanField()
    type = serializers.CharField()
    keywords = serializers.CharField(allow_blank=True)
    group = serializers.CharField()


class ServiceDefinitionSerializer(serializers.Serializer):
    service_code = serializers.CharField()
    attributes = serializers.ListField(child=serializers.DictField())


class CreatedSerializer(serializers.Serializer):
    service_request_id = serializers.CharField()
    service_notice = serializers.CharField()
    account_id = serializers.CharField(allow_null=True)


class RequestSerializer(serializers.ModelSerializer):
    """A request as anyone reads it: the moderated text, the county, the department; no caller's data."""

    service_request_id = serializers.CharField(source="number")
    status = serializers.SerializerMethodField()
    status_notes = serializers.CharField(source="get_status_display")
    service_name = serializers.SerializerMethodField()
    service_code = serializers.CharField(source="category")
    description = serializers.CharField(source="public_text")
    agency_responsible = serializers.SerializerMethodField()
    service_notice = serializers.SerializerMethodField()
    requested_datetime = serializers.SerializerMethodField()
    updated_datetime = serializers.SerializerMethodField()
    expected_datetime = serializers.SerializerMethodField()
    address = serializers.CharField(source="jurisdiction.name", help_text="问题所在区县（不给出具体地点）。")
    address_id = serializers.SerializerMethodField()
    zipcode = serializers.SerializerMethodField()
    lat = serializers.SerializerMethodField()
    long = serializers.SerializerMethodField()
    media_url = serializers.SerializerMethodField()

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

    def get_status(self, problem) -> str:
        return "closed" if problem.status in CLOSED else "open"

    def get_service_name(self, problem) -> str:
        return str(problem.get_category_display()).split("（")[0]

    def get_agency_responsible(self, problem) -> str | None:
        return problem.department.name if problem.department_id else None

    def get_service_notice(self, problem) -> str | None:
        return None

    def _w3c(self, moment):
        return moment.astimezone(LIMITS_TIMEZONE).isoformat(timespec="seconds") if moment else None

    def get_requested_datetime(self, problem) -> str:
        return self._w3c(problem.received_at)

    def get_updated_datetime(self, problem) -> str | None:
        moments = [problem.closed_at, problem.handled_at, problem.accepted_at, problem.assigned_at, problem.received_at]
        return self._w3c(max(moment for moment in moments if moment))

    def get_expected_datetime(self, problem) -> str | None:
        due = problem.current_due
        return f"{due.isoformat()}T23:59:59+08:00" if due else None

    def get_address_id(self, problem) -> str | None:
        return None

    def get_zipcode(self, problem) -> str | None:
        return None

    def get_lat(self, problem) -> float | None:
        return None  # the place is private: a county is the most any reader is told

    def get_long(self, problem) -> float | None:
        return None

    def get_media_url(self, problem) -> str | None:
        return None


class RequestCreateSerializer(serializers.Serializer):
    api_key = serializers.CharField(help_text="热线系统密钥。")
    jurisdiction_id = serializers.CharField(max_length=60, help_text="行政区划代码（如 360121）。")
    service_code = serializers.ChoiceField(choices=Problem.Category.values)
    description = serializers.CharField(max_length=5000)
    address_string = serializers.CharField(max_length=200, required=False, allow_blank=True)
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90)
    long = serializers.FloatField(required=False, min_value=-180, max_value=180)
    email = serializers.EmailField(required=False, allow_blank=True)
    first_name = serializers.CharField(max_length=30, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=30, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    device_id = serializers.CharField(max_length=100, required=False, allow_blank=True)
    account_id = serializers.CharField(max_length=100, required=False, allow_blank=True)
    media_url = serializers.URLField(required=False, allow_blank=True)

    def validate(self, attrs):
        if not attrs.get("address_string") and (attrs.get("lat") is None or attrs.get("long") is None):
            raise serializers.ValidationError({"address_string": "须提供 address_string，或 lat 和 long。"})
        return attrs
