"""The policy documents, their structure as printed, and every repair the parser made to them."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duties.models.jurisdictions import province_slug_of
from search import SearchableModel


def issued_by(day: datetime.date, prefix: str = "") -> Q:
    """The documents issued on or before `day`, as far as their printed date tells (a part not printed is no
    evidence against: a document dated only 2023 counts as issued by any day of 2023)."""
    year, month, number = (f"{prefix}issued_{part}" for part in ("year", "month", "day"))
    same_month = Q(**{month: day.month}) & (Q(**{f"{number}__isnull": True}) | Q(**{f"{number}__lte": day.day}))
    same_year = Q(**{year: day.year}) & (
        Q(**{f"{month}__isnull": True}) | Q(**{f"{month}__lt": day.month}) | same_month
    )
    return Q(**{f"{year}__isnull": True}) | Q(**{f"{year}__lt": day.year}) | same_year


class Document(SearchableModel):
    """Hold one policy document: its title, number, date, issuers and source file."""

    class Script(models.TextChoices):
        SIMPLIFIED = "simplified", _("简体")
        TRADITIONAL = "traditional", _("繁体")

    jurisdiction = models.ForeignKey(
        "Jurisdiction", verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="documents"
    )
    title = models.CharField(_("标题"), max_length=200)
    doc_number = models.CharField(_("文号"), max_length=60, blank=True)
    # A partial date: the sources sometimes print no year. Never invent the missing part.
    issued_year = models.PositiveSmallIntegerField(_("成文年份"), null=True, blank=True)
    issued_month = models.PositiveSmallIntegerField(_("成文月份"), null=True, blank=True)
    issued_day = models.PositiveSmallIntegerField(_("成文日"), null=True, blank=True)
    issuing_bodies = models.ManyToManyField(
        "Department", verbose_name=_("发文单位"), through="DocumentIssuer", related_name="issued_documents", blank=True
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

    def issued_by(self, day: datetime.date) -> bool:
        """Whether the document was issued on or before `day`, as far as its printed date tells."""
        printed = [self.issued_year, self.issued_month, self.issued_day]
        known = [part for part in printed if part is not None] if self.issued_year else []
        return tuple(known) <= (day.year, day.month, day.day)[: len(known)]

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


class DocumentIssuer(models.Model):
    """Link a document to one of the bodies that issued it, as the document writes the name."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="issuers")
    department = models.ForeignKey("Department", on_delete=models.PROTECT, related_name="+")
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

    document = models.ForeignKey(
        "Document", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="provisions"
    )
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
        "Provision", verbose_name=_("条款"), null=True, blank=True, on_delete=models.CASCADE, related_name="repairs"
    )
    department = models.ForeignKey(
        "Department", verbose_name=_("部门"), null=True, blank=True, on_delete=models.CASCADE, related_name="repairs"
    )

    class Meta:
        ordering = ["document", "line", "id"]
        verbose_name = _("解析修复记录")
        verbose_name_plural = _("解析修复记录")

    def __str__(self):
        return f"{self.document.source_file}:{self.line} {self.original} → {self.repaired}"
