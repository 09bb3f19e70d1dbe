"""Where a form post lands when its session has ended: kept for its account, then on to sign in again."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from kept_posts import services

SESSION_ENDED_KEPT = _(
    "登录已失效（超过 8 小时或已在其他窗口退出），刚才的内容没有保存，但已为您保留。"
    "请重新登录，登录后将回到表单并恢复这些内容。"
)
SESSION_ENDED = _("登录已失效（超过 8 小时或已在其他窗口退出），请重新登录。")
PAGE_EXPIRED_KEPT = _(
    "页面已过期（您在其他窗口重新登录过），刚才的内容没有保存，但已恢复在下面的表单中。请核对后再次保存。"
)
FILES_NOT_KEPT = _("所选的附件无法保留，请重新选择。")


def keep_and_sign_in(request):
    """An unauthenticated post to a signed-in form: keep what it carried, and ask to sign in again."""
    kept = services.kept_post_store(request)
    messages.warning(request, SESSION_ENDED_KEPT if kept else SESSION_ENDED)
    if kept and kept.had_files:
        messages.warning(request, FILES_NOT_KEPT)
    return redirect_to_login(request.get_full_path())


def keep_stale_post(request):
    """On a CSRF failure (portal.errors.csrf_failure): a form post whose token went stale with its session is
    kept, not thrown away; None for any other failure (the portal's 403 page answers it).

    Nothing is written on the strength of such a post: the text goes back into its account's form, unsaved, and
    saving it is a new post with a fresh CSRF token.
    """
    owner = services.token_owner(request) if request.method == "POST" else None
    if owner is None:
        return None
    kept = services.kept_post_store(request)
    if request.user.is_authenticated and request.user.pk == owner:
        messages.warning(request, PAGE_EXPIRED_KEPT)
        if kept.had_files:
            messages.warning(request, FILES_NOT_KEPT)
        return redirect(request.path)
    return keep_and_sign_in(request)
