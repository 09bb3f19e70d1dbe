"""The form views that keep a post arriving after the session ended, and restore it after signing in again."""

from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kept_posts import services
from kept_posts.views import keep_and_sign_in

RESTORED = _("已恢复您 %(when)s 填写、因登录失效未能保存的内容。这些内容还没有保存：请核对后点击保存。")


class KeepsTypedText:
    """Put before LoginRequiredMixin: an unauthenticated post is kept for its account instead of being dropped.

    The view calls `restored_post()` when it builds its unbound forms, and binds them to what it returns.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            return keep_and_sign_in(request)
        return super().dispatch(request, *args, **kwargs)

    def restored_post(self):
        """The fields kept for this account at this address (once), with a message saying so; or None."""
        taken = services.kept_post_take(user=self.request.user, path=self.request.path)
        if taken is None:
            return None
        data, kept = taken
        when = date_format(timezone.localtime(kept.created_at), "Y年n月j日 H:i")
        messages.info(self.request, RESTORED % {"when": when})
        return data
