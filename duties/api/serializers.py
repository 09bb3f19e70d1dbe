"""How the duty lists look in the API. Read-only; every nested object comes from the
view's select_related/prefetch_related, so no serializer runs a query per row."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from duties.models import Department, Document, DutyItem, Edition, Jurisdiction, Provision, Requirement, Sector
from duties.publication import PublicationStatus


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["code", "name"]


class ProvinceSerializer(serializers.ModelSerializer):
    department_count = serializers.IntegerField(read_only=True, help_text="该省（含其下市县）收录的部门数。")
    duty_count = serializers.IntegerField(read_only=True, help_text="具体事项数。")
    document_count = serializers.IntegerField(read_only=True, help_text="政策文件数。")
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址。")

    class Meta:
        model = Jurisdiction
        fields = [
            "code",
            "name",
            "short_name",
            "slug",
            "kind",
            "department_count",
            "duty_count",
            "document_count",
            "url",
        ]


class JurisdictionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Jurisdiction
        fields = ["code", "name", "slug"]


class DepartmentBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "short_name"]
        extra_kwargs = {"id": {"help_text": "部门编号（/api/v1/departments/{id}/）。"}}


class DepartmentSerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="文件中出现过的其他写法（简称以外）。"
    )
    sector = SectorSerializer(read_only=True, help_text="职能领域。")
    province = JurisdictionBriefSerializer(source="jurisdiction", read_only=True, help_text="所属行政区。")
    key_duties = serializers.BooleanField(
        source="bears_key_duties", read_only=True, help_text="是否承担重要生态环境保护职责（须报送年度专题报告）。"
    )
    lead_duty_count = serializers.IntegerField(read_only=True, help_text="牵头的具体事项数（不含会同牵头）。")
    co_lead_duty_count = serializers.IntegerField(
        read_only=True,
        help_text="会同牵头的具体事项数。两者之和即该部门清单的事项数（duties/?lead_department= 的结果数）。",
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址（本站路径）。")

    class Meta:
        model = Department
        extra_kwargs = {"id": {"help_text": "部门编号。"}}
        fields = [
            "id",
            "name",
            "short_name",
            "name_attested",
            "aliases",
            "sector",
            "province",
            "key_duties",
            "lead_duty_count",
            "co_lead_duty_count",
            "url",
        ]


class DocumentBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "doc_number"]
        extra_kwargs = {"id": {"help_text": "政策文件编号（/api/v1/documents/{id}/）。"}}


class ProvisionBriefSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="该条款在文件页面上的地址。")

    class Meta:
        model = Provision
        fields = ["id", "kind", "number", "label", "anchor", "line_start", "line_end", "url"]
        extra_kwargs = {"id": {"help_text": "条款编号。"}}


class UnresolvedMentionSerializer(serializers.Serializer):
    name = serializers.CharField(source="name_as_written", help_text="文件中的写法。")
    role = serializers.CharField(help_text="角色：lead 牵头、co-lead 会同牵头、cooperating 配合。")


class DutyVersionSerializer(serializers.ModelSerializer):
    """One version of a duty: its words and departments, and when it was in force."""

    number = serializers.CharField(read_only=True, help_text="文件中印的编号；江西附件清单各部门从 1 重新编号。")
    lead_departments = DepartmentBriefSerializer(many=True, read_only=True, help_text="牵头部门。")
    co_lead_departments = DepartmentBriefSerializer(many=True, read_only=True, help_text="会同牵头的部门。")
    cooperating_departments = DepartmentBriefSerializer(many=True, read_only=True, help_text="配合部门。")
    other_mentions = UnresolvedMentionSerializer(
        source="unresolved_mentions", many=True, read_only=True, help_text="文中提到但未对应到已收录部门的机构。"
    )
    valid_from = serializers.DateField(
        read_only=True, allow_null=True, help_text="本版本起始日期；为空表示自来源文件起。"
    )
    valid_until = serializers.DateField(
        read_only=True, allow_null=True, help_text="本版本失效日期（当日起不再有效）；为空表示现行。"
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址（本站路径）。")

    class Meta:
        model = DutyItem
        extra_kwargs = {"id": {"help_text": "本版本的编号（/api/v1/duties/{id}/）。"}}
        fields = [
            "id",
            "number",
            "text",
            "lead_departments",
            "co_lead_departments",
            "cooperating_departments",
            "other_mentions",
            "valid_from",
            "valid_until",
            "url",
        ]


class DutyItemSerializer(DutyVersionSerializer):
    """A duty version with its duty's identity, its source and the edition that made it."""

    lineage = serializers.IntegerField(read_only=True, help_text="事项标识：同一事项各版本共用（首个版本的 id）。")
    document = DocumentBriefSerializer(read_only=True, help_text="所在政策文件。")
    province = serializers.CharField(
        source="document.jurisdiction.code", read_only=True, help_text="发布该清单的行政区的代码。"
    )
    provision = ProvisionBriefSerializer(read_only=True, help_text="所在条款。")
    edition = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="新增或修订本版本的清单版本（/api/v1/editions/{id}/）；为空表示来源文件的原始清单。",
    )

    class Meta(DutyVersionSerializer.Meta):
        fields = [
            "id",
            "lineage",
            "number",
            "text",
            "lead_departments",
            "co_lead_departments",
            "cooperating_departments",
            "other_mentions",
            "province",
            "document",
            "provision",
            "valid_from",
            "valid_until",
            "edition",
            "url",
        ]


class DutyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = DutyItem
        fields = ["id", "number", "text"]
        extra_kwargs = {"id": {"help_text": "具体事项编号（/api/v1/duties/{id}/）。"}}


class LeadDepartmentSerializer(serializers.ModelSerializer):
    """A department with the matching duties it leads."""

    province = JurisdictionBriefSerializer(source="jurisdiction", read_only=True, help_text="所属行政区。")
    sector = SectorSerializer(read_only=True, help_text="职能领域。")
    duties = serializers.SerializerMethodField(help_text="符合条件、由该部门牵头（含会同牵头）的具体事项。")

    class Meta:
        model = Department
        fields = ["id", "name", "short_name", "province", "sector", "duties"]
        extra_kwargs = {"id": {"help_text": "部门编号（/api/v1/departments/{id}/）。"}}

    @extend_schema_field(DutyBriefSerializer(many=True))
    def get_duties(self, department):
        # The view prefetched the matching roles into `matching_roles`: no query here.
        return DutyBriefSerializer([role.duty for role in department.matching_roles], many=True).data


class DocumentSerializer(serializers.ModelSerializer):
    province = JurisdictionBriefSerializer(source="jurisdiction", read_only=True, help_text="发文的行政区。")
    issued = serializers.CharField(
        source="issued_display", read_only=True, help_text="成文日期，按原文（可能缺年份）。"
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="公开页面地址（本站路径）。")

    class Meta:
        model = Document
        extra_kwargs = {"id": {"help_text": "政策文件编号。"}}
        fields = [
            "id",
            "title",
            "doc_number",
            "issued_year",
            "issued_month",
            "issued_day",
            "issued",
            "script",
            "province",
            "source_file",
            "source_sha256",
            "url",
        ]


class ProvisionNodeSerializer(serializers.ModelSerializer):
    children = serializers.SerializerMethodField(help_text="下级条款，按原文顺序。")

    class Meta:
        model = Provision
        fields = ["id", "kind", "number", "label", "heading", "text", "anchor", "line_start", "line_end", "children"]
        extra_kwargs = {"id": {"help_text": "条款编号。"}}

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/ProvisionNode"}})
    def get_children(self, provision):
        return ProvisionNodeSerializer(provision.child_nodes, many=True).data


class IssuingBodySerializer(serializers.Serializer):
    """One issuer of a document: the department and its name as the document prints it."""

    id = serializers.IntegerField(source="department_id", help_text="部门编号（/api/v1/departments/{id}/）。")
    name = serializers.CharField(source="department.name", help_text="部门全称。")
    name_as_written = serializers.CharField(help_text="文件中的写法。")


class DocumentDetailSerializer(DocumentSerializer):
    issuing_bodies = IssuingBodySerializer(source="issuers", many=True, read_only=True, help_text="发文单位。")
    provisions = serializers.SerializerMethodField(help_text="文件结构：部分、条目、事项，按原文顺序嵌套。")

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "issuing_bodies", "provisions"]

    @extend_schema_field(ProvisionNodeSerializer(many=True))
    def get_provisions(self, document):
        return ProvisionNodeSerializer(document.provision_roots, many=True).data


class TextPieceSerializer(serializers.Serializer):
    op = serializers.ChoiceField(
        choices=["equal", "delete", "insert"], help_text="equal 未改，delete 删去，insert 新增。"
    )
    text = serializers.CharField(help_text="这一段文字。")


class DutyChangeSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["added", "removed", "changed"], help_text="新增、删除或修改。")
    lineage = serializers.IntegerField(source="duty.lineage", help_text="事项标识。")
    before = DutyVersionSerializer(allow_null=True, help_text="改动前的版本；新增时为空。")
    after = DutyVersionSerializer(allow_null=True, help_text="改动后的版本；删除时为空。")
    text_diff = serializers.SerializerMethodField(help_text="逐字比较的文本差异（修改时）；文本未改时为空。")

    @extend_schema_field(TextPieceSerializer(many=True))
    def get_text_diff(self, change):
        if not change.text_changed:
            return []
        return [{"op": op, "text": text} for op, text in change.text_diff()]


class EditionSerializer(serializers.ModelSerializer):
    """A dated edition of a list with what it changed (`changes`: filled by the view, in a fixed number of queries)."""

    jurisdiction = JurisdictionBriefSerializer(read_only=True, help_text="清单所属的行政区。")
    department = DepartmentBriefSerializer(
        read_only=True, allow_null=True, help_text="只修订一个部门的清单时为该部门；整份清单时为空。"
    )
    document = DocumentBriefSerializer(read_only=True, allow_null=True, help_text="本版清单全文（导入的表格）。")
    changes = DutyChangeSerializer(
        source="changes_list", many=True, read_only=True, help_text="本版本新增、删除和修改的事项。"
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True, help_text="该版本修订记录页面的地址。")

    class Meta:
        model = Edition
        extra_kwargs = {"id": {"help_text": "清单版本编号（/api/v1/editions/{id}/）。"}}
        fields = [
            "id",
            "jurisdiction",
            "department",
            "effective_on",
            "basis",
            "summary",
            "document",
            "created_at",
            "changes",
            "url",
        ]


class RequirementSerializer(serializers.ModelSerializer):
    """A general requirement: a provision that puts one task on many departments (not a specific duty item)."""

    number = serializers.CharField(read_only=True, help_text="条款在文件中印的编号，如“(五)”。")
    addressed_departments = DepartmentBriefSerializer(
        many=True, read_only=True, help_text="该要求所针对的部门（文中列为牵头或会同牵头）。"
    )
    cooperating_departments = DepartmentBriefSerializer(many=True, read_only=True, help_text="要求配合的部门。")
    other_mentions = UnresolvedMentionSerializer(
        source="bodies_outside_records", many=True, read_only=True, help_text="文中提到但未对应到已收录部门的机构。"
    )
    province = serializers.CharField(
        source="document.jurisdiction.code", read_only=True, help_text="发文行政区的行政区划代码。"
    )
    document = DocumentBriefSerializer(read_only=True, help_text="提出该要求的政策文件。")
    provision = ProvisionBriefSerializer(read_only=True, help_text="该要求所在的条款。")

    class Meta:
        model = Requirement
        fields = [
            "id",
            "number",
            "text",
            "addressed_departments",
            "cooperating_departments",
            "other_mentions",
            "province",
            "document",
            "provision",
        ]
        extra_kwargs = {
            "id": {"help_text": "一般要求编号（/api/v1/requirements/{id}/）。"},
            "text": {"help_text": "条款原文：文件对多个部门提出的同一要求。"},
        }


class PublicationRowSerializer(serializers.Serializer):
    department = DepartmentBriefSerializer(read_only=True, help_text="承担重要生态环境保护职责的部门。")
    status = serializers.ChoiceField(
        choices=list(PublicationStatus.ALL),
        read_only=True,
        help_text=(
            "published 已公开；in_review 尚未公开、本部门编制的清单在初审或审定中；not_due 尚未公开、未到期；"
            "overdue 逾期未公开；no_deadline 尚未公开、文件未规定期限。"
        ),
    )
    published_since = serializers.DateField(
        read_only=True, allow_null=True, help_text="首次有现行具体事项的日期；未公开或来源文件未印全日期时为 null。"
    )
    deadline = serializers.DateField(read_only=True, allow_null=True, help_text="文件规定的公开期限；未规定时为 null。")
