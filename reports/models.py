"""Annual reports (年度专题报告): who may write them, the report, its entries, sections,
attachments and the frozen revisions that submission and corrections leave behind."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duties.models import Department, DutyItem, EntrySubject, Jurisdiction, Provision, Requirement
from reports.text_limits import (
    CORRECTION_REASON_MAX_LENGTH,
    EVIDENCE_LINKS_MAX_LENGTH,
    FIGURES_MAX_LENGTH,
    OVERALL_MAX_LENGTH,
    PROGRESS_MAX_LENGTH,
    SECTION_BODY_MAX_LENGTH,
    TextLimitValidator,
    limited_text,
)
from search import SearchableModel

EVIDENCE_LINK_INVALID = _("“%(link)s”不是有效的网址：每行填写一个以 http:// 或 https:// 开头的网址。")


def validate_evidence_links(value):
    """Each non-empty line is an http(s) address."""
    validate = URLValidator(schemes=["http", "https"])
    for line in filter(None, (line.strip() for line in value.splitlines())):
        try:
            validate(line)
        except ValidationError:
            raise ValidationError(EVIDENCE_LINK_INVALID % {"link": line[:100]}, code="invalid_link") from None


class Membership(models.Model):
    """Give one account its role: a department's editor or approver, or a province's supervisor."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("部门编辑")
        APPROVER = "approver", _("部门审核人")
        SUPERVISOR = "supervisor", _("省级督查人员")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="membership"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("部门编辑和审核人必填。"),
    )
    province = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("省级行政区"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supervisors",
        limit_choices_to={"parent__isnull": True},
        help_text=_("督查人员必填：其所在党委办公厅（室）负责的省份。"),
    )

    class Meta:
        verbose_name = _("账号角色")
        verbose_name_plural = _("账号角色")
        constraints = [
            models.CheckConstraint(
                condition=(Q(role__in=["editor", "approver"]) & Q(department__isnull=False, province__isnull=True))
                | (Q(role="supervisor") & Q(department__isnull=True, province__isnull=False)),
                name="membership_scope_matches_role",
                violation_error_message=_(
                    "部门编辑和审核人须指定部门（不指定省份）；督查人员须指定省份（不指定部门）。"
                ),
            ),
        ]

    def __str__(self):
        return f"{self.user}：{self.get_role_display()}（{self.department or self.province}）"

    @property
    def is_department_staff(self):
        return self.role in (self.Role.EDITOR, self.Role.APPROVER)


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Report.State.PUBLISHED)

    def filed(self):
        """Reports that have been submitted (and possibly published since)."""
        return self.filter(state__in=[Report.State.SUBMITTED, Report.State.PUBLISHED])

    def with_department(self):
        return self.select_related("department__jurisdiction", "department__sector")


# Bounds of any report year the database accepts (a sanity check on input); which years a province asks a
# report on is its rule's (ReportingRule.report_years).
REPORT_YEAR_MIN, REPORT_YEAR_MAX = 2000, 2100


class Report(SearchableModel):
    """Hold one department's annual report on one year: its current text and where it stands."""

    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已报送")
        PUBLISHED = "published", _("已公开")

    department = models.ForeignKey(Department, verbose_name=_("部门"), on_delete=models.PROTECT, related_name="reports")
    year = models.PositiveSmallIntegerField(_("报告年度"), help_text=_("报告所述的年度；截止日期在次年。"))
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(
        _("版本号"), default=1, help_text=_("每次保存加一；保存时版本号不符说明他人已修改。")
    )
    overall = models.TextField(_("生态环境保护职责履行总体情况"), blank=True, **limited_text(OVERALL_MAX_LENGTH))
    deadline = models.DateField(_("报送截止日期"), null=True, blank=True, help_text=_("报送时按所在省份规则确定。"))
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    submitted_on_time = models.BooleanField(_("按时报送"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    ready_for_review_at = models.DateTimeField(
        _("提请审核时间"), null=True, blank=True, help_text=_("编辑标记草稿可供审核、通知审核人的时间。")
    )
    ready_for_review_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提请审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("最后修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("最后修改人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "department__jurisdiction_id", "department__position"]
        verbose_name = _("年度专题报告")
        verbose_name_plural = _("年度专题报告")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year"],
                name="report_one_per_department_and_year",
                violation_error_message=_("该部门这一年度的报告已经存在。"),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=REPORT_YEAR_MIN, year__lte=REPORT_YEAR_MAX),
                name="report_year_plausible",
                violation_error_message=_("报告年度应在 2000 到 2100 之间。"),
            ),
            models.CheckConstraint(
                condition=Q(state="draft")
                | Q(submitted_at__isnull=False, deadline__isnull=False, submitted_on_time__isnull=False),
                name="report_filed_has_submission",
                violation_error_message=_("已报送的报告须有报送时间和截止日期。"),
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="report_published_has_date",
                violation_error_message=_("已公开的报告须有公开时间。"),
            ),
        ]

    def __str__(self):
        return _("%(department)s %(year)s 年度生态环境保护专题报告") % {
            "department": self.department.name,
            "year": self.year,
        }

    def get_absolute_url(self):
        """The public address; it answers only once the report is published."""
        department = self.department
        return reverse("reports:public_detail", args=[department.jurisdiction.slug, department.slug, self.year])

    @property
    def is_draft(self):
        return self.state == self.State.DRAFT

    @property
    def is_filed(self):
        return self.state in (self.State.SUBMITTED, self.State.PUBLISHED)

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    def get_workspace_url(self):
        return reverse("reports:report_edit", args=[self.pk])


class ReportEntry(EntrySubject, models.Model):
    """Record how one duty the department leads was carried out in the report's year.

    The duty is a specific item of the department's list; a department that has published no list reports
    on the general requirements its province's documents put on it instead (`requirement`), one or the other.
    """

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", _("未开始")
        IN_PROGRESS = "in-progress", _("推进中")
        DONE = "done", _("已完成")

    report = models.ForeignKey(Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="entries")
    duty = models.ForeignKey(
        DutyItem, verbose_name=_("具体事项"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requirement = models.ForeignKey(
        Requirement,
        verbose_name=_("一般要求"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("部门尚未公开具体事项清单时，报告文件对其提出的一般要求的落实情况。"),
    )
    duty_text = models.TextField(_("事项内容"), help_text=_("建立报告时的事项原文，清单日后变动也不影响已写的报告。"))
    planned_goal = models.TextField(
        _("年度目标（工作方案）"), blank=True, help_text=_("建立报告时已备案的年度工作方案。")
    )
    planned_tasks = models.TextField(_("重点任务（工作方案）"), blank=True)
    status = models.CharField(_("落实情况"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.TextField(_("完成了哪些工作"), blank=True, **limited_text(PROGRESS_MAX_LENGTH))
    figures = models.TextField(_("数据指标"), blank=True, **limited_text(FIGURES_MAX_LENGTH))
    evidence_links = models.TextField(
        _("佐证材料链接"),
        blank=True,
        max_length=EVIDENCE_LINKS_MAX_LENGTH,
        validators=[TextLimitValidator(EVIDENCE_LINKS_MAX_LENGTH), validate_evidence_links],
        help_text=_("每行一个网址。"),
    )
    position = models.PositiveIntegerField(_("排序"))

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("事项落实情况")
        verbose_name_plural = _("事项落实情况")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "duty"],
                name="report_entry_one_per_duty",
                violation_error_message=_("同一事项在一份报告中只能出现一次。"),
            ),
            models.UniqueConstraint(
                fields=["report", "requirement"],
                name="report_entry_one_per_requirement",
                violation_error_message=_("同一要求在一份报告中只能出现一次。"),
            ),
            models.CheckConstraint(
                condition=Q(duty__isnull=False, requirement__isnull=True)
                | Q(duty__isnull=True, requirement__isnull=False),
                name="report_entry_is_a_duty_or_a_requirement",
                violation_error_message=_("每一条须对应一个具体事项或一项一般要求。"),
            ),
        ]

    def __str__(self):
        return self.duty_text[:40]

    @property
    def evidence_link_list(self):
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class ReportSection(models.Model):
    """Hold one further section a province's rule asks for, such as the pollution-prevention campaign."""

    report = models.ForeignKey(Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("标题"), max_length=200)
    source_provision = models.ForeignKey(
        Provision,
        verbose_name=_("依据条款"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("内容"), blank=True, **limited_text(SECTION_BODY_MAX_LENGTH))
    position = models.PositiveSmallIntegerField(_("排序"))

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("报告专项内容")
        verbose_name_plural = _("报告专项内容")
        constraints = [
            models.UniqueConstraint(fields=["report", "title"], name="report_section_title_unique"),
        ]

    def __str__(self):
        return self.title


def attachment_path(attachment, filename):
    # The stored name is never the uploader's: only the checked type decides the extension.
    return f"reports/{attachment.report.year}/{attachment.report.department_id}/{filename}"


class Attachment(models.Model):
    """Keep one evidence file (PDF, PNG or JPEG) attached to a report."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"

    report = models.ForeignKey(Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), upload_to=attachment_path)
    original_name = models.CharField(_("原文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["report", "uploaded_at", "id"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.original_name


class Revision(models.Model):
    """Freeze the text of a report as submitted, and again at each correction after it."""

    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("报送")
        CORRECTION = "correction", _("更正")

    report = models.ForeignKey(Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("修订号"))
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    reason = models.TextField(_("更正说明"), blank=True, **limited_text(CORRECTION_REASON_MAX_LENGTH))
    content = models.JSONField(_("内容"))
    created_at = models.DateTimeField(_("时间"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("报告修订")
        verbose_name_plural = _("报告修订")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"],
                name="revision_number_unique_in_report",
                violation_error_message=_("同一报告的修订号不能重复。"),
            ),
            models.CheckConstraint(
                condition=Q(kind="submission", number=1) | Q(kind="correction", number__gt=1),
                name="revision_first_is_submission",
                violation_error_message=_("第 1 版是报送版本，之后的版本都是更正。"),
            ),
        ]

    def __str__(self):
        return _("第 %(number)s 版（%(kind)s）") % {"number": self.number, "kind": self.get_kind_display()}
