"""Annual work plans (年度工作方案或计划), filed for record (备案) with the committee office of the same level.

Henan (十): departments leading environmental tasks "要按照要求制定年度工作方案或计划，明确全年目标、重点任务、
推进措施 … 应报送同级生态环境保护委员会办公室备案"; Jiangxi (七) asks each department to break its items down to
the units and people responsible. A plan is written like a report (draft, then submitted by the approver) but
the office decides on it: it acknowledges the plan (备案) or returns it with comments. Each submission is a
frozen revision; the public reads the revision last published.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duties.models import Department, DutyItem, EntrySubject, Jurisdiction, Requirement

PLAN_YEAR_MIN, PLAN_YEAR_MAX = 2000, 2100
NOT_A_DAY_OF_EVERY_YEAR = _("截止日期须是每年都有的一天（如 3 月 31 日；不能是 2 月 29 日或 4 月 31 日）。")
PORTAL_DEFAULTS_SOURCE = _(
    "本平台默认：文件未规定报送备案的期限，也未规定是否公开责任人姓名；默认只公开责任单位。"
    "省级可在此另行设定，并写明依据。"
)


def plannable_years(today: datetime.date) -> range:
    """The years a plan can be opened on: last year (a late plan), this year and next (drafted in December)."""
    return range(today.year - 1, today.year + 2)


class PlanRuleQuerySet(models.QuerySet):
    def for_province(self, province) -> "PlanRule":
        """The province's settings, or the portal's defaults (unsaved) where it has set none."""
        return self.filter(province=province).first() or PlanRule(province=province)


class PlanRule(models.Model):
    """Set what a province asks of its departments' annual plans, and say where each setting comes from."""

    province = models.OneToOneField(
        Jurisdiction,
        verbose_name=_("省级行政区"),
        on_delete=models.CASCADE,
        related_name="plan_rule",
        limit_choices_to={"parent__isnull": True},
    )
    filed_with = models.CharField(_("备案机关"), max_length=100, default="本级生态环境保护委员会办公室")
    filing_deadline_month = models.PositiveSmallIntegerField(_("报送备案截止月"), null=True, blank=True)
    filing_deadline_day = models.PositiveSmallIntegerField(_("报送备案截止日"), null=True, blank=True)
    publish_responsible_person = models.BooleanField(
        _("公开责任人姓名"), default=False, help_text=_("否：公开的方案只列责任单位。")
    )
    source = models.TextField(_("依据"), default=PORTAL_DEFAULTS_SOURCE)

    objects = PlanRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("年度工作方案规则")
        verbose_name_plural = _("年度工作方案规则")
        constraints = [
            models.CheckConstraint(
                condition=Q(filing_deadline_month__isnull=True, filing_deadline_day__isnull=True)
                | Q(filing_deadline_month__gte=1, filing_deadline_month__lte=12, filing_deadline_day__gte=1)
                & Q(filing_deadline_day__lte=31),
                name="plan_rule_deadline_is_a_day",
                violation_error_message=_("报送备案截止日期须同时写明月和日（或都不写）。"),
            ),
        ]

    def __str__(self):
        return _("%(province)s年度工作方案规则") % {"province": self.province.name}

    def clean(self):
        if self.filing_deadline_month is not None and self.filing_deadline_day is not None:
            try:
                datetime.date(2023, self.filing_deadline_month, self.filing_deadline_day)  # a day of every year
            except ValueError:
                raise ValidationError({"filing_deadline_day": NOT_A_DAY_OF_EVERY_YEAR}) from None

    def filing_deadline(self, plan_year: int) -> datetime.date | None:
        """The last day to submit the plan on `plan_year` for record: in that year; None where none is set."""
        if self.filing_deadline_month is None:
            return None
        return datetime.date(plan_year, self.filing_deadline_month, self.filing_deadline_day)

    @property
    def deadline_display(self) -> str:
        if self.filing_deadline_month is None:
            return ""
        return _("每年 %(month)s 月 %(day)s 日前") % {
            "month": self.filing_deadline_month,
            "day": self.filing_deadline_day,
        }


class AnnualPlanQuerySet(models.QuerySet):
    def with_department(self):
        return self.select_related("department__jurisdiction", "department__sector")

    def published(self):
        return self.filter(published_revision__isnull=False)

    def acknowledged(self):
        """Plans with a revision the office acknowledged (filed for record), whatever they are doing since."""
        return self.filter(first_acknowledged_at__isnull=False)


class AnnualPlan(models.Model):
    """Hold one department's annual work plan for one year: its current text and where it stands."""

    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已报送备案")
        RETURNED = "returned", _("已退回修改")
        ACKNOWLEDGED = "acknowledged", _("已备案")
        PUBLISHED = "published", _("已公开")

    EDITABLE = (State.DRAFT, State.RETURNED)

    department = models.ForeignKey(Department, verbose_name=_("部门"), on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField(_("年度"))
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(
        _("版本号"), default=1, help_text=_("每次保存加一；保存时版本号不符说明他人已修改。")
    )
    overall_goal = models.TextField(_("全年目标"), blank=True)
    first_submitted_at = models.DateTimeField(_("首次报送备案时间"), null=True, blank=True)
    first_acknowledged_at = models.DateTimeField(_("首次备案时间"), null=True, blank=True)
    published_revision = models.ForeignKey(
        "PlanRevision",
        verbose_name=_("公开的版本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
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

    objects = AnnualPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "department__jurisdiction_id", "department__position"]
        verbose_name = _("年度工作方案")
        verbose_name_plural = _("年度工作方案")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year"],
                name="plan_one_per_department_and_year",
                violation_error_message=_("该部门这一年度的工作方案已经存在。"),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=PLAN_YEAR_MIN, year__lte=PLAN_YEAR_MAX),
                name="plan_year_plausible",
                violation_error_message=_("年度应在 2000 到 2100 之间。"),
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft"]) | Q(first_submitted_at__isnull=False),
                name="plan_submitted_has_time",
                violation_error_message=_("报送过的方案须有报送时间。"),
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_revision__isnull=False, published_at__isnull=False),
                name="plan_published_has_revision",
                violation_error_message=_("已公开的方案须有公开的版本和公开时间。"),
            ),
        ]

    def __str__(self):
        return _("%(department)s %(year)s 年度生态环境保护工作方案") % {
            "department": self.department.name,
            "year": self.year,
        }

    def get_absolute_url(self):
        """The public address; it answers once a revision is published."""
        department = self.department
        return reverse("plans:public_detail", args=[department.jurisdiction.slug, department.slug, self.year])

    def get_workspace_url(self):
        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in self.EDITABLE


class PlanEntry(EntrySubject, models.Model):
    """Plan one duty the department leads: the goal, key tasks, measures, who is responsible and by when.

    The duty is a specific item of the department's list; a department that has published no list plans for
    the general requirements its province's documents put on it instead (`requirement`), one or the other.
    """

    plan = models.ForeignKey(AnnualPlan, verbose_name=_("方案"), on_delete=models.CASCADE, related_name="entries")
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
        help_text=_("部门尚未公开具体事项清单时，文件对其提出的一般要求。"),
    )
    duty_text = models.TextField(_("事项内容"), help_text=_("建立方案时的事项原文。"))
    goal = models.TextField(_("年度目标"), blank=True)
    key_tasks = models.TextField(_("重点任务"), blank=True)
    measures = models.TextField(_("推进措施"), blank=True)
    responsible_unit = models.CharField(
        _("责任单位"), max_length=200, blank=True, help_text=_("本部门内负责的处室或单位。")
    )
    responsible_person = models.CharField(_("责任人"), max_length=100, blank=True)
    planned_completion = models.DateField(_("计划完成时间"), null=True, blank=True)
    position = models.PositiveIntegerField(_("排序"))

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("方案事项")
        verbose_name_plural = _("方案事项")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "duty"],
                name="plan_entry_one_per_duty",
                violation_error_message=_("同一事项在一份方案中只能出现一次。"),
            ),
            models.UniqueConstraint(
                fields=["plan", "requirement"],
                name="plan_entry_one_per_requirement",
                violation_error_message=_("同一要求在一份方案中只能出现一次。"),
            ),
            models.CheckConstraint(
                condition=Q(duty__isnull=False, requirement__isnull=True)
                | Q(duty__isnull=True, requirement__isnull=False),
                name="plan_entry_is_a_duty_or_a_requirement",
                violation_error_message=_("每一条须对应一个具体事项或一项一般要求。"),
            ),
        ]

    def __str__(self):
        return self.duty_text[:40]


class PlanRevision(models.Model):
    """Freeze a plan as submitted for record, with the office's decision on it (acknowledged or returned)."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("待备案")
        ACKNOWLEDGED = "acknowledged", _("已备案")
        RETURNED = "returned", _("退回修改")

    plan = models.ForeignKey(AnnualPlan, verbose_name=_("方案"), on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("版本号"))
    content = models.JSONField(_("内容"))
    submitted_at = models.DateTimeField(_("报送时间"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("报送人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(_("备案意见"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    comment = models.TextField(_("办公室意见"), blank=True)
    decided_at = models.DateTimeField(_("办理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("办理人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("方案版本")
        verbose_name_plural = _("方案版本")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="plan_revision_number_unique",
                violation_error_message=_("同一方案的版本号不能重复。"),
            ),
            models.CheckConstraint(
                condition=Q(decision="pending", decided_at__isnull=True)
                | ~Q(decision="pending") & Q(decided_at__isnull=False),
                name="plan_revision_decided_has_time",
                violation_error_message=_("已办理的版本须有办理时间。"),
            ),
            models.CheckConstraint(
                condition=~Q(decision="returned") | ~Q(comment=""),
                name="plan_revision_return_has_comment",
                violation_error_message=_("退回须写明意见。"),
            ),
        ]

    def __str__(self):
        return _("第 %(number)s 版（%(decision)s）") % {"number": self.number, "decision": self.get_decision_display()}
