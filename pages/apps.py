from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The public pages that combine the duty lists with the other apps (reports, and those to come)."""

    name = "pages"
    verbose_name = "综合页面"
