"""Quarterly public disclosures by county governments (Jilin 三、(三) 推进信息公开): each quarter's topic, as the
province's QUARTERLY_DISCLOSURE rules name it, published on the portal (a text, attachments, or a link to where the
government published it) by the quarter's deadline.

The documents name the topics but no deadline. The deadline is data, per province (DisclosureTimeLimit), with its
source; where a province has set none, the portal's default applies and says so: within 15 days after the
quarter ends (Q1 by 15 April, Q4 by 15 January of the next year).
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duties.models import Department, Jurisdiction, ReportingRule
from reports.models import Attachment

DEFAULT_DAYS_AFTER_QUARTER = 15
PORTAL_DEFAULT_SOURCE = _(
    "本平台设定：文件只规定每季度通报的内容，未规定期限；本平台按季度结束后 15 日内在本平台公开计算。"
    "省级可另行规定，并在此写明依据。"
)
DISCLOSURE_YEAR_MIN, DISCLOSURE_YEAR_MAX = 2000, 2100


def quarter_end(year: int, quarter: int) -> datetime.date:
    """The last day of a quarter."""
    return (
        datetime.date(year, 12, 31) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(1)
    )


class DisclosureTimeLimitQuerySet(models.QuerySet):
    def for_province(self, province) -> "DisclosureTimeLimit":
        """The province's time limit, or the portal's default (unsaved) where it has set none."""
        return self.filter(province=province).first() or DisclosureTimeLimit(province=province)


class DisclosureTimeLimit(models.Model):
    """Set how many days after a quarter ends its disclosure is due in one province, and on what authority."""

    province = models.OneToOneField(
        Jurisdiction,
        verbose_name=_("省级行政区"),
        on_delete=models.CASCADE,
        related_name="disclosure_time_limit",
        limit_choices_to={"parent__isnull": True},
    )
    days_after_quarter = models.PositiveSmallIntegerField(
        _("季度结束后天数"),
        default=DEFAULT_DAYS_AFTER_QUARTER,
        validators=[MinValueValidator(0), MaxValueValidator(90)],
        help_text=_("0：季度最后一天前公开。"),
    )
    source = models.TextField(_("依据"), default=PORTAL_DEFAULT_SOURCE)

    objects = DisclosureTimeLimitQuerySet.as_manager()

    class Meta:
        verbose_name = _("季度信息公开期限")
        verbose_name_plural = _("季度信息公开期限")

    def __str__(self):
        return _("%(province)s：季度结束后 %(days)s 日内") % {
            "province": self.province.name,
            "days": self.days_after_quarter,
        }

    def deadline(self, year: int, quarter: int) -> datetime.date:
        """The last day to publish the disclosure of `quarter` of `year`."""
        return quarter_end(year, quarter) + datetime.timedelta(days=self.days_after_quarter)

    @property
    def deadline_display(self) -> str:
        if not self.days_after_quarter:
            return str(_("每季度最后一天前"))
        return str(_("每季度结束后 %(days)s 日内") % {"days": self.days_after_quarter})

    @property
    def set_by_portal(self) -> bool:
        return self.pk is None


class DisclosureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Disclosure.State.PUBLISHED)

    def with_body(self):
        return self.select_related("body__jurisdiction__parent", "rule__provision", "rule__document")


class Disclosure(models.Model):
    """Hold one government's disclosure of one quarter's topic: what it published, where, and when."""

    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已公开")

    body = models.ForeignKey(
        Department, verbose_name=_("公开主体"), on_delete=models.PROTECT, related_name="disclosures"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    rule = models.ForeignKey(
        ReportingRule, verbose_name=_("依据规则"), on_delete=models.PROTECT, related_name="disclosures"
    )
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(_("版本号"), default=1)
    text = models.TextField(_("通报内容"), blank=True)
    link = models.URLField(_("已在其他网站公开的地址"), blank=True, max_length=500)
    deadline = models.DateField(_("公开截止日期"), null=True, blank=True, help_text=_("公开时按本省期限确定。"))
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    published_on_time = models.BooleanField(_("按时公开"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("公开人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("最后修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("最后修改人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-quarter", "body__jurisdiction_id"]
        verbose_name = _("季度信息公开")
        verbose_name_plural = _("季度信息公开")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "quarter"],
                name="disclosure_one_per_body_and_quarter",
                violation_error_message=_("这一季度的信息公开已经存在。"),
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4)
                & Q(year__gte=DISCLOSURE_YEAR_MIN, year__lte=DISCLOSURE_YEAR_MAX),
                name="disclosure_quarter_plausible",
                violation_error_message=_("季度应为 1 至 4，年度在 2000 到 2100 之间。"),
            ),
            models.CheckConstraint(
                condition=Q(state="draft")
                | Q(published_at__isnull=False, deadline__isnull=False, published_on_time__isnull=False),
                name="disclosure_published_has_time",
                violation_error_message=_("已公开的信息须有公开时间和截止日期。"),
            ),
        ]

    def __str__(self):
        return _("%(body)s %(year)s 年第 %(quarter)s 季度%(topic)s情况") % {
            "body": self.body.name,
            "year": self.year,
            "quarter": self.quarter,
            "topic": self.rule.topic,
        }

    def get_absolute_url(self):
        return reverse("disclosures:public_detail", args=[self.pk])

    def get_workspace_url(self):
        return reverse("disclosures:edit", args=[self.pk])

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED


def disclosure_file_path(attachment, filename):
    return f"disclosures/{attachment.disclosure.year}/{attachment.disclosure.body_id}/{filename}"


class DisclosureAttachment(models.Model):
    """Keep one file (PDF, PNG or JPEG) a government attached to its disclosure."""

    disclosure = models.ForeignKey(
        Disclosure, verbose_name=_("信息公开"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("文件"), upload_to=disclosure_file_path)
    original_name = models.CharField(_("原文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=Attachment.Kind.choices)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["disclosure", "uploaded_at", "id"]
        verbose_name = _("信息公开附件")
        verbose_name_plural = _("信息公开附件")

    def __str__(self):
        return self.original_name
