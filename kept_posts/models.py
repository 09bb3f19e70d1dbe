"""What a signed-in form posted after its session had ended, kept (encrypted) for the account it was typed by."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class KeptPost(models.Model):
    """Keep one form's posted text for the account whose page it came from, until that account signs in again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="+"
    )
    path = models.CharField(_("表单地址"), max_length=500)
    # The posted fields as JSON, encrypted with a key derived from SECRET_KEY: readable only by this application.
    payload = models.BinaryField(_("内容（加密）"))
    had_files = models.BooleanField(_("含未保留的附件"), default=False)
    created_at = models.DateTimeField(_("保留时间"))
    expires_at = models.DateTimeField(_("到期时间"), db_index=True)

    class Meta:
        verbose_name = _("保留的填写内容")
        verbose_name_plural = _("保留的填写内容")
        constraints = [
            # One per account and form: a later post replaces the earlier, so nobody can pile them up.
            models.UniqueConstraint(fields=["user", "path"], name="kept_post_one_per_user_and_form"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.path}"
