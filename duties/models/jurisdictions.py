"""Where the lists apply: administrative divisions by their GB/T 2260 code, and the sectors of government."""

import re

from django.core.exceptions import ValidationError
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


def province_of(jurisdiction):
    """The province-level jurisdiction a jurisdiction is in (itself for a province; at most two levels up)."""
    while jurisdiction.parent_id is not None:
        jurisdiction = jurisdiction.parent
    return jurisdiction


def province_slug_of(jurisdiction):
    """The slug that starts the jurisdiction's public URLs: its province's."""
    return province_of(jurisdiction).slug


UNKNOWN_JURISDICTION = _("没有代码或拼音标识为“%(value)s”的行政区。")
INVALID_JURISDICTION = _("行政区应写作 6 位行政区划代码（如 360000、360100）或省份拼音（如 jiangxi）。")
CODE = re.compile(r"[1-9]\d{5}")  # six digits, as the code field's validator says
_JURISDICTION_TOKEN = re.compile(r"[1-9][0-9]{5}|[a-z][a-z0-9-]{0,59}")
# The same, as the API's schema states it (any case).
JURISDICTION_PATTERN = r"^(?:[1-9][0-9]{5}|[A-Za-z][A-Za-z0-9-]{0,59})$"


def jurisdiction_token(value) -> str:
    """A jurisdiction's name as a client types it, normalised (case-insensitive); ValidationError if it cannot be one.

    A code names any jurisdiction (province, city or county); a pinyin slug names a province, since the
    slugs of cities and counties repeat across provinces.
    """
    token = str(value).strip().lower()
    if not _JURISDICTION_TOKEN.fullmatch(token):
        raise ValidationError(INVALID_JURISDICTION, code="invalid")
    return token


class JurisdictionQuerySet(models.QuerySet):
    def provinces(self):
        return self.filter(parent__isnull=True)

    def named(self, value):
        """The jurisdiction `value` names: a code (any level) or a province's slug; ValidationError if malformed."""
        token = jurisdiction_token(value)
        return self.filter(code=token) if token.isdigit() else self.filter(slug=token, parent__isnull=True)

    def get_named(self, value):
        """The one jurisdiction `value` names, or ValidationError saying that none has that name."""
        found = self.named(value).first()
        if found is None:
            raise ValidationError(UNKNOWN_JURISDICTION, code="invalid_choice", params={"value": str(value)[:60]})
        return found


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

    objects = JurisdictionQuerySet.as_manager()

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

    def clean(self):
        """A code's level and parent follow from its digits (GB/T 2260): the admin, the imports and
        `full_clean()` all ask duties/gbt2260.py."""
        from duties import gbt2260  # it reads Jurisdiction's levels and kinds: imported when the model is built

        if not (self.code and CODE.fullmatch(self.code) and self.level):
            return  # the fields' own errors say what is wrong
        parent = self.parent if self.parent_id is not None else None
        if errors := gbt2260.code_errors(code=self.code, level=self.level, kind=self.kind, parent=parent):
            raise ValidationError(errors)
