"""The duty lists: each duty's versions, the departments it names in which role, and the dated editions."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.models.documents import issued_by
from duties.models.jurisdictions import province_slug_of
from search import SearchableModel


class Edition(models.Model):
    """Publish one dated edition of a duty list: a department's list, or a jurisdiction's whole list.

    The versions of the duties it adds or rewords point to it (`DutyItem.edition`), and so do
    the versions it ends (`DutyItem.ended_by`): what changed is read from them (duties/editions.py).
    The lists as first published by the source documents are the baseline, before any edition.
    """

    jurisdiction = models.ForeignKey(
        "Jurisdiction", verbose_name=_("行政区"), on_delete=models.PROTECT, related_name="editions"
    )
    department = models.ForeignKey(
        "Department",
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="editions",
        help_text=_("为空表示该行政区的整份清单。"),
    )
    effective_on = models.DateField(_("生效日期"), db_index=True)
    basis = models.CharField(_("依据"), max_length=200, help_text=_("据以修订的文件或决定：标题和文号。"))
    summary = models.TextField(_("修订说明"), blank=True)
    document = models.OneToOneField(
        "Document",
        verbose_name=_("版本文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="edition",
        help_text=_("本版清单的全文（导入的表格，每行一条）：修订后事项的出处。"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发布人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("发布时间"), auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-id"]
        verbose_name = _("清单版本")
        verbose_name_plural = _("清单版本")

    def __str__(self):
        return f"{self.department or self.jurisdiction} {self.effective_on:%Y-%m-%d}：{self.basis}"

    def get_absolute_url(self) -> str:
        return f"{reverse('duties:changes', args=[province_slug_of(self.jurisdiction)])}#edition-{self.pk}"


def valid_on(day: datetime.date, prefix: str = "") -> Q:
    """The duty versions in force on `day` (`prefix` reaches them across a relation, e.g. "duty__").

    A version from the source documents (no `valid_from`) is in force from its document's date of issue:
    on a day before it, there was no list. (Only a past day needs the document: none is issued in the future.)
    """
    since_document = Q(**{f"{prefix}valid_from__isnull": True})
    if day < timezone.localdate():
        since_document &= issued_by(day, f"{prefix}document__")
    return (since_document | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gt": day})
    )


class DutyItemQuerySet(models.QuerySet):
    def as_of(self, day: datetime.date | None):
        """The versions in force on `day`; today's when `day` is None."""
        return self.filter(valid_on(day or timezone.localdate()))

    def current(self):
        return self.as_of(None)

    def with_departments(self):
        """Fetch every role and its department in one more query per page, not one per row."""
        return self.select_related("provision", "document__jurisdiction__parent__parent").prefetch_related(
            Prefetch(
                "roles",
                queryset=DutyRole.objects.select_related(
                    "department__sector", "department__jurisdiction__parent__parent"
                ),
            )
        )


class DutyItem(SearchableModel):
    """Hold one version of a specific duty item and the provision of the document it comes from.

    A duty keeps its first version's id as its `lineage` through every edition that rewords it
    or changes its departments; each version is in force from `valid_from` (empty: since its
    source document) until the day before `valid_until` (empty: still in force). A version keeps
    its predecessor's document, provision and place in the list; its new wording is published in
    the edition's document (`wording`).
    """

    document = models.ForeignKey("Document", verbose_name=_("文件"), on_delete=models.CASCADE, related_name="duties")
    provision = models.ForeignKey(
        "Provision", verbose_name=_("出处条款"), on_delete=models.CASCADE, related_name="duties"
    )
    number = models.CharField(
        _("编号"), max_length=20, blank=True, help_text=_("文件中印的编号；江西附件清单各部门从 1 重新编号。")
    )
    text = models.TextField(_("事项内容"))
    position = models.PositiveIntegerField(_("文中位置"))
    departments = models.ManyToManyField("Department", through="DutyRole", related_name="duties", blank=True)
    lineage = models.PositiveBigIntegerField(
        _("事项标识"), null=True, blank=True, editable=False, db_index=True, help_text=_("各版本共用：首个版本的编号。")
    )
    valid_from = models.DateField(_("起始日期"), null=True, blank=True, editable=False)
    valid_until = models.DateField(_("失效日期"), null=True, blank=True, editable=False)
    edition = models.ForeignKey(
        "Edition",
        verbose_name=_("所属版本"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="versions",
        help_text=_("新增或修订本版本的清单版本；为空表示来源文件的原始清单。"),
    )
    ended_by = models.ForeignKey(
        "Edition",
        verbose_name=_("终止于版本"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="ended_versions",
    )
    wording = models.ForeignKey(
        "Provision",
        verbose_name=_("修订后表述出处"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DutyItemQuerySet.as_manager()

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("具体事项")
        verbose_name_plural = _("具体事项")
        # The list's order: a page of search results reads its first matches in it and stops.
        indexes = [models.Index(fields=["document", "position", "id"], name="duty_item_list_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["provision"],
                condition=Q(valid_until__isnull=True),
                name="duty_item_one_open_version_per_provision",
                violation_error_message=_("一个条款只对应一个现行具体事项。"),
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="duty_item_valid_until_after_valid_from",
                violation_error_message=_("失效日期须晚于起始日期。"),
            ),
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.lineage is None:  # a first version names its duty
            self.lineage = self.pk
            type(self)._base_manager.using(self._state.db).filter(pk=self.pk).update(lineage=self.pk)

    def __str__(self):
        return self.name_of(self.number, self.text)

    @staticmethod
    def name_of(number: str, text: str) -> str:
        """How the admin and the audit trail name a duty: its number and the start of its text."""
        return f"{number} {text[:40]}".strip()

    def get_absolute_url(self) -> str:
        return reverse("duties:duty", args=[province_slug_of(self.document.jurisdiction), self.pk])

    @property
    def subject_key(self) -> str:
        """What a plan's and a report's entries on this duty are about, through every rewording."""
        return f"duty:{self.lineage}"

    @property
    def is_current(self) -> bool:
        return self.valid_on(timezone.localdate())

    def valid_on(self, day: datetime.date) -> bool:
        if self.valid_from is not None:
            started = self.valid_from <= day
        else:  # as `valid_on()`: only a past day can be before the document
            started = day >= timezone.localdate() or self.document.issued_by(day)
        return started and (self.valid_until is None or self.valid_until > day)

    @property
    def number_display(self) -> str:
        """The number in a heading: 第 3 项 for an item of a department's list, as printed otherwise ("(五)")."""
        if not self.number:
            return ""
        return _("第 %(number)s 项") % {"number": self.number} if self.number.isdigit() else self.number

    @property
    def label(self) -> str:
        """The number as the document prints it before the text: "1." or "(五)"."""
        return f"{self.number}." if self.number.isdigit() else self.number

    def _departments_in_role(self, role):
        return [r.department for r in self.roles.all() if r.role == role and r.department_id]

    @property
    def lead_departments(self):
        return self._departments_in_role(DutyRole.Role.LEAD)

    @property
    def co_lead_departments(self):
        return self._departments_in_role(DutyRole.Role.CO_LEAD)

    @property
    def cooperating_departments(self):
        return self._departments_in_role(DutyRole.Role.COOPERATING)

    @property
    def unresolved_mentions(self):
        return [r for r in self.roles.all() if not r.department_id]


class DutyRole(models.Model):
    """Link a duty to a body it names, in one role; a body outside the records stays as written."""

    class Role(models.TextChoices):
        LEAD = "lead", _("牵头")
        CO_LEAD = "co-lead", _("会同牵头")
        COOPERATING = "cooperating", _("配合")

    # What "leading" a duty means everywhere: leading it or co-leading it (会同X牵头). A department's list,
    # the `lead_department` filter, the search title and the annual report's entries are its leading duties.
    LEADING = (Role.LEAD, Role.CO_LEAD)

    duty = models.ForeignKey("DutyItem", verbose_name=_("具体事项"), on_delete=models.CASCADE, related_name="roles")
    department = models.ForeignKey(
        "Department",
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duty_roles",
        help_text=_("为空表示文中提到的机构未能对应到已收录的部门。"),
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    name_as_written = models.CharField(_("原文写法"), max_length=100)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["duty", "position"]
        verbose_name = _("事项部门")
        verbose_name_plural = _("事项部门")
        constraints = [
            models.UniqueConstraint(
                fields=["duty", "department", "role"],
                condition=Q(department__isnull=False),
                name="duty_role_unique",
                violation_error_message=_("同一部门在同一事项中的同一角色只能出现一次。"),
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}：{self.department or self.name_as_written}"
