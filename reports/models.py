"""Annual thematic reports (专题报告): who may write them, the reports, their entries and revisions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from duties.models import Department, DutyItem, Jurisdiction


class Membership(models.Model):
    """Give one account one role: in a department (editor, approver) or a province's committee office (supervisor)."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("填报人")
        APPROVER = "approver", _("审核报送人")
        SUPERVISOR = "supervisor", _("环委会办公室督查人员")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department, verbose_name=_("部门"), null=True, blank=True, on_delete=models.CASCADE, related_name="members"
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("督查的行政区"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supervisors",
    )

    class Meta:
        verbose_name = _("账号角色")
        verbose_name_plural = _("账号角色")
        constraints = [
            models.CheckConstraint(
                condition=(Q(role="supervisor") & Q(jurisdiction__isnull=False) & Q(department__isnull=True))
                | (~Q(role="supervisor") & Q(department__isnull=False) & Q(jurisdiction__isnull=True)),
                name="membership_scope_matches_role",
                violation_error_message=_("部门人员须指定部门；督查人员须指定行政区。"),
            ),
            models.UniqueConstraint(fields=["user", "role", "department", "jurisdiction"], name="membership_unique"),
        ]

    def __str__(self):
        return f"{self.user}：{self.get_role_display()}（{self.department or self.jurisdiction}）"


class AnnualReport(models.Model):
    """Hold one department's report on one year: a draft, then submitted (frozen), then published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已报送")
        PUBLISHED = "published", _("已公开")

    department = models.ForeignKey(
        Department, verbose_name=_("部门"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("报告年度"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    overall = models.TextField(_("总体履职情况"), blank=True)
    extra_sections = models.JSONField(_("省规定的其他内容"), default=dict, blank=True)
    # Raised on every save: a save that names an older version is refused, not merged.
    version = models.PositiveIntegerField(_("版本"), default=1)
    deadline = models.DateField(_("报送截止日期"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("报送人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["department", "-year"]
        verbose_name = _("年度专题报告")
        verbose_name_plural = _("年度专题报告")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year"],
                name="one_report_per_department_year",
                violation_error_message=_("该部门该年度已有专题报告。"),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="submitted_report_has_submission_time",
                violation_error_message=_("已报送的报告须有报送时间。"),
            ),
        ]

    def __str__(self):
        return f"{self.department.name} {self.year} 年度专题报告"

    @property
    def is_frozen(self):
        return self.status != self.Status.DRAFT

    @property
    def on_time(self) -> bool | None:
        """Whether it was submitted by the deadline (in Asia/Shanghai); None while a draft or without a rule."""
        if self.submitted_at is None or self.deadline is None:
            return None
        from django.utils import timezone

        return timezone.localtime(self.submitted_at).date() <= self.deadline


class ReportEntry(models.Model):
    """Say how the department performed one duty it leads, in one report."""

    class Progress(models.TextChoices):
        NOT_STARTED = "not-started", _("未开展")
        IN_PROGRESS = "in-progress", _("推进中")
        DONE = "done", _("已完成")

    report = models.ForeignKey(AnnualReport, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="entries")
    duty = models.ForeignKey(
        DutyItem, verbose_name=_("具体事项"), on_delete=models.PROTECT, related_name="report_entries"
    )
    progress = models.CharField(_("进展"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED)
    work_done = models.TextField(_("履职情况"), blank=True)
    figures = models.TextField(_("主要数据"), blank=True)
    evidence_links = models.TextField(_("佐证材料链接"), blank=True, help_text=_("每行一个网址。"))
    position = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("事项履职情况")
        verbose_name_plural = _("事项履职情况")
        constraints = [models.UniqueConstraint(fields=["report", "duty"], name="one_entry_per_duty_in_report")]

    def __str__(self):
        return f"{self.report} · {self.duty}"


class ReportRevision(models.Model):
    """Keep what a report said at its submission and at every correction after it."""

    report = models.ForeignKey(AnnualReport, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("修订号"))
    content = models.JSONField(_("内容"))
    reason = models.TextField(_("修订说明"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("修订人"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("报告修订")
        verbose_name_plural = _("报告修订")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="revision_number_unique")]

    def __str__(self):
        return f"{self.report} · 第 {self.number} 版"
