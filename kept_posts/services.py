"""Keep what a form posted when its session had ended, and give it back to the same account after it signs in.

A form that keeps its text carries a signed token naming the account the page was served to and the address it
posts to (`kept_post_token`). A post that arrives without a session (the 8-hour limit, a logout in another tab) or
with a CSRF token that no longer matches (a sign-in elsewhere rotates it) is stored for the account the token names,
encrypted, for KEPT_POST_DAYS; it is never applied by itself: after signing in, the account's form page shows the
text again, unsaved, and saving it is a new, checked post. A post without a valid token is not kept.
"""

import base64
import datetime
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from kept_posts.models import KeptPost

TOKEN_FIELD = "kept_post_token"
_TOKEN_SALT = "kept_posts.token"
# Fields never worth keeping: the CSRF token is stale by then, the keeping token is issued anew with the page.
_NOT_KEPT = {"csrfmiddlewaretoken", TOKEN_FIELD}


def keep_for() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "KEPT_POST_DAYS", 7))


def _cipher() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"kept_posts:{key}".encode()).digest())) for key in keys]
    )


def kept_post_token(*, user, path: str) -> str:
    """The token a form carries so that its post can be kept for `user` if the session ends before it is sent."""
    return signing.dumps({"user": user.pk, "path": path}, salt=_TOKEN_SALT, compress=True)


def token_owner(request) -> int | None:
    """The id of the account the posted token was issued to, if it is genuine, recent and for this address."""
    try:
        claim = signing.loads(request.POST.get(TOKEN_FIELD, ""), salt=_TOKEN_SALT, max_age=keep_for().total_seconds())
    except signing.BadSignature:
        return None
    if not isinstance(claim, dict) or claim.get("path") != request.path or not isinstance(claim.get("user"), int):
        return None
    return claim["user"]


@transaction.atomic
def kept_post_store(request) -> KeptPost | None:
    """Keep the request's posted fields for the account its token names; None when there is no valid token."""
    user_id = token_owner(request)
    if user_id is None:
        return None
    fields = {name: request.POST.getlist(name) for name in request.POST if name not in _NOT_KEPT}
    now = timezone.now()
    KeptPost.objects.filter(expires_at__lt=now).delete()
    kept, _created = KeptPost.objects.update_or_create(
        user_id=user_id,
        path=request.path,
        defaults={
            "payload": _cipher().encrypt(json.dumps(fields, ensure_ascii=False).encode()),
            "had_files": bool(request.FILES),
            "created_at": now,
            "expires_at": now + keep_for(),
        },
    )
    return kept


def kept_post_take(*, user, path: str) -> tuple[QueryDict, KeptPost] | None:
    """The fields kept for `user` at `path` (removing them: they are now back in the form), or None.

    One query when nothing is kept, as on nearly every page view; of two pages taking the same post at once, the
    one whose delete finds it shows it."""
    if not user.is_authenticated:
        return None
    kept = KeptPost.objects.filter(user=user, path=path, expires_at__gte=timezone.now()).first()
    if kept is None:
        return None
    deleted, _by_model = KeptPost.objects.filter(pk=kept.pk).delete()
    if not deleted:
        return None
    try:
        fields = json.loads(_cipher().decrypt(bytes(kept.payload)))
    except (InvalidToken, ValueError):
        return None  # encrypted with a key since retired: nothing can be read back
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values)
    return data, kept


def kept_posts_purge() -> int:
    """Delete the kept posts past their time; the number deleted."""
    deleted, _by_model = KeptPost.objects.filter(expires_at__lt=timezone.now()).delete()
    return deleted
