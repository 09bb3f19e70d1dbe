"""Forms of the duty lists' editors: importing a list as a new edition, a department's other names."""

import dataclasses

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from duties.days import DayField
from duties.filtersets import JurisdictionField
from duties.models import Department, Document, Jurisdiction
from duties.services import KeptFile, SourceDocument
from duties.services.list_import import KEPT_FOR


class DepartmentAliasesField(forms.Field):
    """A department's other names (其他写法), one per line: a list of names, never a JSON text or its characters.

    What names may stand is the model's rule (`Department.clean`, `alias_errors`), which the form's model
    validation applies."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 40})
    default_help_text = _("每行一个：文件中出现过的其他写法，如“省发展改革委(省能源局)”。空行不计。")

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", self.default_help_text)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(name) for name in value)
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list | tuple):
            return [str(name).strip() for name in value if str(name).strip()]
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]


SOURCE_REQUIRED = _("请写明清单出自的文件（标题，有文号和日期的一并写上），或选择已登记的文件。")


class OptionalDayField(DayField):
    """A day that may be left empty (DayField refuses an empty value: ?as_of= names no day)."""

    def to_python(self, value):
        return None if value in (None, "") else super().to_python(value)


PENDING_SALT = "duties.list-import"
PENDING_MAX_AGE = int(KEPT_FOR.total_seconds())  # between the preview and the confirmation


class ListImportForm(forms.Form):
    """Which list, from when, on what basis, and the file; the preview keeps the file server-side (`pending`)."""

    jurisdiction = JurisdictionField(
        queryset=Jurisdiction.objects.all(),
        label=_("行政区"),
        help_text=_("行政区划代码（如 360000、360100）。新加入的市县先在“行政区”中添加。"),
        widget=forms.TextInput(attrs={"size": 10}),
    )
    department = forms.CharField(
        label=_("部门"),
        required=False,
        max_length=100,
        help_text=_("部门的拼音标识（见部门页面地址）；留空表示该行政区的整份清单。"),
    )
    effective_on = DayField(label=_("生效日期"))
    basis = forms.CharField(label=_("依据"), max_length=200, help_text=_("据以修订的文件或决定：标题和文号。"))
    document_title = forms.CharField(
        label=_("来源文件标题"),
        required=False,
        max_length=200,
        help_text=_("清单出自的文件，照原文写，如“九江市生态环境保护具体事项清单”；或在下面选已登记的文件。"),
    )
    document_number = forms.CharField(
        label=_("文号"), required=False, max_length=60, help_text=_("如“九府办发〔2026〕3号”。")
    )
    document_issued_on = OptionalDayField(label=_("成文日期"), required=False)
    document = forms.IntegerField(
        label=_("已登记的文件"),
        required=False,
        help_text=_(
            "该行政区已在“政策文件”中登记、还没有条款的文件的编号（如先登记了发文单位）；填了就不用写上面三项。"
        ),
    )
    summary = forms.CharField(label=_("修订说明"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(
        label=_("清单文件"), required=False, help_text=_("CSV（UTF-8）或 XLSX，列见模板；可先导出现行清单再修改。")
    )
    pending = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        jurisdiction, slug = cleaned.get("jurisdiction"), cleaned.get("department")
        cleaned["department"] = None
        if jurisdiction is not None and slug:
            department = Department.objects.filter(jurisdiction=jurisdiction, slug=slug.strip()).first()
            if department is None:
                self.add_error(
                    "department",
                    _("%(jurisdiction)s没有拼音标识为“%(slug)s”的部门。")
                    % {"jurisdiction": jurisdiction, "slug": slug},
                )
            cleaned["department"] = department
        if not cleaned.get("file") and not cleaned.get("pending"):
            self.add_error("file", _("请选择清单文件。"))
        self._clean_source(cleaned)
        return cleaned

    def _clean_source(self, cleaned) -> None:
        """The document the list comes from: named here (title, 文号, date), or one of the jurisdiction's."""
        jurisdiction, pk = cleaned.get("jurisdiction"), cleaned.get("document")
        existing = None
        if pk is not None and jurisdiction is not None:
            existing = Document.objects.filter(jurisdiction=jurisdiction, pk=pk).first()
            if existing is None:
                self.add_error(
                    "document",
                    _("%(jurisdiction)s没有编号为 %(pk)s 的文件。") % {"jurisdiction": jurisdiction, "pk": pk},
                )
        elif pk is None and not cleaned.get("document_title"):
            self.add_error("document_title", SOURCE_REQUIRED)
        cleaned["source"] = SourceDocument(
            title=cleaned.get("document_title") or "",
            doc_number=cleaned.get("document_number") or "",
            issued_on=cleaned.get("document_issued_on"),
            existing=existing,
        )

    def scope(self) -> str:
        """Which list and date the form names: the confirmation must be for the previewed scope."""
        jurisdiction, department = self.cleaned_data["jurisdiction"], self.cleaned_data["department"]
        source = self.cleaned_data["source"]
        document = source.existing.pk if source.existing else f"{source.title}|{source.doc_number}|{source.issued_on}"
        return f"{jurisdiction.pk}|{department.pk if department else ''}|{self.cleaned_data['effective_on']}|{document}"

    def _pending(self) -> dict | None:
        token = self.cleaned_data.get("pending")
        if not token:
            return None
        try:
            return signing.loads(token, salt=PENDING_SALT, max_age=PENDING_MAX_AGE)
        except signing.BadSignature:
            return None

    def pending_file(self) -> KeptFile | None:
        """The file the preview kept, if the signed token is valid and fresh."""
        pending = self._pending()
        return KeptFile(**pending["file"]) if pending is not None else None

    def pending_scope(self) -> str | None:
        pending = self._pending()
        return pending["scope"] if pending is not None else None

    def pending_token_for(self, kept: KeptFile) -> str:
        """Sign which kept file was previewed, and for which list and date."""
        return signing.dumps({"file": dataclasses.asdict(kept), "scope": self.scope()}, salt=PENDING_SALT)
