"""The reporting and disclosure obligations the documents set, with their deadlines."""

import calendar
import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReportingRule(models.Model):
    """Hold one reporting or disclosure obligation a document sets, with its deadline rule."""

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual-report", _("年度专题报告")
        LIST_PUBLICATION = "list-publication", _("清单公开")
        QUARTERLY_DISCLOSURE = "quarterly-disclosure", _("季度信息通报")

    jurisdiction = models.ForeignKey(
        "Jurisdiction", verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="reporting_rules"
    )
    document = models.ForeignKey("Document", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="rules")
    provision = models.ForeignKey(
        "Provision", verbose_name=_("出处条款"), on_delete=models.CASCADE, related_name="rules"
    )
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

    @property
    def first_report_year(self) -> int | None:
        """The first year whose report this rule asks for: the year its document was issued (a report on year Y
        is due early in Y + 1). None when the document prints no year."""
        return self.document.issued_year

    def applies_to_report_year(self, report_year: int) -> bool:
        """Whether the rule asks for a report on `report_year`: not for years before it existed."""
        return self.first_report_year is not None and report_year >= self.first_report_year

    def report_years(self, today: datetime.date) -> range:
        """The years a report can be written on under this rule, oldest first: from its first year to this one
        (a report on the current year can be drafted while the year runs)."""
        first = self.first_report_year
        return range(first, today.year + 1) if first is not None else range(0)

    @property
    def deadline_display(self) -> str:
        """The yearly deadline in words, as the rule sets it: 每年 1 月 10 日前 / 每年 2 月底前."""
        if self.deadline_month is None:
            return ""
        day = _(" %(day)s 日") % {"day": self.deadline_day} if self.deadline_day else _("底")
        return _("每年 %(month)s 月%(day)s前") % {"month": self.deadline_month, "day": day}

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
