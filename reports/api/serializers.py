"""How reports look in the API: published reports only, and the compliance rows. Every nested
object comes from the view's select_related/prefetch_related."""

from rest_framework import serializers

from duties.api.serializers import DepartmentBriefSerializer, JurisdictionBriefSerializer
from reports.models import Report, ReportEntry, ReportSection, Revision
from reports.selectors import ComplianceStatus


class ReportEntrySerializer(serializers.ModelSerializer):
    duty = serializers.IntegerField(
        source="duty_id", read_only=True, help_text="具体事项编号（/api/v1/duties/{id}/）。"
    )
    evidence_links = serializers.ListField(source="evidence_link_list", child=serializers.URLField(), read_only=True)

    class Meta:
        model = ReportEntry
        fields = ["duty", "duty_text", "status", "progress", "figures", "evidence_links"]


class ReportSectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportSection
        fields = ["title", "body"]


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Revision
        fields = ["number", "kind", "reason", "created_at"]


class ReportDepartmentSerializer(DepartmentBriefSerializer):
    province = JurisdictionBriefSerializer(source="jurisdiction", read_only=True)

    class Meta(DepartmentBriefSerializer.Meta):
        fields = [*DepartmentBriefSerializer.Meta.fields, "province"]


class ReportSerializer(serializers.ModelSerializer):
    department = ReportDepartmentSerializer(read_only=True)
    on_time = serializers.BooleanField(source="submitted_on_time", read_only=True, help_text="是否在截止日期前报送。")
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址。")
    entries = ReportEntrySerializer(many=True, read_only=True)
    sections = ReportSectionSerializer(many=True, read_only=True)
    revisions = RevisionSerializer(many=True, read_only=True)

    class Meta:
        model = Report
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
    department = DepartmentBriefSerializer(read_only=True)
    deadline = serializers.DateField(read_only=True, help_text="按该省规则确定的报送截止日期。")
    status = serializers.ChoiceField(
        choices=ComplianceStatus.ALL,
        read_only=True,
        help_text="not_due 未到期；on_time 按时报送；late 逾期报送；missing 已过截止日期仍未报送。",
    )
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="报送时间；未报送时为 null。")
