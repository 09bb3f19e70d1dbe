"""The admin's forms of the duty data: every one asks why (the audit trail); some check what the model cannot alone."""

import re

from django import forms
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from duties.forms import DepartmentAliasesField
from duties.models import Jurisdiction

AUDIT_REASON_REQUIRED = _("请写明修改原因：它记入修改记录。")
SLUG_NOT_A_NAME = _(
    "省级行政区的拼音标识“%(slug)s”要以小写字母开头，只含小写字母、数字和连字符：它也是网址和 API 参数。"
)
ADDRESS_TAKEN = _("网址 %(url)s 已是门户的其他页面：请换一个拼音标识。")


# A province's slug names it in URLs and in every `province` parameter (Jurisdiction.objects.named()).
PROVINCE_SLUG = re.compile(r"[a-z][a-z0-9-]{0,59}")


class AuditedModelForm(forms.ModelForm):
    """Every admin form of the duty data asks why."""

    audit_reason = forms.CharField(
        label=_("修改原因"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("如：依据某文件调整牵头部门。记入修改记录，仅管理员可见。"),
        error_messages={"required": AUDIT_REASON_REQUIRED},
    )


class JurisdictionAdminForm(AuditedModelForm):
    """The pages' addresses resolve; that the code, its level and its parent agree is the model's rule
    (`Jurisdiction.clean`, GB/T 2260), which the form's model validation applies."""

    def _post_clean(self):
        super()._post_clean()
        cleaned = self.cleaned_data
        if any(name in self._errors for name in ("code", "level", "kind", "parent", "slug")):
            return  # the code's own errors are shown first
        if cleaned.get("code") and cleaned.get("slug"):
            self._check_address(cleaned["code"], cleaned["slug"], cleaned.get("parent"))

    def _check_address(self, code, slug, parent):
        jurisdiction = Jurisdiction(code=code, slug=slug, parent=parent)
        if parent is None and not PROVINCE_SLUG.fullmatch(slug):
            self.add_error("slug", SLUG_NOT_A_NAME % {"slug": slug})
            return
        url = jurisdiction.get_absolute_url()
        try:
            match = resolve(url)
        except Resolver404:
            match = None
        # A province's slug must not be the address of another page (/search/, /sectors/, /admin/ ...).
        expected = "duties:province" if parent is None else "duties:jurisdiction"
        if match is None or match.view_name != expected or (parent is None and match.kwargs != {"province": slug}):
            self.add_error("slug", ADDRESS_TAKEN % {"url": url})


class DepartmentAdminForm(AuditedModelForm):
    """A department's other names are edited one per line (a list), not as a JSON text; the model says which
    may stand (`Department.clean`)."""

    aliases = DepartmentAliasesField(label=_("其他写法"))
