"""Keep the search columns of published reports current: written when a report is published or corrected."""

from django.db.models import Prefetch

from duties.search_index import BATCH_SIZE
from reports.models import Report, ReportEntry, ReportSection
from search import searchable_text


def report_search_columns(report) -> tuple[str, str]:
    """A report's title is its department's names; its text everything the department wrote."""
    title = searchable_text(report.department.name, report.department.short_name)
    parts = [report.overall]
    for entry in report.entries.all():
        parts.extend([entry.duty_text, entry.progress, entry.figures])
    for section in report.sections.all():
        parts.extend([section.title, section.body])
    return title, " ".join(filter(None, [title, searchable_text(*parts)]))


def reindex_reports(queryset=None, *, using: str = "default") -> int:
    queryset = Report.objects.using(using) if queryset is None else queryset
    changed = []
    rows = (
        queryset.select_related("department")
        .prefetch_related(
            Prefetch("entries", queryset=ReportEntry.objects.only("report_id", "duty_text", "progress", "figures")),
            Prefetch("sections", queryset=ReportSection.objects.only("report_id", "title", "body")),
        )
        .order_by("pk")
    )
    for report in rows.iterator(chunk_size=BATCH_SIZE):
        columns = report_search_columns(report)
        if (report.search_title, report.search_text) != columns:
            report.search_title, report.search_text = columns
            changed.append(report)
    Report.objects.using(queryset.db).bulk_update(changed, ["search_title", "search_text"], batch_size=BATCH_SIZE)
    return len(changed)


def reindex_report(report) -> int:
    return reindex_reports(Report.objects.using(report._state.db).filter(pk=report.pk))
