"""How a deadline looks in the API: what is due, by whom, when, where it stands, and its rule and source."""

from rest_framework import serializers

from api.parameters import MAX_WHOLE_NUMBER
from calendars.deadlines import DEADLINE_STATUSES, DeadlineKind
from duties.api.serializers import DepartmentBriefSerializer
from duties.models.jurisdictions import JURISDICTION_PATTERN
from reports.models import REPORT_YEAR_MAX, REPORT_YEAR_MIN


class DeadlineSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=DeadlineKind.ALL,
        read_only=True,
        help_text="annual-report 年度专题报告；list-publication 清单公开；plan-filing 年度工作方案报送备案；"
        "quarterly-disclosure 季度信息公开。",
    )
    period = serializers.CharField(read_only=True, help_text="所属年度（2025）或季度（2026-Q1）。")
    due = serializers.DateField(read_only=True, help_text="截止日期（北京时间当日 24 时前）。")
    department = DepartmentBriefSerializer(source="body", read_only=True, help_text="须在截止日期前完成的部门。")
    title = serializers.CharField(read_only=True, help_text="截止事项，如“某部门公开生态环境保护具体事项清单”。")
    status = serializers.ChoiceField(
        choices=DEADLINE_STATUSES,
        read_only=True,
        help_text="on_time 按时完成；late 逾期完成；missing 已逾期未完成；not_due 未到期。",
    )
    done_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="完成时间；未完成时为 null。")
    rule = serializers.CharField(source="rule_text", read_only=True, help_text="截止规则。")
    source = serializers.CharField(source="source_text", read_only=True, help_text="规则原文或设定依据。")
    source_url = serializers.CharField(read_only=True, help_text="依据条款的页面地址（无条款时为空）。")
    url = serializers.CharField(read_only=True, help_text="已公开的成果页面地址（尚未公开时为空）。")
    uid = serializers.CharField(read_only=True, help_text="稳定标识，与 .ics 中的 UID 相同。")


class CalendarQuerySerializer(serializers.Serializer):
    """Documents the parameters; calendars.query.CalendarQuery reads them, as the page and the feed do."""

    province = serializers.RegexField(
        JURISDICTION_PATTERN, required=True, help_text="省级行政区代码（如 360000）或拼音标识（如 jiangxi）。"
    )
    department = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_WHOLE_NUMBER, help_text="部门编号；只列该部门的截止日期。"
    )
    year = serializers.IntegerField(
        required=False, min_value=REPORT_YEAR_MIN, max_value=REPORT_YEAR_MAX, help_text="截止日期所在的年份；默认今年。"
    )
    kind = serializers.ChoiceField(choices=DeadlineKind.ALL, required=False, help_text="截止日期的种类。")
    status = serializers.ChoiceField(choices=DEADLINE_STATUSES, required=False, help_text="完成情况。")
