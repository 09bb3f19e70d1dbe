"""The departments (and other bodies) of a jurisdiction, as the documents name them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.models.jurisdictions import province_slug_of
from duties.models.lists import DutyRole, valid_on
from search import SearchableModel

ALIASES_NOT_A_LIST = _("其他写法应是名称的列表（每行一个）。")
ALIAS_TOO_SHORT = _("“%(name)s”只有一个字，不能作为部门的写法（它会让导入把任何含这个字的名称当作该部门）。")
ALIAS_REPEATED = _("“%(name)s”重复了。")
ALIAS_IS_NAME = _("“%(name)s”已是部门的名称或简称，不必再列为其他写法。")


def alias_errors(aliases, *names: str) -> list[ValidationError]:
    """Why a department's other names (其他写法) cannot stand: not a list of names, a name of one character (the
    import would take any name containing it for the department), one repeated, or its own name or short name."""
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        return [ValidationError(ALIASES_NOT_A_LIST, code="invalid")]
    errors, seen = [], set()
    for alias in aliases:
        if len(alias.strip()) < 2:
            errors.append(ValidationError(ALIAS_TOO_SHORT, code="too_short", params={"name": alias}))
        elif alias in seen:
            errors.append(ValidationError(ALIAS_REPEATED, code="repeated", params={"name": alias}))
        elif alias in names:
            errors.append(ValidationError(ALIAS_IS_NAME, code="is_name", params={"name": alias}))
        seen.add(alias)
    return errors


class DepartmentQuerySet(models.QuerySet):
    def with_duty_counts(self, day: datetime.date | None = None):
        """Count, role by role, the duties each department holds in the list in force on `day` (today by default).

        `lead_duty_count` (牵头) and `co_lead_duty_count` (会同牵头) are shown side by side everywhere; together
        they are the duties the department leads (`DutyRole.LEADING`): its list, `leading_duty_count`.
        """
        in_force = valid_on(day or timezone.localdate(), "duty_roles__duty__")

        def count(role):
            return Count("duty_roles", filter=Q(duty_roles__role=role) & in_force, distinct=True)

        return self.annotate(
            lead_duty_count=count(DutyRole.Role.LEAD),
            co_lead_duty_count=count(DutyRole.Role.CO_LEAD),
            cooperating_duty_count=count(DutyRole.Role.COOPERATING),
        )


class Department(SearchableModel):
    """Hold one department (or other body) of a jurisdiction as the documents name it."""

    jurisdiction = models.ForeignKey(
        "Jurisdiction", verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField(_("名称"), max_length=100, help_text=_("来源文件载明的全称；未载明全称时为文件中的写法。"))
    name_attested = models.BooleanField(
        _("全称见于来源"), default=True, help_text=_("否：来源文件只写了简称或职能，全称未载明。")
    )
    short_name = models.CharField(_("简称"), max_length=60, help_text=_("文件中使用的简称，如“省住房城乡建设厅”。"))
    aliases = models.JSONField(_("其他写法"), default=list, blank=True)
    sector = models.ForeignKey(
        "Sector", verbose_name=_("职能领域"), on_delete=models.PROTECT, related_name="departments"
    )
    slug = models.SlugField(_("拼音标识"), max_length=100)
    bears_key_duties = models.BooleanField(_("承担重要生态环境保护职责"), default=False)
    key_duties_provision = models.ForeignKey(
        "Provision",
        verbose_name=_("列为重要职责部门的条款"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField(_("排序"), default=0)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        ordering = ["jurisdiction", "position"]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        indexes = [models.Index(fields=["jurisdiction", "position", "id"], name="department_list_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "slug"],
                name="department_slug_unique_in_jurisdiction",
                violation_error_message=_("同一行政区内部门拼音标识不能重复。"),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if errors := alias_errors(self.aliases, self.name, self.short_name):
            raise ValidationError({"aliases": errors})

    @property
    def leading_duty_count(self) -> int:
        """How many duties the department leads or co-leads: the length of its list (needs `with_duty_counts`)."""
        return self.lead_duty_count + self.co_lead_duty_count

    def get_absolute_url(self) -> str:
        return self._url("pages", "department")  # the page shows its reports too, so it lives above the apps

    def get_changes_url(self) -> str:
        return self._url("duties", "department_changes")

    def get_changes_feed_url(self) -> str:
        return self._url("duties", "department_changes_feed")

    def _url(self, namespace, name):
        """A province's departments are under the province; a city's or county's under its code too."""
        jurisdiction = self.jurisdiction
        if jurisdiction.parent_id is None:
            return reverse(f"{namespace}:{name}", args=[jurisdiction.slug, self.slug])
        args = [province_slug_of(jurisdiction), int(jurisdiction.code), self.slug]
        return reverse(f"{namespace}:local_{name}", args=args)
