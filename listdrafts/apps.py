from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListDraftsConfig(AppConfig):
    name = "listdrafts"
    verbose_name = _("部门编制具体事项清单")
