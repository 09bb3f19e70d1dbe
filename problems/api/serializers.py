"""How problems look in the API: public fields only (never the reporter, the place or their words), and the
routing proposals. Nested objects come from the views' select_related/prefetch_related."""

from rest_framework import serializers

from duties.api.serializers import DepartmentBriefSerializer, JurisdictionBriefSerializer
from problems.models import Event, Problem


class EventSerializer(serializers.ModelSerializer):
    department = DepartmentBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = ["kind", "at", "department", "note", "due_on", "on_time"]


class ProblemSerializer(serializers.ModelSerializer):
    jurisdiction = JurisdictionBriefSerializer(read_only=True)
    department = DepartmentBriefSerializer(read_only=True, allow_null=True)
    text = serializers.CharField(source="public_text", read_only=True, help_text="办公室审核后公开的问题描述。")
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址。")

    class Meta:
        model = Problem
        fields = [
            "number",
            "url",
            "source",
            "category",
            "status",
            "jurisdiction",
            "department",
            "text",
            "received_at",
            "acceptance_due",
            "accepted_at",
            "accepted_on_time",
            "handling_due",
            "extended_days",
            "handled_at",
            "handled_on_time",
            "closed_at",
        ]


class ProblemDetailSerializer(ProblemSerializer):
    events = EventSerializer(many=True, read_only=True, help_text="公开的办理步骤，按时间先后。")

    class Meta(ProblemSerializer.Meta):
        fields = [*ProblemSerializer.Meta.fields, "events"]


class RoutingDutySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="duty.pk")
    number = serializers.CharField(source="duty.number")
    text = serializers.CharField(source="duty.text")
    basis = serializers.CharField(help_text="如：依据：江西省住房和城乡建设厅 第 4 项。")
    terms = serializers.ListField(child=serializers.CharField(), help_text="问题描述中与该事项相符的词。")
    url = serializers.CharField(source="duty.get_absolute_url", help_text="事项页面地址。")
    provision = serializers.CharField(source="duty.provision.get_absolute_url", help_text="出处条款地址。")


class RoutingProposalSerializer(serializers.Serializer):
    department = DepartmentBriefSerializer()
    score = serializers.FloatField(help_text="相符程度，越大越靠前。")
    duties = RoutingDutySerializer(many=True, help_text="据以确定牵头部门的具体事项。")


class RoutingSerializer(serializers.Serializer):
    jurisdiction = JurisdictionBriefSerializer(help_text="问题所在行政区。")
    list_jurisdiction = JurisdictionBriefSerializer(
        allow_null=True, help_text="据以分办的清单所属行政区：本级无清单时逐级向上（县→市→省）。"
    )
    terms = serializers.ListField(child=serializers.CharField(), help_text="从问题描述中取出的词。")
    results = RoutingProposalSerializer(source="proposals", many=True, help_text="建议的牵头部门，相符程度从高到低。")


class RoutingQuerySerializer(serializers.Serializer):
    jurisdiction = serializers.CharField(
        help_text="问题所在行政区：行政区划代码（如 360121）或省份拼音（如 jiangxi）。"
    )
    text = serializers.CharField(max_length=2000, help_text="问题描述。")
