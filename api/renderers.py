"""CSV for every list endpoint: nested objects as dotted columns, UTF-8 with a BOM for Excel, no cell a formula."""

import csv
import io

from rest_framework import renderers

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
