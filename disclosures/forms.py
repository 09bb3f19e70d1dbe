"""Forms of a quarterly disclosure: open a quarter, and the draft (text, link, a file, files to remove)."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from reports import attachments


class DisclosureOpenForm(forms.Form):
    quarter = forms.ChoiceField(label=_("季度"))

    def __init__(self, *args, quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [
            (f"{year}-{quarter}", _("%(year)s 年第 %(quarter)s 季度") % {"year": year, "quarter": quarter})
            for year, quarter in quarters
        ]

    def year_and_quarter(self) -> tuple[int, int]:
        year, quarter = self.cleaned_data["quarter"].split("-")
        return int(year), int(quarter)


class DisclosureForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(
        label=_("通报内容"), required=False, max_length=50_000, widget=forms.Textarea(attrs={"rows": 10})
    )
    link = forms.URLField(
        label=_("已在其他网站公开的地址"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("已在本级政府网站公开的，可只填写网址。"),
    )
    attachment = forms.FileField(
        label=_("上传附件"),
        required=False,
        help_text=_("PDF、PNG 或 JPEG，单个文件不超过 %(limit)s。"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )
    remove = forms.TypedMultipleChoiceField(label=_("删除附件"), required=False, coerce=int)

    def __init__(self, *args, disclosure, **kwargs):
        kwargs.setdefault("initial", {"version": disclosure.version, "text": disclosure.text, "link": disclosure.link})
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = self.fields["attachment"].help_text % {
            "limit": filesizeformat(attachments.max_bytes())
        }
        self.fields["remove"].choices = [(item.pk, item.original_name) for item in disclosure.attachments.all()]
