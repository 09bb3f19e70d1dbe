"""CSV for every endpoint (nested objects as dotted columns, UTF-8 with a BOM for Excel, no cell a formula),
and how a format is chosen."""

import csv
import io

from django.utils.translation import gettext as _
from rest_framework import exceptions, negotiation, renderers

from spreadsheets import formula_guarded


def flatten(value, prefix=""):
    """One CSV row from a serialised object: nested objects become dotted columns, lists of
    departments or duties a "；"-separated list of their names."""
    row = {}
    for key, item in value.items():
        column = f"{prefix}{key}"
        if isinstance(item, dict):
            row.update(flatten(item, f"{column}."))
        elif isinstance(item, list):
            row[column] = "；".join(_label(entry) if isinstance(entry, dict) else str(entry) for entry in item)
        else:
            row[column] = "" if item is None else item
    return row


def _label(entry: dict) -> str:
    """A nested object in one cell: its name or text, or for an edition's change its kind and duty."""
    if "kind" in entry and "lineage" in entry:
        return f"{entry['kind']} {entry['lineage']}"
    return str(entry.get("name") or entry.get("text") or entry.get("id"))


class CSVRenderer(renderers.BaseRenderer):
    """Write a list (or one object) as CSV, UTF-8 with a BOM so that Excel opens Chinese text correctly."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        rows = [flatten(item) for item in (data if isinstance(data, list) else [data])]
        columns = list(dict.fromkeys(column for row in rows for column in row))
        output = io.StringIO()
        output.write("\ufeff")
        writer = csv.DictWriter(output, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({column: formula_guarded(value) for column, value in row.items()} for row in rows)
        response = renderer_context and renderer_context.get("response")
        view = renderer_context and renderer_context.get("view")
        if response is not None and response.status_code == 200 and view is not None:
            name = getattr(view, "basename", None) or "export"
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return output.getvalue().encode("utf-8")


UNKNOWN_FORMAT = "没有“%(value)s”格式：可用的格式为 %(formats)s。"
NOT_ACCEPTABLE = "无法按 Accept 头给出的类型回答：本接口给出 %(media_types)s。"
VALUE_SHOWN = 40


class FormatNegotiation(negotiation.DefaultContentNegotiation):
    """`?format=` names a renderer or the request is a 406 naming `format` (DRF answers an unknown format with 404)."""

    def filter_renderers(self, renderers, format):
        found = [renderer for renderer in renderers if renderer.format == format]
        if not found:
            formats = "、".join(renderer.format for renderer in renderers)
            message = _(UNKNOWN_FORMAT) % {"value": format[:VALUE_SHOWN], "formats": formats}
            raise exceptions.NotAcceptable({"format": [message]})
        return found

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except exceptions.NotAcceptable as error:
            if isinstance(error.detail, dict):
                raise
            media_types = "、".join(renderer.media_type for renderer in renderers)
            raise exceptions.NotAcceptable({"Accept": [_(NOT_ACCEPTABLE) % {"media_types": media_types}]}) from None
