"""What the duty-list documents say: jurisdictions, departments, documents, their
provisions, the duties each department leads, and the reporting rules."""

import calendar
import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import SearchableModel


class Sector(models.Model):
    """Name one function of government, shared by every jurisdiction's departments."""

    code = models.SlugField(_("代码"), max_length=40, primary_key=True)
    name = models.CharField(_("名称"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("职能领域")
        verbose_name_plural = _("职能领域")

    def __str__(self):
        return self.name


def province_slug_of(jurisdiction):
    """The slug that starts the jurisdiction's public URLs: its province's (at most two levels up)."""
    while jurisdiction.parent_id is not None:
        jurisdiction = jurisdiction.parent
    return jurisdiction.slug


class Jurisdiction(models.Model):
    """Hold one administrative division (province, city or county) by its GB/T 2260 code."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("省级")
        PREFECTURE = "prefecture", _("地级")
        COUNTY = "county", _("县级")

    class Kind(models.TextChoices):
        PROVINCE = "province", _("省")
        MUNICIPALITY = "municipality", _("直辖市")
        AUTONOMOUS_REGION = "autonomous-region", _("自治区")
        SPECIAL_ADMINISTRATIVE_REGION = "sar", _("特别行政区")
        CITY = "city", _("市")
        PREFECTURE = "prefecture", _("地区、自治州、盟")
        DISTRICT = "district", _("市辖区")
        COUNTY = "county", _("县、县级市、旗")

    code = models.CharField(
        _("行政区划代码"),
        max_length=6,
        primary_key=True,
        validators=[RegexValidator(r"^[1-9]\d{5}$", _("行政区划代码是 6 位数字（GB/T 2260）。"))],
    )
    name = models.CharField(_("名称"), max_length=40)
    short_name = models.CharField(_("简称"), max_length=20)
    slug = models.SlugField(_("拼音标识"), max_length=60)
    level = models.CharField(_("层级"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级行政区"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("行政区")
        verbose_name_plural = _("行政区")
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(parent__isnull=True),
                name="jurisdiction_top_level_slug_unique",
                violation_error_message=_("已有同名拼音标识的省级行政区。"),
            ),
            models.UniqueConstraint(
                fields=["parent", "slug"],
                name="jurisdiction_slug_unique_in_parent",
                violation_error_message=_("同一上级行政区下拼音标识不能重复。"),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        if self.parent_id is None:
            return reverse("duties:province", args=[self.slug])
        return reverse("duties:jurisdiction", args=[province_slug_of(self), int(self.code)])


class DepartmentQuerySet(models.QuerySet):
    def with_lead_counts(self, day: datetime.date | None = None):
        """Count the duties each department leads in the list in force on `day` (today by default)."""
        leads = Q(duty_roles__role=DutyRole.Role.LEAD) & valid_on(day or timezone.localdate(), "duty_roles__duty__")
        return self.annotate(lead_duty_count=Count("duty_roles", filter=leads, distinct=True))


class Department(SearchableModel):
    """Hold one department (or other body) of a jurisdiction as the documents name it."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField(_("名称"), max_length=100, help_text=_("来源文件载明的全称；未载明全称时为文件中的写法。"))
    name_attested = models.BooleanField(
        _("全称见于来源"), default=True, help_text=_("否：来源文件只写了简称或职能，全称未载明。")
    )
    short_name = models.CharField(_("简称"), max_length=60, help_text=_("文件中使用的简称，如“省住房城乡建设厅”。"))
    aliases = models.JSONField(_("其他写法"), default=list, blank=True)
    sector = models.ForeignKey(Sector, verbose_name=_("职能领域"), on_delete=models.PROTECT, related_name="departments")
    slug = models.SlugField(_("拼音标识"), max_length=100)
    bears_key_duties = models.BooleanField(_("承担重要生态环境保护职责"), default=False)
    key_duties_provision = models.ForeignKey(
        "Provision",
        verbose_name=_("列为重要职责部门的条款"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField(_("排序"), default=0)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        ordering = ["jurisdiction", "position"]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        indexes = [models.Index(fields=["jurisdiction", "position", "id"], name="department_list_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "slug"],
                name="department_slug_unique_in_jurisdiction",
                violation_error_message=_("同一行政区内部门拼音标识不能重复。"),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return self._url("department")

    def get_changes_url(self) -> str:
        return self._url("department_changes")

    def get_changes_feed_url(self) -> str:
        return self._url("department_changes_feed")

    def _url(self, name):
        """A province's departments are under the province; a city's or county's under its code too."""
        jurisdiction = self.jurisdiction
        if jurisdiction.parent_id is None:
            return reverse(f"duties:{name}", args=[jurisdiction.slug, self.slug])
        return reverse(f"duties:local_{name}", args=[province_slug_of(jurisdiction), int(jurisdiction.code), self.slug])


class Document(SearchableModel):
    """Hold one policy document: its title, number, date, issuers and source file."""

    class Script(models.TextChoices):
        SIMPLIFIED = "simplified", _("简体")
        TRADITIONAL = "traditional", _("繁体")

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="documents"
    )
    title = models.CharField(_("标题"), max_length=200)
    doc_number = models.CharField(_("文号"), max_length=60, blank=True)
    # A partial date: the sources sometimes print no year. Never invent the missing part.
    issued_year = models.PositiveSmallIntegerField(_("成文年份"), null=True, blank=True)
    issued_month = models.PositiveSmallIntegerField(_("成文月份"), null=True, blank=True)
    issued_day = models.PositiveSmallIntegerField(_("成文日"), null=True, blank=True)
    issuing_bodies = models.ManyToManyField(
        Department, verbose_name=_("发文单位"), through="DocumentIssuer", related_name="issued_documents", blank=True
    )
    source_file = models.CharField(_("来源文件"), max_length=100, unique=True)
    source_sha256 = models.CharField(_("来源文件 SHA-256"), max_length=64)
    script = models.CharField(_("字形"), max_length=20, choices=Script.choices, default=Script.SIMPLIFIED)
    assigns_duties = models.BooleanField(_("分配具体事项"), default=False)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["jurisdiction", "position"]
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")
        constraints = [
            models.CheckConstraint(
                condition=Q(issued_month__isnull=True) | Q(issued_month__gte=1, issued_month__lte=12),
                name="document_issued_month_valid",
                violation_error_message=_("成文月份应在 1 到 12 之间。"),
            ),
            models.CheckConstraint(
                condition=Q(issued_day__isnull=True)
                | Q(issued_month__isnull=False, issued_day__gte=1, issued_day__lte=31),
                name="document_issued_day_valid",
                violation_error_message=_("成文日应在 1 到 31 之间，且须有月份。"),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("duties:document", args=[province_slug_of(self.jurisdiction), self.pk])

    @property
    def issued_on(self):
        """The full date of issue, or None when the source prints only part of it."""
        if self.issued_year and self.issued_month and self.issued_day:
            return datetime.date(self.issued_year, self.issued_month, self.issued_day)
        return None

    @property
    def issued_display(self):
        parts = []
        if self.issued_year:
            parts.append(f"{self.issued_year}年")
        if self.issued_month:
            parts.append(f"{self.issued_month}月")
        if self.issued_day:
            parts.append(f"{self.issued_day}日")
        if parts and not self.issued_year:
            parts.append(str(_("（年份未载明）")))
        return "".join(parts) or str(_("未载明"))


class Edition(models.Model):
    """Publish one dated edition of a duty list: a department's list, or a jurisdiction's whole list.

    The versions of the duties it adds or rewords point to it (`DutyItem.edition`), and so do
    the versions it ends (`DutyItem.ended_by`): what changed is read from them (duties/editions.py).
    The lists as first published by the source documents are the baseline, before any edition.
    """

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="editions"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="editions",
        help_text=_("为空表示该行政区的整份清单。"),
    )
    effective_on = models.DateField(_("生效日期"), db_index=True)
    basis = models.CharField(_("依据"), max_length=200, help_text=_("据以修订的文件或决定：标题和文号。"))
    summary = models.TextField(_("修订说明"), blank=True)
    document = models.OneToOneField(
        Document,
        verbose_name=_("版本文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="edition",
        help_text=_("本版清单的全文（导入的表格，每行一条）：修订后事项的出处。"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发布人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("发布时间"), auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-id"]
        verbose_name = _("清单版本")
        verbose_name_plural = _("清单版本")

    def __str__(self):
        return f"{self.department or self.jurisdiction} {self.effective_on:%Y-%m-%d}：{self.basis}"

    def get_absolute_url(self) -> str:
        return f"{reverse('duties:changes', args=[province_slug_of(self.jurisdiction)])}#edition-{self.pk}"


class DocumentIssuer(models.Model):
    """Link a document to one of the bodies that issued it, as the document writes the name."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="issuers")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    name_as_written = models.CharField(_("原文写法"), max_length=100)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("发文单位")
        verbose_name_plural = _("发文单位")
        constraints = [
            models.UniqueConstraint(fields=["document", "department"], name="document_issuer_unique"),
        ]

    def __str__(self):
        return self.name_as_written


class Provision(SearchableModel):
    """Hold one node of a document's structure (part, measure, item, paragraph) with its text."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("印发通知")
        PREAMBLE = "preamble", _("序言")
        PART = "part", _("部分")
        MEASURE = "measure", _("条")
        PARAGRAPH = "paragraph", _("段")
        ANNEX = "annex", _("附件")
        ANNEX_SECTION = "annex-section", _("附件章节")
        ITEM = "item", _("事项")
        CLOSING = "closing", _("附注")

    document = models.ForeignKey(Document, verbose_name=_("文件"), on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey(
        "self", verbose_name=_("上级条款"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("编号"), max_length=20, blank=True, help_text=_("文件中印的编号，如“一”“(三)”“1”。"))
    ordinal = models.PositiveSmallIntegerField(
        _("序号"), help_text=_("所印编号的数值（“(九)”为 9）；无编号时为在同级条款中的位置，从 1 起。")
    )
    heading = models.CharField(_("标题"), max_length=200, blank=True)
    text = models.TextField(_("正文"), blank=True)
    position = models.PositiveIntegerField(_("文中位置"))
    anchor = models.SlugField(_("锚点"), max_length=60)
    line_start = models.PositiveIntegerField(_("起始行"))
    line_end = models.PositiveIntegerField(_("结束行"))

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("条款")
        verbose_name_plural = _("条款")
        constraints = [
            models.UniqueConstraint(fields=["document", "anchor"], name="provision_anchor_unique_in_document"),
            models.UniqueConstraint(fields=["document", "position"], name="provision_position_unique_in_document"),
        ]

    def __str__(self):
        return self.label or self.heading or self.text[:30]

    def get_absolute_url(self) -> str:
        return f"{self.document.get_absolute_url()}#{self.anchor}"

    @property
    def label(self) -> str:
        """The number as the document prints it: 一、 (三) 1."""
        if not self.number:
            return ""
        if self.kind in (self.Kind.PART, self.Kind.ANNEX_SECTION):
            return f"{self.number}、"
        if self.kind == self.Kind.ITEM:
            return f"{self.number}."
        return self.number


def valid_on(day: datetime.date, prefix: str = "") -> Q:
    """The duty versions in force on `day` (`prefix` reaches them across a relation, e.g. "duty__")."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gt": day})
    )


class DutyItemQuerySet(models.QuerySet):
    def as_of(self, day: datetime.date | None):
        """The versions in force on `day`; today's when `day` is None."""
        return self.filter(valid_on(day or timezone.localdate()))

    def current(self):
        return self.as_of(None)

    def with_departments(self):
        """Fetch every role and its department in one more query per page, not one per row."""
        return self.select_related("provision", "document__jurisdiction__parent__parent").prefetch_related(
            Prefetch(
                "roles",
                queryset=DutyRole.objects.select_related(
                    "department__sector", "department__jurisdiction__parent__parent"
                ),
            )
        )


class DutyItem(SearchableModel):
    """Hold one version of a specific duty item and the provision of the document it comes from.

    A duty keeps its first version's id as its `lineage` through every edition that rewords it
    or changes its departments; each version is in force from `valid_from` (empty: since its
    source document) until the day before `valid_until` (empty: still in force). A version keeps
    its predecessor's document, provision and place in the list; its new wording is published in
    the edition's document (`wording`).
    """

    document = models.ForeignKey(Document, verbose_name=_("文件"), on_delete=models.CASCADE, related_name="duties")
    provision = models.ForeignKey(
        Provision, verbose_name=_("出处条款"), on_delete=models.CASCADE, related_name="duties"
    )
    number = models.CharField(
        _("编号"), max_length=20, blank=True, help_text=_("文件中印的编号；江西附件清单各部门从 1 重新编号。")
    )
    text = models.TextField(_("事项内容"))
    position = models.PositiveIntegerField(_("文中位置"))
    departments = models.ManyToManyField(Department, through="DutyRole", related_name="duties", blank=True)
    lineage = models.PositiveBigIntegerField(
        _("事项标识"), null=True, blank=True, editable=False, db_index=True, help_text=_("各版本共用：首个版本的编号。")
    )
    valid_from = models.DateField(_("起始日期"), null=True, blank=True, editable=False)
    valid_until = models.DateField(_("失效日期"), null=True, blank=True, editable=False)
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("所属版本"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="versions",
        help_text=_("新增或修订本版本的清单版本；为空表示来源文件的原始清单。"),
    )
    ended_by = models.ForeignKey(
        Edition,
        verbose_name=_("终止于版本"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="ended_versions",
    )
    wording = models.ForeignKey(
        Provision,
        verbose_name=_("修订后表述出处"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DutyItemQuerySet.as_manager()

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("具体事项")
        verbose_name_plural = _("具体事项")
        # The list's order: a page of search results reads its first matches in it and stops.
        indexes = [models.Index(fields=["document", "position", "id"], name="duty_item_list_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["provision"],
                condition=Q(valid_until__isnull=True),
                name="duty_item_one_open_version_per_provision",
                violation_error_message=_("一个条款只对应一个现行具体事项。"),
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="duty_item_valid_until_after_valid_from",
                violation_error_message=_("失效日期须晚于起始日期。"),
            ),
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.lineage is None:  # a first version names its duty
            self.lineage = self.pk
            type(self)._base_manager.using(self._state.db).filter(pk=self.pk).update(lineage=self.pk)

    def __str__(self):
        return f"{self.number} {self.text[:40]}".strip()

    def get_absolute_url(self) -> str:
        return reverse("duties:duty", args=[province_slug_of(self.document.jurisdiction), self.pk])

    @property
    def is_current(self) -> bool:
        return self.valid_on(timezone.localdate())

    def valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or self.valid_until > day
        )

    @property
    def label(self) -> str:
        """The number as the document prints it before the text: "1." or "(五)"."""
        return f"{self.number}." if self.number.isdigit() else self.number

    def _departments_in_role(self, role):
        return [r.department for r in self.roles.all() if r.role == role and r.department_id]

    @property
    def lead_departments(self):
        return self._departments_in_role(DutyRole.Role.LEAD)

    @property
    def co_lead_departments(self):
        return self._departments_in_role(DutyRole.Role.CO_LEAD)

    @property
    def cooperating_departments(self):
        return self._departments_in_role(DutyRole.Role.COOPERATING)

    @property
    def unresolved_mentions(self):
        return [r for r in self.roles.all() if not r.department_id]


class DutyRole(models.Model):
    """Link a duty to a body it names, in one role; a body outside the records stays as written."""

    class Role(models.TextChoices):
        LEAD = "lead", _("牵头")
        CO_LEAD = "co-lead", _("会同牵头")
        COOPERATING = "cooperating", _("配合")

    duty = models.ForeignKey(DutyItem, verbose_name=_("具体事项"), on_delete=models.CASCADE, related_name="roles")
    department = models.ForeignKey(
        Department,
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duty_roles",
        help_text=_("为空表示文中提到的机构未能对应到已收录的部门。"),
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    name_as_written = models.CharField(_("原文写法"), max_length=100)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["duty", "position"]
        verbose_name = _("事项部门")
        verbose_name_plural = _("事项部门")
        constraints = [
            models.UniqueConstraint(
                fields=["duty", "department", "role"],
                condition=Q(department__isnull=False),
                name="duty_role_unique",
                violation_error_message=_("同一部门在同一事项中的同一角色只能出现一次。"),
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}：{self.department or self.name_as_written}"


class Repair(models.Model):
    """Record one repair (or reading) the parser made to a source text: what, where, why."""

    class Kind(models.TextChoices):
        DATE = "date", _("日期")
        DOC_NUMBER = "doc-number", _("文号")
        NAME = "name", _("名称残缺")
        NUMERAL = "numeral", _("编号缺失")
        RESOLUTION = "resolution", _("指代判读")
        NAME_NOT_PRINTED = "name-not-printed", _("全称未载明")

    document = models.ForeignKey(Document, verbose_name=_("文件"), on_delete=models.CASCADE, related_name="repairs")
    line = models.PositiveIntegerField(_("行号"))
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    original = models.CharField(_("原文"), max_length=200)
    repaired = models.CharField(_("修复为"), max_length=200)
    reason = models.TextField(_("依据"))
    provision = models.ForeignKey(
        Provision, verbose_name=_("条款"), null=True, blank=True, on_delete=models.CASCADE, related_name="repairs"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("部门"), null=True, blank=True, on_delete=models.CASCADE, related_name="repairs"
    )

    class Meta:
        ordering = ["document", "line", "id"]
        verbose_name = _("解析修复记录")
        verbose_name_plural = _("解析修复记录")

    def __str__(self):
        return f"{self.document.source_file}:{self.line} {self.original} → {self.repaired}"


class ReportingRule(models.Model):
    """Hold one reporting or disclosure obligation a document sets, with its deadline rule."""

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual-report", _("年度专题报告")
        LIST_PUBLICATION = "list-publication", _("清单公开")
        QUARTERLY_DISCLOSURE = "quarterly-disclosure", _("季度信息通报")

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="reporting_rules"
    )
    document = models.ForeignKey(Document, verbose_name=_("文件"), on_delete=models.CASCADE, related_name="rules")
    provision = models.ForeignKey(Provision, verbose_name=_("出处条款"), on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("类型"), max_length=30, choices=Kind.choices)
    text_as_written = models.CharField(_("原文"), max_length=300)
    deadline_month = models.PositiveSmallIntegerField(_("截止月"), null=True, blank=True)
    deadline_day = models.PositiveSmallIntegerField(
        _("截止日"), null=True, blank=True, help_text=_("为空且有截止月时，表示该月最后一天（“2月底前”）。")
    )
    months_after_issue = models.PositiveSmallIntegerField(_("印发后月数"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("季度"), null=True, blank=True)
    topic = models.CharField(_("通报内容"), max_length=200, blank=True)
    submit_to = models.JSONField(_("报送"), default=list, blank=True)
    copy_to = models.JSONField(_("抄送"), default=list, blank=True)
    publish_online = models.BooleanField(_("须在网站公开"), default=False)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["jurisdiction", "document", "position"]
        verbose_name = _("报告与公开规则")
        verbose_name_plural = _("报告与公开规则")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="annual-report") | Q(deadline_month__gte=1, deadline_month__lte=12),
                name="annual_report_rule_has_month",
                violation_error_message=_("年度专题报告规则须有截止月份。"),
            ),
            models.CheckConstraint(
                condition=~Q(kind="quarterly-disclosure") | Q(quarter__gte=1, quarter__lte=4),
                name="quarterly_rule_has_quarter",
                violation_error_message=_("季度通报规则须指明第几季度。"),
            ),
        ]

    def __str__(self):
        return f"{self.jurisdiction}：{self.get_kind_display()}（{self.text_as_written}）"

    def annual_report_deadline(self, report_year: int) -> datetime.date:
        """The last day to file the report on `report_year`: it falls in the following year."""
        if self.kind != self.Kind.ANNUAL_REPORT:
            raise ValueError("only annual-report rules have a yearly deadline")
        year = report_year + 1
        day = self.deadline_day or calendar.monthrange(year, self.deadline_month)[1]
        return datetime.date(year, self.deadline_month, day)

    def list_publication_deadline(self) -> datetime.date | None:
        """The last day to publish the duty lists, counted from the document's date of issue."""
        issued = self.document.issued_on
        if self.kind != self.Kind.LIST_PUBLICATION or issued is None or self.months_after_issue is None:
            return None
        month_index = issued.month - 1 + self.months_after_issue
        year, month = issued.year + month_index // 12, month_index % 12 + 1
        day = min(issued.day, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, day)


from duties.audit import AuditEntry  # noqa: E402, F401  (the audit trail's model lives with its functions)
