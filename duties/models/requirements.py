"""General requirements: provisions that put the same task on many departments or on every level of government.

They are not specific duty items (具体事项): the documents that set them (Henan's measures, Chongqing's plan,
Jilin's 2016 opinion on county governments) ask departments to draw up and publish their own lists, and
until a department has, what the documents ask of it is these requirements, shown as what they are.
"""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from duties.models.lists import DutyRole


class RequirementQuerySet(models.QuerySet):
    def with_departments(self):
        """Fetch every department a requirement names, in one more query per page."""
        return self.select_related("provision", "document__jurisdiction__parent__parent").prefetch_related(
            Prefetch(
                "roles",
                queryset=RequirementRole.objects.select_related(
                    "department__sector", "department__jurisdiction__parent__parent"
                ),
            )
        )

    def naming(self, department):
        """The requirements that put a task on `department` (in any role)."""
        return self.filter(roles__department=department).distinct()


class Requirement(models.Model):
    """Hold one general requirement of a document: the provision, its text and the bodies it names."""

    document = models.ForeignKey(
        "Document", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="requirements"
    )
    provision = models.ForeignKey(
        "Provision", verbose_name=_("出处条款"), on_delete=models.CASCADE, related_name="requirements"
    )
    number = models.CharField(_("编号"), max_length=20, blank=True, help_text=_("条款在文件中印的编号。"))
    text = models.TextField(_("要求内容"))
    position = models.PositiveIntegerField(_("文中位置"))

    objects = RequirementQuerySet.as_manager()

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("一般要求")
        verbose_name_plural = _("一般要求")
        constraints = [
            models.UniqueConstraint(fields=["provision"], name="requirement_one_per_provision"),
        ]

    def __str__(self):
        return f"{self.number} {self.text[:40]}".strip()

    def get_absolute_url(self) -> str:
        return self.provision.get_absolute_url()

    @property
    def subject_key(self) -> str:
        """What a plan's and a report's entries on this requirement are about (DutyItem.subject_key's peer)."""
        return f"requirement:{self.pk}"

    def _departments_in(self, roles):
        return [role.department for role in self.roles.all() if role.role in roles and role.department_id]

    @property
    def addressed_departments(self):
        """The departments the requirement puts its task on (named as leading it, alone or together)."""
        return self._departments_in(DutyRole.LEADING)

    @property
    def cooperating_departments(self):
        return self._departments_in((DutyRole.Role.COOPERATING,))

    @property
    def bodies_outside_records(self):
        return [role for role in self.roles.all() if not role.department_id]


class RequirementRole(models.Model):
    """Link a requirement to a body it names, in one role; a body outside the records stays as written."""

    requirement = models.ForeignKey(
        Requirement, verbose_name=_("一般要求"), on_delete=models.CASCADE, related_name="roles"
    )
    department = models.ForeignKey(
        "Department",
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requirement_roles",
    )
    role = models.CharField(_("角色"), max_length=20, choices=DutyRole.Role.choices)
    name_as_written = models.CharField(_("原文写法"), max_length=100)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["requirement", "position"]
        verbose_name = _("要求涉及的部门")
        verbose_name_plural = _("要求涉及的部门")
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "department", "role"],
                condition=Q(department__isnull=False),
                name="requirement_role_unique",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}：{self.department or self.name_as_written}"


class EntrySubject:
    """For a plan's or a report's entry, which answers for either a specific duty or a general requirement."""

    @property
    def subject(self):
        return self.duty if self.duty_id else self.requirement
