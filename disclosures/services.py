"""Every write of a quarterly disclosure: open the quarter's draft, save it, attach or remove a file, publish.

Each checks who is asking (disclosures.permissions) and the disclosure's state in one transaction; publishing is
judged against the province's time limit (DisclosureTimeLimit) in Beijing time and records itself in the audit
trail. A draft changed by someone else since it was read is refused, never overwritten.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosures import permissions, selectors
from disclosures.models import Disclosure, DisclosureAttachment, DisclosureTimeLimit
from duties.audit import AuditEntry, audit_entry_record
from duties.models.jurisdictions import province_of
from reports import attachments
from reports.permissions import is_staff_of
from reports.rules import submitted_on_time, today_in_china

logger = logging.getLogger(__name__)

NOT_ALLOWED = _("您没有权限进行此操作。")
NOT_A_DISCLOSING_BODY = _("只有须按季度公开信息的县（市、区）政府才能在此公开。")
QUARTER_NOT_OPEN = _("%(year)s 年第 %(quarter)s 季度尚未开始，或所在省份的规则不要求公开这一季度。")
DISCLOSURE_EXISTS = _("这一季度的信息公开已经存在。")
ALREADY_PUBLISHED = _("已经公开的信息不能再修改。")
STALE_VERSION = _("保存未成功：在您编辑期间，其他人已经修改了这份草稿。您填写的内容仍保留在下面；请核对后再次保存。")
NOTHING_TO_PUBLISH = _("公开前请填写通报内容、上传附件或填写已公开的网址（至少一项）。")
STORAGE_FAILED = _("附件暂时无法保存（存储服务出错）。文字内容已保存，请稍后再上传。")


class StaleVersion(ValidationError):
    """The disclosure changed since the writer loaded it."""


def _deny_unless(allowed: bool):
    if not allowed:
        raise PermissionDenied(NOT_ALLOWED)


@transaction.atomic
def disclosure_open(*, user, body, year: int, quarter: int) -> Disclosure:
    """Open the draft of `body`'s disclosure of `quarter` of `year` (a quarter already begun)."""
    _deny_unless(is_staff_of(user, body))
    if not selectors.is_disclosing_body(body):
        raise ValidationError(NOT_A_DISCLOSING_BODY)
    province = province_of(body.jurisdiction)
    rules = selectors.quarter_rules(province)
    if (year, quarter) not in selectors.open_quarters(rules, today_in_china()):
        raise ValidationError(QUARTER_NOT_OPEN % {"year": year, "quarter": quarter})
    disclosure = Disclosure(body=body, year=year, quarter=quarter, rule=rules[quarter], updated_by=user)
    disclosure.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            disclosure.save()
    except IntegrityError:
        raise ValidationError(DISCLOSURE_EXISTS) from None
    return disclosure


@transaction.atomic
def disclosure_save(*, disclosure: Disclosure, user, expected_version: int, text: str, link: str) -> Disclosure:
    """Save the draft's text and link; refuse if it was published or saved by someone else since."""
    _deny_unless(is_staff_of(user, disclosure.body))
    claimed = Disclosure.objects.filter(
        pk=disclosure.pk, version=expected_version, state=Disclosure.State.DRAFT
    ).update(version=F("version") + 1, updated_by=user, updated_at=timezone.now())
    if not claimed:
        if Disclosure.objects.get(pk=disclosure.pk).is_published:
            raise ValidationError(ALREADY_PUBLISHED)
        raise StaleVersion(STALE_VERSION, code="stale")
    current = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    current.text, current.link = text, link.strip()
    current.full_clean()
    current.save(update_fields=["text", "link"])
    return current


@transaction.atomic
def disclosure_attach(*, disclosure: Disclosure, user, upload) -> DisclosureAttachment:
    """Attach one file (checked by its content) to a draft."""
    _deny_unless(permissions.can_edit(user, Disclosure.objects.get(pk=disclosure.pk)))
    kind = attachments.check_upload(upload)
    original_name = (upload.name or "")[-200:]
    upload.name = attachments.stored_name(kind)
    attachment = DisclosureAttachment(
        disclosure=disclosure, file=upload, original_name=original_name, kind=kind, size=upload.size, uploaded_by=user
    )
    attachment.full_clean(exclude=["file"])
    try:
        attachment.save()
    except OSError as error:
        logger.error("disclosure attachment storage failed: %s", error)
        raise ValidationError(STORAGE_FAILED, code="storage") from error
    return attachment


@transaction.atomic
def disclosure_detach(*, attachment: DisclosureAttachment, user) -> None:
    """Remove a file from a draft."""
    _deny_unless(permissions.can_edit(user, attachment.disclosure))
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


@transaction.atomic
def disclosure_publish(*, disclosure: Disclosure, user) -> Disclosure:
    """Publish the disclosure, judged against the province's deadline; publishing twice changes nothing."""
    current = Disclosure.objects.select_for_update().select_related("body__jurisdiction").get(pk=disclosure.pk)
    if current.is_published:
        _deny_unless(is_staff_of(user, current.body))
        return current
    _deny_unless(permissions.can_publish(user, current))
    if not (current.text.strip() or current.link or current.attachments.exists()):
        raise ValidationError(NOTHING_TO_PUBLISH)
    now = timezone.now()
    time_limit = DisclosureTimeLimit.objects.for_province(province_of(current.body.jurisdiction))
    current.deadline = time_limit.deadline(current.year, current.quarter)
    current.published_on_time = submitted_on_time(now, current.deadline)
    current.state, current.published_at, current.published_by = Disclosure.State.PUBLISHED, now, user
    current.full_clean()
    current.save(update_fields=["deadline", "published_on_time", "state", "published_at", "published_by"])
    audit_entry_record(
        user=user, action=AuditEntry.Action.CHANGE, obj=current, changes={"state": ["draft", "published"]}
    )
    return current
