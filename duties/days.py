"""What a day is, wherever one is typed: `?as_of=`, the import's effective date, the commands' `--as-of`.

Only ISO 8601's calendar form, YYYY-MM-DD, is a day: `2025/12/31`, `2025-1-1`, `20251231` and locale
spellings are refused, so that every page, endpoint and command reads the same text as the same day.
"""

import datetime
import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

DAY_FORMAT = _("日期应写作 YYYY-MM-DD，如 2025-01-01。")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(value: str | None) -> datetime.date | None:
    """The day `value` names, or None when no value was given; ValueError for anything but YYYY-MM-DD.

    An empty value ("?as_of=") is an error, not "today": a day was asked for and none was named.
    """
    if value is None:
        return None
    value = value.strip()
    if not _ISO_DAY.fullmatch(value):
        raise ValueError(DAY_FORMAT)
    return datetime.date.fromisoformat(value)  # raises ValueError for 2025-02-30


class DayField(forms.Field):
    """A form field that takes a day as `parse_day` does."""

    widget = forms.DateInput(attrs={"type": "date"})
    default_error_messages = {"invalid": DAY_FORMAT}

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        if value is None or (value == "" and self.required):
            return None  # absent; `required` reports it
        try:
            return parse_day(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


@extend_schema_field(OpenApiTypes.DATE)
class DayFilter(django_filters.Filter):
    """A filter on a day, YYYY-MM-DD only (django-filter's DateFilter also takes locale formats)."""

    field_class = DayField
