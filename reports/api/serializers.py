"""How reports look in the API: published reports only, and the compliance rows. Every nested
object comes from the view's select_related/prefetch_related."""

from rest_framework import serializers

from duties.api.serializers import DepartmentBriefSerializer, JurisdictionBriefSerializer
from reports.models import Report, ReportEntry, ReportSection, Revision
from reports.selectors import ComplianceStatus


class ReportEntrySerializer(serializers.ModelSerializer):
    duty = serializers.IntegerField(
        source="duty_id", read_only=True, allow_null=True, help_text="具体事项编号（/api/v1/duties/{id}/）。"
    )
    requirement = serializers.IntegerField(
        source="requirement_id",
        read_only=True,
        allow_null=True,
        help_text="部门尚未公开清单时报告的一般要求编号（/api/v1/requirements/{id}/）；与 duty 二者有一。",
    )
    evidence_links = serializers.ListField(
        source="evidence_link_list", child=serializers.URLField(), read_only=True, help_text="佐证材料的链接。"
    )

    class Meta:
        model = ReportEntry
        fields = ["duty", "requirement", "duty_text", "status", "progress", "figures", "evidence_links"]


class ReportSectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportSection
        fields = ["title", "body"]


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Revision
        fields = ["number", "kind", "reason", "created_at"]


class ReportDepartmentSerializer(DepartmentBriefSerializer):
    province = JurisdictionBriefSerializer(source="jurisdiction", read_only=True, help_text="部门所属行政区。")

    class Meta(DepartmentBriefSerializer.Meta):
        fields = [*DepartmentBriefSerializer.Meta.fields, "province"]


class ReportSerializer(serializers.ModelSerializer):
    department = ReportDepartmentSerializer(read_only=True, help_text="报送的部门。")
    on_time = serializers.BooleanField(source="submitted_on_time", read_only=True, help_text="是否在截止日期前报送。")
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址。")
    entries = ReportEntrySerializer(many=True, read_only=True, help_text="逐项落实情况，每个牵头事项一条。")
    sections = ReportSectionSerializer(many=True, read_only=True, help_text="该省规则要求的专项内容。")
    revisions = RevisionSerializer(many=True, read_only=True, help_text="报送、公开和更正的记录。")

    class Meta:
        model = Report
        extra_kwargs = {"id": {"help_text": "报告编号（/api/v1/reports/{id}/）。"}}
        fields = [
            "id",
            "department",
            "year",
            "deadline",
            "submitted_at",
            "on_time",
            "published_at",
            "url",
            "overall",
            "entries",
            "sections",
            "revisions",
        ]


class ComplianceRowSerializer(serializers.Serializer):
    department = DepartmentBriefSerializer(read_only=True, help_text="承担重要生态环境保护职责的部门。")
    deadline = serializers.DateField(
        read_only=True, allow_null=True, help_text="按该省规则确定的报送截止日期；该年度不适用规则时为 null。"
    )
    status = serializers.ChoiceField(
        choices=ComplianceStatus.ALL,
        read_only=True,
        help_text=(
            "not_due 未到期；on_time 按时报送；late 逾期报送；missing 已过截止日期仍未报送；"
            "not_applicable 该年度早于本省规则，无须报送。"
        ),
    )
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="报送时间；未报送时为 null。")
