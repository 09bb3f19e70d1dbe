"""Where the lists apply: administrative divisions by their GB/T 2260 code, and the sectors of government."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
