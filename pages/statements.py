"""The site's own pages: contact, privacy statement, accessibility statement, signed out.

Each shows what the settings and the code actually do (retention days, limits), read where they are defined.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from pages.site_identity import site_identity


class StatementView(TemplateView):
    """A page of the site's own, with its breadcrumb."""

    title = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(identity=site_identity(), breadcrumbs=[(self.title, None)], **kwargs)


class ContactView(StatementView):
    template_name = "pages/contact.html"
    title = _("联系我们")


class PrivacyView(StatementView):
    template_name = "pages/privacy.html"
    title = _("隐私声明")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact_retention_days=settings.PROBLEM_CONTACT_RETENTION_DAYS,
            reports_per_hour=settings.PROBLEM_REPORTS_PER_HOUR,
            session_hours=settings.SESSION_COOKIE_AGE // 3600,
            lockout_failures=settings.AXES_FAILURE_LIMIT,
            captcha_minutes=settings.CAPTCHA_TIMEOUT,
            **kwargs,
        )


class AccessibilityView(StatementView):
    template_name = "pages/accessibility.html"
    title = _("无障碍声明")


class SignedOutView(StatementView):
    """Where signing out lands (LOGOUT_REDIRECT_URL): the page says the session has ended."""

    template_name = "pages/signed_out.html"
    title = _("已退出登录")
