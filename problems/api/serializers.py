"""How problems look in the API: public fields only (never the reporter, the place or their words), and the
routing proposals. Nested objects come from the views' select_related/prefetch_related.

Every field is described, each choice with what its values mean, so that the schema is the whole documentation.
"""

from rest_framework import serializers

from duties.api.serializers import DepartmentBriefSerializer, JurisdictionBriefSerializer
from duties.models.jurisdictions import JURISDICTION_PATTERN
from problems.models import Event, Problem

# No NUL character, and something besides spaces (the text is trimmed before it is read).
TEXT_PATTERN = r"^[^\x00]*[^\s\x00][^\x00]*$"
# The text travels in the address: 500 characters stay within the request line a server reads (8,190 bytes)
# however they are percent-encoded.
ROUTING_TEXT_LENGTH = 500


def _choice(choices, help_text):
    return serializers.ChoiceField(choices=choices, read_only=True, help_text=help_text)


class EventSerializer(serializers.ModelSerializer):
    kind = _choice(Event.Kind.choices, "这一步骤是什么。")
    at = serializers.DateTimeField(read_only=True, help_text="这一步骤的时间（带时区）。")
    department = DepartmentBriefSerializer(
        read_only=True, allow_null=True, help_text="交办、受理或办理的部门；与部门无关的步骤为 null。"
    )
    note = serializers.CharField(read_only=True, help_text="公开的说明（办理进展、办结情况等）；没有时为空字符串。")
    due_on = serializers.DateField(
        read_only=True, allow_null=True, help_text="这一步骤所开始的期限的最后一日；不开始期限的步骤为 null。"
    )
    on_time = serializers.BooleanField(
        read_only=True, allow_null=True, help_text="这一步骤是否在期限内完成；不受期限约束的步骤为 null。"
    )

    class Meta:
        model = Event
        fields = ["kind", "at", "department", "note", "due_on", "on_time"]


class ProblemSerializer(serializers.ModelSerializer):
    number = serializers.CharField(
        read_only=True, help_text="问题编号：年份-序号，如 2026-000001（/api/v1/problems/{number}/）。"
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址（本站路径）。")
    source = _choice(Problem.Source.choices, "问题从哪里来。")
    category = _choice(Problem.Category.choices, "问题类别（举报人所选）。")
    status = _choice(Problem.Status.choices, "办理状态。")
    jurisdiction = JurisdictionBriefSerializer(
        read_only=True, help_text="问题所在行政区（最细到区县，不给出具体地点）。"
    )
    department = DepartmentBriefSerializer(
        read_only=True, allow_null=True, help_text="承办部门（牵头部门）；尚未交办（如会商中）时为 null。"
    )
    text = serializers.CharField(
        source="public_text", read_only=True, help_text="办公室审核后公开的问题描述（不是举报人的原文）。"
    )
    received_at = serializers.DateTimeField(read_only=True, help_text="收到时间（带时区）。")
    acceptance_due = serializers.DateField(read_only=True, help_text="受理期限的最后一日（按本地时限规定计算）。")
    accepted_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="受理时间；尚未受理时为 null。")
    accepted_on_time = serializers.BooleanField(
        read_only=True, allow_null=True, help_text="是否在受理期限内受理；尚未受理时为 null。"
    )
    handling_due = serializers.DateField(
        read_only=True, allow_null=True, help_text="办结期限的最后一日（含延期）；受理前为 null。"
    )
    extended_days = serializers.IntegerField(
        read_only=True, min_value=0, max_value=32767, help_text="办结期限经批准延长的天数；未延期为 0。"
    )
    handled_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="办结时间；尚未办结时为 null。")
    handled_on_time = serializers.BooleanField(
        read_only=True, allow_null=True, help_text="是否在办结期限内办结；尚未办结时为 null。"
    )
    closed_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="核查销号时间；尚未销号时为 null。"
    )

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
    id = serializers.IntegerField(source="duty.pk", read_only=True, help_text="具体事项编号（/api/v1/duties/{id}/）。")
    number = serializers.CharField(source="duty.number", read_only=True, help_text="文件中印的事项编号。")
    text = serializers.CharField(source="duty.text", read_only=True, help_text="事项内容。")
    basis = serializers.CharField(read_only=True, help_text="如：依据：江西省住房和城乡建设厅 第 4 项。")
    terms = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="问题描述中与该事项相符的词。"
    )
    url = serializers.CharField(source="duty.get_absolute_url", read_only=True, help_text="事项页面地址（本站路径）。")
    provision = serializers.CharField(
        source="duty.provision.get_absolute_url", read_only=True, help_text="出处条款地址（本站路径）。"
    )


class RoutingProposalSerializer(serializers.Serializer):
    department = DepartmentBriefSerializer(read_only=True, help_text="建议的牵头部门。")
    score = serializers.FloatField(read_only=True, min_value=0, help_text="相符程度（保留两位小数），越大越靠前。")
    duties = RoutingDutySerializer(many=True, read_only=True, help_text="据以确定牵头部门的具体事项。")


class RoutingSerializer(serializers.Serializer):
    jurisdiction = JurisdictionBriefSerializer(read_only=True, help_text="问题所在行政区。")
    list_jurisdiction = JurisdictionBriefSerializer(
        read_only=True,
        allow_null=True,
        help_text="据以分办的清单所属行政区：本级无清单时逐级向上（县→市→省）；各级都没有清单时为 null。",
    )
    terms = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="从问题描述中取出的词。")
    results = RoutingProposalSerializer(
        source="proposals",
        many=True,
        read_only=True,
        help_text="建议的牵头部门，相符程度从高到低；没有相符的事项时为空列表（由办公室会商确定）。",
    )


class RoutingQuerySerializer(serializers.Serializer):
    jurisdiction = serializers.RegexField(
        JURISDICTION_PATTERN,
        help_text="问题所在行政区：行政区划代码（如 360121）或省份拼音（如 jiangxi）。",
    )
    text = serializers.RegexField(
        TEXT_PATTERN, max_length=ROUTING_TEXT_LENGTH, help_text="问题描述，如“工地夜间施工扬尘很大”；最多 500 字。"
    )
