"""Who acts for a jurisdiction's ecological-environmental protection committee office (生态环境保护委员会办公室).

The documents give that office several jobs: plans are filed with it for record (Henan (十)), it settles
matters with no lead by consultation (Jiangxi (四), Henan (六), Chongqing (三)), assigns the problems the
public reports and reviews the lists departments prepare (Jiangxi (三)). One role serves them all; what each
job lets the office do is decided by that job's permissions.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitteeOfficeQuerySet(models.QuerySet):
    def jurisdiction_codes_of(self, user) -> list[str]:
        """The codes of the jurisdictions whose committee office `user` is (none for an inactive account)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return []
        return list(self.filter(user=user).values_list("jurisdiction_id", flat=True))


class CommitteeOffice(models.Model):
    """Give an account the role of one jurisdiction's committee office; an account may serve several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="committee_offices"
    )
    jurisdiction = models.ForeignKey(
        "duties.Jurisdiction", verbose_name=_("行政区"), on_delete=models.CASCADE, related_name="committee_offices"
    )

    objects = CommitteeOfficeQuerySet.as_manager()

    class Meta:
        verbose_name = _("生态环境保护委员会办公室账号")
        verbose_name_plural = _("生态环境保护委员会办公室账号")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "jurisdiction"],
                name="committee_office_once_per_jurisdiction",
                violation_error_message=_("该账号已是这一行政区的生态环境保护委员会办公室。"),
            ),
        ]

    def __str__(self):
        return _("%(user)s：%(jurisdiction)s生态环境保护委员会办公室") % {
            "user": self.user,
            "jurisdiction": self.jurisdiction,
        }


def office_codes(user) -> list[str]:
    """`user`'s committee-office jurisdictions, read once per request (the account object keeps them)."""
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_committee_office_codes", None)
    if cached is None:
        cached = CommitteeOffice.objects.jurisdiction_codes_of(user)
        user._committee_office_codes = cached
    return cached
