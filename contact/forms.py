"""The forms: a department's contact data, a reader's correction (CAPTCHA for anonymous readers), an answer."""

from captcha.fields import CaptchaField
from django import forms
from django.utils.translation import gettext_lazy as _

from contact.models import CORRECTION_TEXT_MAX, RESPONSE_TEXT_MAX, CorrectionRequest, DepartmentContact


class ContactForm(forms.ModelForm):
    class Meta:
        model = DepartmentContact
        fields = ["address", "phone", "website", "office_hours"]


class CorrectionForm(forms.ModelForm):
    submit_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    class Meta:
        model = CorrectionRequest
        fields = ["duty", "text", "reporter_email"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "maxlength": CORRECTION_TEXT_MAX})}

    def __init__(self, *args, duties, with_captcha: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duty"].queryset = duties
        self.fields["duty"].label_from_instance = lambda duty: f"{duty.number_display} {duty.text[:40]}".strip()
        self.fields["duty"].empty_label = _("（不针对某一项）")
        self.fields["duty"].help_text = _("选填：有误的是哪一项。")
        if with_captcha:
            self.fields["captcha"] = CaptchaField(label=_("验证码"), help_text=_("请输入图中的字符。"))


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("处理结果"),
        choices=[("accepted", _("采纳：清单将据此更正")), ("declined", _("不采纳"))],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("答复"),
        max_length=RESPONSE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("答复会告知提出意见的读者（不超过 %(max)s 字）。") % {"max": RESPONSE_TEXT_MAX},
    )
