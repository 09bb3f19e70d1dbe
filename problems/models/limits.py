"""A jurisdiction's time limits for handling a problem, as data, each citing its source.

The defaults are the environmental hotline's (《环保举报热线工作管理办法》, 环境保护部令第15号, 2010): the
reporter is told within 15 days whether the report is accepted, an accepted report is closed within 60
days, and it may be extended once, by at most 30 days, the reason told to the reporter.

Days are counted in Beijing time (Asia/Shanghai) and, as in Chinese administrative practice, the day
the period starts is not counted: a report received on 1 March must be accepted by 16 March (its 15th
day) and is late on 17 March (its 16th).
"""

import datetime
from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The rules are Chinese rules: a day ends at midnight in Beijing, whatever the server's time zone.
LIMITS_TIMEZONE = ZoneInfo("Asia/Shanghai")

HOTLINE_RULES = "《环保举报热线工作管理办法》（环境保护部令第15号，2010年）"
DEFAULT_ACCEPTANCE_DAYS = 15
DEFAULT_HANDLING_DAYS = 60
DEFAULT_EXTENSION_DAYS = 30
DEFAULT_ACCEPTANCE_SOURCE = HOTLINE_RULES + "：自收到举报之日起15日内告知举报人是否受理。"
DEFAULT_HANDLING_SOURCE = HOTLINE_RULES + "：受理之日起60日内办结。"
DEFAULT_EXTENSION_SOURCE = HOTLINE_RULES + "：情况复杂的可延期一次，延长期限不超过30日，并告知举报人延期理由。"


def local_day(moment: datetime.datetime) -> datetime.date:
    """The day `moment` falls on in Beijing."""
    return moment.astimezone(LIMITS_TIMEZONE).date()


def today_in_china() -> datetime.date:
    return local_day(timezone.now())


def on_time(moment: datetime.datetime, due: datetime.date) -> bool:
    """Whether a step taken at `moment` falls on or before its last day `due`, in Beijing."""
    return local_day(moment) <= due


class TimeLimits(models.Model):
    """Set a jurisdiction's time limits for accepting, handling and extending a problem, each with its source."""

    jurisdiction = models.OneToOneField(
        "duties.Jurisdiction",
        verbose_name=_("行政区"),
        on_delete=models.CASCADE,
        related_name="problem_time_limits",
        help_text=_("其下未另行规定期限的市、县适用本规定。"),
    )
    acceptance_days = models.PositiveSmallIntegerField(
        _("受理期限（日）"), default=DEFAULT_ACCEPTANCE_DAYS, validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    acceptance_source = models.TextField(_("受理期限依据"), default=DEFAULT_ACCEPTANCE_SOURCE)
    handling_days = models.PositiveSmallIntegerField(
        _("办结期限（日）"),
        default=DEFAULT_HANDLING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("自受理之日起计算。"),
    )
    handling_source = models.TextField(_("办结期限依据"), default=DEFAULT_HANDLING_SOURCE)
    extension_max_days = models.PositiveSmallIntegerField(
        _("延期最长（日）"), default=DEFAULT_EXTENSION_DAYS, validators=[MaxValueValidator(365)]
    )
    extensions_allowed = models.PositiveSmallIntegerField(_("可延期次数"), default=1, validators=[MaxValueValidator(3)])
    extension_source = models.TextField(_("延期依据"), default=DEFAULT_EXTENSION_SOURCE)

    class Meta:
        verbose_name = _("问题办理期限")
        verbose_name_plural = _("问题办理期限")

    def __str__(self):
        return _("%(jurisdiction)s：受理 %(a)s 日，办结 %(h)s 日，延期不超过 %(e)s 日") % {
            "jurisdiction": self.jurisdiction_id and self.jurisdiction.name or _("默认"),
            "a": self.acceptance_days,
            "h": self.handling_days,
            "e": self.extension_max_days,
        }

    @classmethod
    def for_jurisdiction(cls, jurisdiction) -> "TimeLimits":
        """The limits in force in `jurisdiction`: its own, else the nearest level above's, else the hotline's."""
        return cls.for_jurisdictions([jurisdiction])[jurisdiction.pk]

    @classmethod
    def for_jurisdictions(cls, jurisdictions) -> dict[str, "TimeLimits"]:
        """for_jurisdiction of each of `jurisdictions` (their parents fetched), in one query for them all."""
        chains = {}
        for jurisdiction in jurisdictions:
            chain, level = [], jurisdiction
            while level is not None:
                chain.append(level.pk)
                level = level.parent
            chains[jurisdiction.pk] = chain
        codes = {code for chain in chains.values() for code in chain}
        found = {limits.jurisdiction_id: limits for limits in cls.objects.filter(jurisdiction__in=codes)}
        default = cls()
        return {
            code: next((found[level] for level in chain if level in found), default) for code, chain in chains.items()
        }

    def acceptance_due(self, received_at: datetime.datetime) -> datetime.date:
        """The last day to accept (or refuse) a problem received at `received_at`."""
        return local_day(received_at) + datetime.timedelta(days=self.acceptance_days)

    def handling_due(self, accepted_at: datetime.datetime, extended_days: int = 0) -> datetime.date:
        """The last day to finish handling a problem accepted at `accepted_at`, with any extension."""
        return local_day(accepted_at) + datetime.timedelta(days=self.handling_days + extended_days)
