"""Forms of the problem pages. They collect and check input; problems.services decides what may be written."""

from captcha.fields import CaptchaField
from django import forms
from django.utils.translation import gettext_lazy as _

from duties.days import DayField
from duties.models import Department, Jurisdiction
from problems import permissions
from problems.models import Problem
from problems.models.limits import today_in_china

OBSERVED_IN_FUTURE = _("发现日期不能晚于今天。")


class OptionalDayField(DayField):
    """A day that may be left empty (a form's blank date input), YYYY-MM-DD otherwise."""

    def to_python(self, value):
        return None if value in ("", None) else super().to_python(value)


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to settings.PROBLEM_PHOTOS_MAX photos in one input; each is checked by content in the service."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/png,image/jpeg", "multiple": True}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(PhotosField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def jurisdictions_of(province):
    """The province, its cities and its counties, in code order, for the place picker."""
    prefix = province.code[:2]
    return Jurisdiction.objects.filter(code__startswith=prefix).select_related("parent").order_by("code")


def _indented(jurisdiction) -> str:
    depth = {"province": 0, "prefecture": 1, "county": 2}.get(jurisdiction.level, 0)
    return "\u3000" * depth + jurisdiction.name


class ProblemReportForm(forms.Form):
    """What a citizen tells: where, what, when, photos and (if they wish) how to reach them."""

    submit_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    jurisdiction = forms.ModelChoiceField(
        label=_("所在区县"), queryset=Jurisdiction.objects.none(), help_text=_("选到区县；不清楚时选所在的市或省。")
    )
    place = forms.CharField(label=_("具体地点"), max_length=200, help_text=_("街道、门牌、单位名称或附近的标志物。"))
    category = forms.ChoiceField(label=_("问题类别"), choices=Problem.Category.choices, widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("问题描述"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("看到、听到或闻到了什么，什么时段。公开前由办公室审核，隐去个人信息。"),
    )
    observed_on = OptionalDayField(label=_("发现日期"), required=False)
    photos = PhotosField(label=_("照片（可选）"), help_text=_("PNG 或 JPEG，最多 3 张；位置等元数据会被删除。"))
    reporter_name = forms.CharField(label=_("姓名（可选）"), max_length=60, required=False)
    reporter_phone = forms.CharField(label=_("电话（可选）"), max_length=30, required=False)
    reporter_email = forms.EmailField(
        label=_("电子邮箱（可选）"), required=False, help_text=_("留下邮箱，每有公开的进展即通知您。")
    )

    def __init__(self, *args, province, with_captcha: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["jurisdiction"]
        field.queryset = jurisdictions_of(province)
        field.label_from_instance = _indented
        if with_captcha:
            self.fields["captcha"] = CaptchaField(label=_("验证码"), help_text=_("请输入图中的字符。"))

    def clean_observed_on(self):
        day = self.cleaned_data.get("observed_on")
        if day is not None and day > today_in_china():
            raise forms.ValidationError(OBSERVED_IN_FUTURE)
        return day


class InformationForm(forms.Form):
    text = forms.CharField(label=_("补充情况"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    photos = PhotosField(label=_("照片（可选）"))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("撤回原因（可选）"), max_length=1000, required=False)


def departments_for(problem):
    """The departments the office may assign or invite: those of the problem's jurisdiction and the levels above."""
    return (
        Department.objects.filter(jurisdiction__in=permissions.chain_of(problem.jurisdiction))
        .select_related("jurisdiction")
        .order_by("-jurisdiction__code", "position")
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("说明"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class OptionalNoteForm(forms.Form):
    note = forms.CharField(
        label=_("说明（可选）"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceForm(NoteForm):
    photos = PhotosField(label=_("佐证照片（公开）"))


class PublishForm(forms.Form):
    public_text = forms.CharField(
        label=_("公开的问题描述"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("隐去姓名、电话、门牌等个人信息后公开。"),
    )


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(label=_("承办部门"), queryset=Department.objects.none())
    public_text = PublishForm.base_fields["public_text"]
    note = forms.CharField(label=_("交办意见（公开）"), max_length=2000, required=False)

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments_for(problem)
        self.fields["public_text"].initial = problem.public_text or problem.description


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("延期天数"), min_value=1, max_value=365)
    reason = forms.CharField(
        label=_("延期理由（公开，并告知举报人）"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsultationForm(forms.Form):
    departments = forms.ModelMultipleChoiceField(
        label=_("参加会商的部门"), queryset=Department.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    question = forms.CharField(label=_("会商事项（公开）"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departments"].queryset = departments_for(problem)


class DecisionForm(forms.Form):
    consultation = forms.IntegerField(widget=forms.HiddenInput)
    lead = forms.ModelChoiceField(label=_("确定的牵头部门"), queryset=Department.objects.none())
    decision = forms.CharField(label=_("会商决定（公开）"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    approved_by = forms.CharField(label=_("审定机关"), max_length=200)
    approved_on = DayField(label=_("审定日期"))
    duty_text = forms.CharField(
        label=_("写入牵头部门清单的新事项（可选）"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("填写后即发布该部门清单的新版本，今后同类问题可自动分办。"),
    )

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = departments_for(problem)


class OpinionForm(forms.Form):
    opinion = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("本部门意见"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class InspectionForm(forms.Form):
    """One problem an inspection found, entered by a supervisor."""

    jurisdiction = forms.ModelChoiceField(label=_("所在行政区"), queryset=Jurisdiction.objects.none())
    place = forms.CharField(label=_("具体地点"), max_length=200)
    category = forms.ChoiceField(label=_("问题类别"), choices=Problem.Category.choices)
    description = forms.CharField(
        label=_("问题描述（公开）"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    inspection = forms.CharField(label=_("督察批次"), max_length=200)
    observed_on = OptionalDayField(label=_("发现日期"), required=False)

    def __init__(self, *args, province, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions_of(province)
        self.fields["jurisdiction"].label_from_instance = _indented


class InspectionImportForm(forms.Form):
    file = forms.FileField(label=_("督察问题清单（CSV 或 XLSX）"))
