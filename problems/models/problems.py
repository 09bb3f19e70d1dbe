"""A problem, the steps of its timeline, its photos and the deadline reminders sent about it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from problems.models.limits import today_in_china
from search import SearchableModel


class Category(models.TextChoices):
    """The small controlled vocabulary of environmental problems a reporter chooses from."""

    AIR = "air", _("大气（扬尘、废气、异味）")
    WATER = "water", _("水（污水、黑臭水体）")
    SOIL = "soil", _("土壤")
    NOISE = "noise", _("噪声")
    SOLID_WASTE = "solid-waste", _("固体废物（垃圾、危险废物）")
    ECOLOGY = "ecology", _("生态（林地、湿地、野生动植物）")
    RADIATION = "radiation", _("辐射")
    OTHER = "other", _("其他")


class Status(models.TextChoices):
    NEW = "new", _("待交办")
    CONSULTING = "consulting", _("会商中")
    ASSIGNED = "assigned", _("已交办，待受理")
    ACCEPTED = "accepted", _("办理中")
    HANDLED = "handled", _("已办结，待核查销号")
    CLOSED = "closed", _("已销号")
    DECLINED = "declined", _("不予受理")
    WITHDRAWN = "withdrawn", _("已撤回")


# Where a problem waits for its department, and where nobody works on it any more.
OPEN_STATUSES = (Status.NEW, Status.CONSULTING, Status.ASSIGNED, Status.ACCEPTED, Status.HANDLED)
FINISHED_STATUSES = (Status.CLOSED, Status.DECLINED, Status.WITHDRAWN)


class Source(models.TextChoices):
    CITIZEN = "citizen", _("公众举报")
    HOTLINE = "hotline", _("热线转办")
    SUPERVISION = "supervision", _("督察发现")


class ProblemQuerySet(models.QuerySet):
    def public(self):
        """Problems the office has published (moderated); a withdrawn report leaves the public lists."""
        return self.filter(published_at__isnull=False).exclude(status=Status.WITHDRAWN)

    def with_places(self):
        return self.select_related("jurisdiction__parent__parent", "department__jurisdiction__parent__parent")

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, day=None):
        """Open problems past the last day of the step they wait for (acceptance or handling)."""
        day = day or today_in_china()
        waiting_acceptance = Q(status__in=[Status.NEW, Status.CONSULTING, Status.ASSIGNED], acceptance_due__lt=day)
        waiting_handling = Q(status=Status.ACCEPTED, handling_due__lt=day)
        return self.filter(waiting_acceptance | waiting_handling)


class Problem(SearchableModel):
    """Hold one environmental problem: where, what, who reported it (privately) and where it stands.

    The search columns hold only what is public: the office's moderated text, the place to county level,
    the category and the department, never the reporter's words as sent or their contact.
    """

    Category = Category
    Status = Status
    Source = Source

    number = models.CharField(_("编号"), max_length=20, unique=True, editable=False)
    submit_token = models.CharField(
        _("提交令牌"), max_length=64, unique=True, editable=False, help_text=_("同一表单重复提交只建立一个问题。")
    )
    access_key_hash = models.CharField(_("查询链接摘要"), max_length=64, blank=True, editable=False, db_index=True)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices, default=Source.CITIZEN)
    jurisdiction = models.ForeignKey(
        "duties.Jurisdiction", verbose_name=_("所在行政区"), on_delete=models.PROTECT, related_name="problems"
    )
    place = models.CharField(_("具体地点"), max_length=200, help_text=_("仅办公室和承办部门可见。"))
    category = models.CharField(_("问题类别"), max_length=20, choices=Category.choices)
    description = models.TextField(_("问题描述（原文）"), help_text=_("举报人原文，仅办公室和承办部门可见。"))
    public_text = models.TextField(_("公开的问题描述"), blank=True, help_text=_("办公室审核后公开的文字。"))
    observed_on = models.DateField(_("发现日期"), null=True, blank=True)
    inspection = models.CharField(_("督察批次"), max_length=200, blank=True)
    reporter_name = models.CharField(_("举报人姓名"), max_length=60, blank=True)
    reporter_phone = models.CharField(_("举报人电话"), max_length=30, blank=True)
    reporter_email = models.EmailField(_("举报人电子邮箱"), blank=True)
    contact_purged_at = models.DateTimeField(_("联系方式删除时间"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    department = models.ForeignKey(
        "duties.Department",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="problems",
    )
    received_at = models.DateTimeField(_("收到时间"))
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    acceptance_due = models.DateField(_("受理截止日"))
    assigned_at = models.DateTimeField(_("交办时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    accepted_on_time = models.BooleanField(_("按时受理"), null=True, blank=True)
    handling_due = models.DateField(_("办结截止日"), null=True, blank=True)
    extended_days = models.PositiveSmallIntegerField(_("延期天数"), default=0)
    extension_count = models.PositiveSmallIntegerField(_("延期次数"), default=0)
    handled_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    handled_on_time = models.BooleanField(_("按时办结"), null=True, blank=True)
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True)
    routing_record = models.JSONField(
        _("分办建议记录"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("收到时按清单得出的牵头部门建议（部门、事项及其依据的编号），举报人的查询页面据此显示。"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hotline = models.ForeignKey(
        "problems.HotlineKey",
        verbose_name=_("转办热线"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problems",
    )

    objects = ProblemQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("生态环境问题")
        verbose_name_plural = _("生态环境问题")
        indexes = [models.Index(fields=["department", "status"], name="problem_department_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["assigned", "accepted", "handled", "closed"]) | Q(department__isnull=False),
                name="problem_assigned_has_department",
                violation_error_message=_("已交办的问题须有承办部门。"),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "handled", "closed"])
                | Q(accepted_at__isnull=False, handling_due__isnull=False),
                name="problem_accepted_has_due",
                violation_error_message=_("已受理的问题须有受理时间和办结截止日。"),
            ),
        ]

    def __str__(self):
        return _("问题 %(number)s（%(category)s）") % {"number": self.number, "category": self.get_category_display()}

    def get_absolute_url(self):
        return reverse("problems:detail", args=[self.number])

    def get_workspace_url(self):
        return reverse("problems:work", args=[self.number])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def has_contact(self) -> bool:
        return bool(self.reporter_name or self.reporter_phone or self.reporter_email)

    @property
    def waiting_for(self) -> str | None:
        """The deadline the problem waits on now: "acceptance", "handling" or None."""
        if self.status in (Status.NEW, Status.CONSULTING, Status.ASSIGNED):
            return Event.Kind.ACCEPTED
        if self.status == Status.ACCEPTED:
            return Event.Kind.HANDLED
        return None

    @property
    def current_due(self):
        waiting = self.waiting_for
        if waiting == Event.Kind.ACCEPTED:
            return self.acceptance_due
        if waiting == Event.Kind.HANDLED:
            return self.handling_due
        return None

    def is_overdue(self, day=None) -> bool:
        due = self.current_due
        return due is not None and (day or today_in_china()) > due


class Event(models.Model):
    """Record one step of a problem's timeline: who did what, when, and whether it was on time."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("收到")
        PUBLISHED = "published", _("公开")
        ASSIGNED = "assigned", _("交办")
        RETURNED = "returned", _("退回")
        ACCEPTED = "accepted", _("受理")
        PROGRESS = "progress", _("办理进展")
        EXTENDED = "extended", _("延期")
        RECTIFIED = "rectified", _("整改")
        HANDLED = "handled", _("办结")
        CLOSED = "closed", _("核查销号")
        REOPENED = "reopened", _("重新办理")
        DECLINED = "declined", _("不予受理")
        CONSULTATION_OPENED = "consultation-opened", _("发起会商")
        OPINION = "opinion", _("会商意见")
        DECIDED = "decided", _("会商决定")
        INFORMATION = "information", _("举报人补充")
        WITHDRAWN = "withdrawn", _("举报人撤回")

    problem = models.ForeignKey(Problem, verbose_name=_("问题"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("步骤"), max_length=30, choices=Kind.choices)
    at = models.DateTimeField(_("时间"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    department = models.ForeignKey(
        "duties.Department",
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("交办、受理、办理的部门；公开显示。"),
    )
    is_public = models.BooleanField(_("公开"), default=True)
    note = models.TextField(_("说明"), blank=True, help_text=_("公开的步骤，其说明公开显示。"))
    due_on = models.DateField(_("期限"), null=True, blank=True, help_text=_("这一步骤的最后一日。"))
    on_time = models.BooleanField(_("按时"), null=True, blank=True)

    class Meta:
        ordering = ["problem", "at", "id"]
        verbose_name = _("办理步骤")
        verbose_name_plural = _("办理步骤")

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"


def photo_path(photo, filename):
    # The stored name is never the uploader's: the checked type decides the extension.
    return f"problems/{photo.problem.received_at:%Y/%m}/{filename}"


class Photo(models.Model):
    """Keep one photo of a problem (the reporter's) or of its rectification (evidence), stripped of metadata."""

    class Kind(models.TextChoices):
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"

    problem = models.ForeignKey(Problem, verbose_name=_("问题"), on_delete=models.CASCADE, related_name="photos")
    event = models.ForeignKey(
        Event, verbose_name=_("步骤"), null=True, blank=True, on_delete=models.CASCADE, related_name="photos"
    )
    file = models.FileField(_("文件"), upload_to=photo_path)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    size = models.PositiveIntegerField(_("大小（字节）"))
    is_public = models.BooleanField(
        _("公开"), default=False, help_text=_("举报人的照片仅办公室和承办部门可见；整改佐证公开。")
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["problem", "uploaded_at", "id"]
        verbose_name = _("照片")
        verbose_name_plural = _("照片")

    def __str__(self):
        return f"{self.problem.number} #{self.pk}"

    def get_absolute_url(self):
        return reverse("problems:photo", args=[self.pk])

    @property
    def content_type(self):
        return {"png": "image/png", "jpeg": "image/jpeg"}[self.kind]


class Reminder(models.Model):
    """Remember that the reminder about one step's deadline went out, so that it goes out once."""

    problem = models.ForeignKey(Problem, verbose_name=_("问题"), on_delete=models.CASCADE, related_name="reminders")
    step = models.CharField(_("步骤"), max_length=30, choices=Event.Kind.choices)
    due_on = models.DateField(_("期限"))
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("期限提醒")
        verbose_name_plural = _("期限提醒")
        constraints = [
            models.UniqueConstraint(
                fields=["problem", "step", "due_on"],
                name="reminder_once_per_step",
                violation_error_message=_("这一步骤的提醒已经发送。"),
            )
        ]

    def __str__(self):
        return f"{self.problem_id} {self.step} {self.due_on}"
