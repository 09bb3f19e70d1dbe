"""Filing a problem and what its reporter does with the private link: add information, withdraw.

A problem is filed once per form: the form's token (`submit_token`) is unique, so a double click or a retry
finds the problem the first submit made and answers with it. The private link's key is derived from that
token with the site's secret (never stored; only its digest is), so that the retry answers with the same link.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from problems import permissions, routing
from problems.models import Event, Problem, TimeLimits
from problems.models.limits import local_day
from problems.services.common import attach_photos, deny_unless, locked, record_step, refuse_state, required

SUBMIT_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
INVALID_TOKEN = _("表单已失效，请刷新页面后重新提交。")
DESCRIPTION_REQUIRED = _("请描述您发现的问题。")
PLACE_REQUIRED = _("请填写具体地点。")
WRONG_KEY = _("查询链接不正确。")
INFORMATION_REQUIRED = _("请填写补充的内容。")
NOT_OPEN = _("问题已经办结或撤回，不能再补充或撤回。")


@dataclass(frozen=True)
class Filed:
    problem: Problem
    access_key: str  # the private link's key: shown to the reporter, never stored
    created: bool  # False: a repeated submit of the same form


def new_submit_token() -> str:
    return secrets.token_urlsafe(24)


def access_key_for(submit_token: str) -> str:
    return salted_hmac("problems.access-key", submit_token, algorithm="sha256").hexdigest()[:40]


def digest(access_key: str) -> str:
    return hashlib.sha256(access_key.encode()).hexdigest()


def key_opens(problem: Problem, access_key: str) -> bool:
    return bool(problem.access_key_hash) and constant_time_compare(problem.access_key_hash, digest(access_key or ""))


def filed_with(submit_token: str) -> Filed | None:
    """The problem a form with `submit_token` already filed (a double click, a retry), or None."""
    if not SUBMIT_TOKEN.fullmatch(submit_token or ""):
        return None
    problem = Problem.objects.filter(submit_token=submit_token).first()
    return Filed(problem, access_key_for(submit_token), created=False) if problem else None


@transaction.atomic
def problem_submit(
    *,
    jurisdiction,
    place: str,
    category: str,
    description: str,
    submit_token: str,
    observed_on=None,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    photos=(),
    source: str = Problem.Source.CITIZEN,
    user=None,
    hotline=None,
    inspection: str = "",
) -> Filed:
    """File a problem (once per `submit_token`) and start its acceptance deadline; return it with its link's key."""
    if not SUBMIT_TOKEN.fullmatch(submit_token or ""):
        raise ValidationError(INVALID_TOKEN, code="token")
    if existing := filed_with(submit_token):
        return existing
    now = timezone.now()
    limits = TimeLimits.for_jurisdiction(jurisdiction)
    problem = Problem(
        number=f"tmp-{secrets.token_hex(8)}",
        submit_token=submit_token,
        access_key_hash=digest(access_key_for(submit_token)),
        source=source,
        jurisdiction=jurisdiction,
        place=required(place, PLACE_REQUIRED, "place"),
        category=category,
        description=required(description, DESCRIPTION_REQUIRED, "description"),
        observed_on=observed_on,
        inspection=inspection.strip(),
        reporter_name=reporter_name.strip(),
        reporter_phone=reporter_phone.strip(),
        reporter_email=reporter_email.strip(),
        received_at=now,
        acceptance_due=limits.acceptance_due(now),
        created_by=user if user is not None and user.is_authenticated else None,
        hotline=hotline,
    )
    # Routed once, as filed: the reporter's page reads the proposals back instead of routing on every view.
    problem.routing_record = routing.record_of(routing.route(jurisdiction, problem.description))
    problem.full_clean(exclude=["number", "submit_token", "access_key_hash"])
    try:
        with transaction.atomic():  # a concurrent submit of the same form loses here
            problem.save()
    except IntegrityError:
        existing = filed_with(submit_token)
        if existing is None:
            raise
        return existing
    problem.number = f"{local_day(now).year}-{problem.pk:06d}"
    problem.save(update_fields=["number"])
    record_step(problem, Event.Kind.SUBMITTED, user=user, due_on=problem.acceptance_due, at=now)
    attach_photos(problem, photos)
    return Filed(problem, access_key_for(submit_token), created=True)


@transaction.atomic
def problem_enter_inspection(
    *, user, jurisdiction, place, category, description, inspection, observed_on=None, submit_token=None
) -> Problem:
    """Enter a problem an inspection found (督察问题清单): published at once, it follows the same loop."""
    deny_unless(permissions.can_enter_inspection(user, jurisdiction))
    filed = problem_submit(
        jurisdiction=jurisdiction,
        place=place,
        category=category,
        description=description,
        observed_on=observed_on,
        submit_token=submit_token or new_submit_token(),
        source=Problem.Source.SUPERVISION,
        user=user,
        inspection=required(inspection, _("请填写督察批次。"), "inspection"),
    )
    problem = filed.problem
    if filed.created:
        problem.public_text, problem.published_at = problem.description, timezone.now()
        problem.save(update_fields=["public_text", "published_at"])
        record_step(problem, Event.Kind.PUBLISHED, user=user)
        _reindex(problem)
    return problem


@transaction.atomic
def problem_add_information(*, problem: Problem, access_key: str, text: str, photos=()) -> Event:
    """Let the reporter add what they know since (visible to the office and the department only)."""
    deny_unless(key_opens(problem, access_key))
    problem = locked(problem)
    if not permissions.can_add_information(problem):
        raise ValidationError(NOT_OPEN, code="state")
    event = record_step(problem, Event.Kind.INFORMATION, note=required(text, INFORMATION_REQUIRED), is_public=False)
    attach_photos(problem, photos, event=event)
    return event


@transaction.atomic
def problem_withdraw(*, problem: Problem, access_key: str, reason: str = "") -> Problem:
    """Let the reporter withdraw an open report: it leaves the public lists and nobody works on it further."""
    deny_unless(key_opens(problem, access_key))
    problem = locked(problem)
    if not permissions.can_withdraw(problem):
        raise ValidationError(NOT_OPEN, code="state")
    problem.status = Problem.Status.WITHDRAWN
    problem.closed_at = timezone.now()
    problem.save(update_fields=["status", "closed_at"])
    record_step(problem, Event.Kind.WITHDRAWN, note=reason.strip(), is_public=False)
    _reindex(problem)
    return problem


@transaction.atomic
def problem_publish(*, problem: Problem, user, public_text: str) -> Problem:
    """Publish (or re-word) the problem's public text as moderated by the office: no names, no numbers."""
    problem = locked(problem)
    deny_unless(permissions.can_publish(user, problem))
    first = problem.published_at is None
    problem.public_text = required(public_text, _("请填写公开的问题描述。"), "public_text")
    if first:
        problem.published_at = timezone.now()
    problem.save(update_fields=["public_text", "published_at"])
    if first:
        record_step(problem, Event.Kind.PUBLISHED, user=user)
    _reindex(problem)
    return problem


@transaction.atomic
def problem_decline(*, problem: Problem, user, reason: str) -> Problem:
    """Decline a report the office cannot take (not an environmental matter, no place to look): reason public."""
    problem = locked(problem)
    deny_unless(permissions.can_decline(user, problem))
    if problem.status != Problem.Status.NEW:
        refuse_state(problem)
    problem.status = Problem.Status.DECLINED
    problem.closed_at = timezone.now()
    problem.save(update_fields=["status", "closed_at"])
    record_step(problem, Event.Kind.DECLINED, user=user, note=required(reason, field="reason"))
    return problem


def _reindex(problem: Problem) -> None:
    from problems.search_index import reindex_problem

    reindex_problem(problem)
