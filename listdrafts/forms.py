"""Forms of the lists' workspace: a row, a spreadsheet, a submission, the office's review and the approval.
They only collect and check input; listdrafts.services decides whether it may be written."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from duties.models import Document
from listdrafts.models import DraftRow
from listdrafts.services import RowInput

ROW_FIELDS = ["number", "text", "lead", "co_lead", "cooperating", "source_document", "source_provision"]


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class RowForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = DraftRow
        fields = ROW_FIELDS
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "lead": forms.TextInput(),
            "co_lead": forms.TextInput(),
            "cooperating": forms.TextInput(),
        }

    def as_input(self) -> RowInput:
        return RowInput(**{field: self.cleaned_data[field] for field in ROW_FIELDS})


class ImportForm(VersionForm):
    file = forms.FileField(
        label=_("清单表格（CSV 或 XLSX）"),
        help_text=_("用本平台的表格模板：可先下载本部门现行清单，修改后上传。上传的表格替换草稿中的全部行。"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.DUTY_IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("文件太大。"))
        return upload


class SubmitForm(VersionForm):
    comment = forms.CharField(
        label=_("报送说明"), required=False, max_length=5_000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(forms.Form):
    """The office's overall comment, and one comment field per row of the submitted list."""

    comment = forms.CharField(
        label=_("总体意见"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("退回时写明总体意见，或在需要修改的行下写明意见。"),
    )

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.row_keys = []
        for number, row in enumerate(rows, start=1):
            name = f"row-{row['key']}"
            self.fields[name] = forms.CharField(
                label=_("对第 %(number)s 行的意见") % {"number": number},
                required=False,
                max_length=2_000,
                widget=forms.Textarea(attrs={"rows": 1}),
            )
            self.row_keys.append((row["key"], name))

    def row_field(self, key):
        return self[f"row-{key}"]

    def row_comments(self) -> dict[int, str]:
        return {key: self.cleaned_data[name] for key, name in self.row_keys if self.cleaned_data[name].strip()}


class ApprovalForm(forms.Form):
    """The approval (审定): the decision document, typed or picked from those recorded, and its day."""

    approval_document = forms.ModelChoiceField(
        label=_("选择已收录的审定文件"),
        queryset=Document.objects.none(),
        required=False,
        help_text=_("只列本行政区已登记标题、文号和日期而尚无条款的文件；不选则填写下面的文件信息。"),
    )
    approval_title = forms.CharField(label=_("审定文件标题"), required=False, max_length=200)
    approval_doc_number = forms.CharField(label=_("文号"), required=False, max_length=60)
    approval_issued_on = forms.DateField(
        label=_("成文日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    approved_on = forms.DateField(
        label=_("审定日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, jurisdiction=None, **kwargs):
        super().__init__(*args, **kwargs)
        if jurisdiction is not None:
            self.fields["approval_document"].queryset = Document.objects.filter(
                jurisdiction=jurisdiction, provisions__isnull=True, edition__isnull=True
            ).order_by("-pk")
