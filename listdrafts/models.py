"""A department prepares its own specific list, the way the documents prescribe, before it is published.

Jiangxi (三): the departments "细化梳理明确本部门牵头的生态环境保护具体事项清单，报经省生态环境保护委员会（以下简称
省环委会）办公室初审后报送省委、省政府审定，并依法通过本部门网站向社会公开". Henan (五): the departments form
"本部门生态环境保护具体事项清单，经省生态环境厅会同有关部门审核后报省委、省政府审定，并依法依规通过本部门门户网站向社会
公开 … 各省辖市、县（市、区）参照落实". Chongqing (一): "做好部门间统筹协调后 … 在本部门网站向社会公开 … 各区县应参照
市级要求执行".

So a draft edition of a department's list (`ListDraft`) is written by the department, reviewed first (初审) by
the committee office of its own jurisdiction, which approves it or returns it with comments on its rows; each
submission is a `ReviewRound`. The approval (审定) is then recorded with its decision document, and the
department's approver publishes the list as an edition of the duty lists (duties.services.edition_publish).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from duties.models import Department, Document, Edition


class ListDraftQuerySet(models.QuerySet):
    def with_department(self):
        return self.select_related("department__jurisdiction__parent__parent", "department__sector")

    def open(self):
        """Drafts not yet published: at most one per department."""
        return self.exclude(state=ListDraft.State.PUBLISHED)

    def in_review(self):
        """Submitted at least once and not yet published: the tracker's 审核中."""
        return self.open().filter(first_submitted_at__isnull=False)


class ListDraft(models.Model):
    """Hold one department's draft edition of its specific list, from its first row to its publication."""

    class State(models.TextChoices):
        DRAFT = "draft", _("编制中")
        SUBMITTED = "submitted", _("待初审")
        RETURNED = "returned", _("已退回修改")
        REVIEWED = "reviewed", _("初审通过，待审定")
        APPROVED = "approved", _("已审定，待公开")
        PUBLISHED = "published", _("已公开")

    EDITABLE = (State.DRAFT, State.RETURNED)

    department = models.ForeignKey(
        Department, verbose_name=_("部门"), on_delete=models.PROTECT, related_name="list_drafts"
    )
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(
        _("版本号"), default=1, help_text=_("每次修改加一；修改时版本号不符说明他人已修改。")
    )
    first_submitted_at = models.DateTimeField(_("首次报送初审时间"), null=True, blank=True)
    approval_title = models.CharField(
        _("审定文件标题"), max_length=200, blank=True, help_text=_("党委、政府审定清单的文件（批复、通知或会议纪要）。")
    )
    approval_doc_number = models.CharField(_("审定文件文号"), max_length=60, blank=True)
    approval_issued_on = models.DateField(_("审定文件成文日期"), null=True, blank=True)
    approval_document = models.ForeignKey(
        Document,
        verbose_name=_("已收录的审定文件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("选了已收录的文件，公开时清单各行记入该文件。"),
    )
    approved_on = models.DateField(_("审定日期"), null=True, blank=True)
    approval_recorded_at = models.DateTimeField(_("审定登记时间"), null=True, blank=True)
    edition = models.OneToOneField(
        Edition,
        verbose_name=_("公开的清单版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prepared_list",
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

    objects = ListDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("部门编制的清单")
        verbose_name_plural = _("部门编制的清单")
        constraints = [
            models.UniqueConstraint(
                fields=["department"],
                condition=~Q(state="published"),
                name="list_draft_one_open_per_department",
                violation_error_message=_("该部门已有一份尚未公开的清单草稿。"),
            ),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(first_submitted_at__isnull=False),
                name="list_draft_submitted_has_time",
                violation_error_message=_("报送过初审的清单须有报送时间。"),
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["approved", "published"])
                | Q(approved_on__isnull=False, approval_recorded_at__isnull=False),
                name="list_draft_approved_has_decision",
                violation_error_message=_("已审定的清单须有审定日期。"),
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(edition__isnull=False, published_at__isnull=False),
                name="list_draft_published_has_edition",
                violation_error_message=_("已公开的清单须有公开的清单版本和公开时间。"),
            ),
        ]

    def __str__(self):
        return _("%(department)s具体事项清单（%(state)s）") % {
            "department": self.department.name,
            "state": self.get_state_display(),
        }

    def get_absolute_url(self):
        return reverse("listdrafts:detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE

    @property
    def approval_display(self) -> str:
        """The decision document as the provenance names it: 《title》（文号）."""
        title = self.approval_document.title if self.approval_document else self.approval_title
        number = self.approval_document.doc_number if self.approval_document else self.approval_doc_number
        return f"《{title}》" + (f"（{number}）" if number else "") if title else ""


class DraftRow(models.Model):
    """Write one row of a draft list, as the spreadsheet template has it: the names as the department writes them."""

    draft = models.ForeignKey(ListDraft, verbose_name=_("清单草稿"), on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(_("排序"))
    lineage = models.PositiveBigIntegerField(
        _("事项标识"), null=True, blank=True, help_text=_("现行清单中的事项；新增事项为空。")
    )
    number = models.CharField(_("编号"), max_length=20, blank=True, help_text=_("照印的写，如“1”“（三）”。"))
    text = models.TextField(_("事项内容"))
    lead = models.CharField(
        _("牵头部门"), max_length=2000, help_text=_("部门全称、简称或清单中的写法；多个部门用“；”隔开。")
    )
    co_lead = models.CharField(_("会同牵头部门"), max_length=2000, blank=True)
    cooperating = models.CharField(_("配合部门"), max_length=2000, blank=True)
    source_document = models.CharField(
        _("来源文件"), max_length=200, blank=True, help_text=_("事项出处的文件标题，与本平台收录的写法一致。")
    )
    source_provision = models.CharField(
        _("出处条款"), max_length=100, blank=True, help_text=_("该文件中的条款，如“（三）”“附件第 4 项”。")
    )

    class Meta:
        ordering = ["draft", "position"]
        verbose_name = _("清单草稿行")
        verbose_name_plural = _("清单草稿行")

    def __str__(self):
        return f"{self.number} {self.text[:40]}".strip()


class ReviewRound(models.Model):
    """Keep one submission for the office's first review (初审): the rows as submitted and the office's decision."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("待初审")
        APPROVED = "approved", _("初审通过")
        RETURNED = "returned", _("退回修改")

    draft = models.ForeignKey(ListDraft, verbose_name=_("清单草稿"), on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveIntegerField(_("轮次"))
    rows = models.JSONField(_("报送的清单"), help_text=_("报送时的各行：行标识和模板各列。"))
    submitted_at = models.DateTimeField(_("报送时间"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("报送人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(_("初审意见"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    comment = models.TextField(_("总体意见"), blank=True)
    decided_at = models.DateTimeField(_("初审时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("初审人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["draft", "number"]
        verbose_name = _("初审轮次")
        verbose_name_plural = _("初审轮次")
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "number"],
                name="review_round_number_unique",
                violation_error_message=_("同一清单的初审轮次不能重复。"),
            ),
            models.CheckConstraint(
                condition=Q(decision="pending", decided_at__isnull=True)
                | ~Q(decision="pending") & Q(decided_at__isnull=False),
                name="review_round_decided_has_time",
                violation_error_message=_("已初审的轮次须有初审时间。"),
            ),
        ]

    def __str__(self):
        return _("第 %(number)s 轮（%(decision)s）") % {"number": self.number, "decision": self.get_decision_display()}


class RowComment(models.Model):
    """Say what the office asks to change in one row of a submitted list."""

    round = models.ForeignKey(
        ReviewRound, verbose_name=_("初审轮次"), on_delete=models.CASCADE, related_name="row_comments"
    )
    row_key = models.PositiveBigIntegerField(_("行标识"), help_text=_("草稿行的编号：修改后仍能对上这条意见。"))
    row_number = models.PositiveIntegerField(_("报送时的行号"))
    comment = models.TextField(_("意见"))

    class Meta:
        ordering = ["round", "row_number"]
        verbose_name = _("逐行意见")
        verbose_name_plural = _("逐行意见")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "row_key"],
                name="row_comment_once_per_row",
                violation_error_message=_("每轮每行只有一条意见。"),
            ),
        ]

    def __str__(self):
        return f"{self.row_number}：{self.comment[:40]}"


class DraftStep(models.Model):
    """Record one step of the draft's way to publication: who took it, when, and what they said."""

    class Step(models.TextChoices):
        CREATED = "created", _("开始编制")
        IMPORTED = "imported", _("导入表格")
        SUBMITTED = "submitted", _("报送初审")
        APPROVED = "approved", _("初审通过")
        RETURNED = "returned", _("退回修改")
        APPROVAL_RECORDED = "approval_recorded", _("登记审定")
        PUBLISHED = "published", _("公开")

    draft = models.ForeignKey(ListDraft, verbose_name=_("清单草稿"), on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("步骤"), max_length=20, choices=Step.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    comment = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["draft", "at", "id"]
        verbose_name = _("编制步骤")
        verbose_name_plural = _("编制步骤")

    def __str__(self):
        return f"{self.get_step_display()} {self.at:%Y-%m-%d %H:%M}"
