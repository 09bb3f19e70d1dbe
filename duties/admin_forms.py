"""The admin's forms of the duty data: every one asks why (the audit trail); some check what the model cannot alone."""

import re

from django import forms
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from duties import gbt2260
from duties.forms import DepartmentAliasesField, aliases_not_names
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
    """A code, its level and its parent agree (GB/T 2260, duties/gbt2260.py), and the pages' addresses resolve."""

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if not code or "level" not in cleaned or "parent" not in cleaned:
            return cleaned  # the field's own errors are shown
        errors = gbt2260.code_errors(
            code=code, level=cleaned["level"], kind=cleaned.get("kind", ""), parent=cleaned["parent"]
        )
        for name, message in errors.items():
            self.add_error(name, message)
        if not errors and cleaned.get("slug"):
            self._check_address(code, cleaned["slug"], cleaned["parent"])
        return cleaned

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
    """A department's other names are edited one per line (a list), not as a JSON text."""

    aliases = DepartmentAliasesField(label=_("其他写法"))

    def clean(self):
        cleaned = super().clean()
        names = [cleaned.get("name", ""), cleaned.get("short_name", "")]
        for error in aliases_not_names(cleaned.get("aliases") or [], *names):
            self.add_error("aliases", error)
        return cleaned
