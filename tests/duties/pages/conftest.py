"""The pages tests set the time as the report tests do."""

from tests.reports.conftest import clock  # noqa: F401
