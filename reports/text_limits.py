"""How long each text of a report may be: one constant per text, used by its model field and by the forms."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# The longest text each part of a report accepts, in characters (a line break counts as one): the model validates
# it, the form states it in the hint and counts it as one types; a longer text is an error, never cut short.
OVERALL_MAX_LENGTH = 50_000
SECTION_BODY_MAX_LENGTH = 20_000
PROGRESS_MAX_LENGTH = 10_000
FIGURES_MAX_LENGTH = 2_000
EVIDENCE_LINKS_MAX_LENGTH = 5_000
CORRECTION_REASON_MAX_LENGTH = 2_000
TEXT_TOO_LONG = _("最多可填写 %(limit)s 字，现在是 %(count)s 字，请删减 %(over)s 字。")


@deconstructible
class TextLimitValidator(MaxLengthValidator):
    """A text of at most `limit_value` characters; the message says by how many it is over."""

    message = TEXT_TOO_LONG

    def __call__(self, value):
        count, limit = len(value), self.limit_value
        if count > limit:
            params = {"limit": f"{limit:,}", "count": f"{count:,}", "over": f"{count - limit:,}"}
            raise ValidationError(self.message, code=self.code, params=params)


def limited_text(limit: int) -> dict:
    """The options of a TextField holding at most `limit` characters (its form field gets the limit too)."""
    return {"max_length": limit, "validators": [TextLimitValidator(limit)]}
