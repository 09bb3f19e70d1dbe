"""Routes of the read-only endpoints, each list and each record also as a CSV file of its own address."""

from django.urls import re_path
from rest_framework import routers
from rest_framework.settings import api_settings

EXPORT_SUFFIX = ".csv"


class ExportRouter(routers.SimpleRouter):
    """SimpleRouter's routes, plus `duties.csv` for `duties/` and `duties/{id}.csv` for `duties/{id}/`.

    A file address is an operation of its own in the schema, answering only text/csv, so that a client
    generated from the schema gets the file's text where `?format=csv` (the same answer, on an operation
    documented as JSON first) would have it parse CSV as JSON.
    """

    def get_urls(self):
        urls = super().get_urls()
        files = [
            re_path(
                pattern.pattern.regex.pattern.removesuffix("/$") + r"\.csv$",
                pattern.callback,
                {api_settings.FORMAT_SUFFIX_KWARG: "csv"},
                name=f"{pattern.name}-csv",
            )
            for pattern in urls
        ]
        return urls + files
