"""Import a duty list from the spreadsheet template as a new edition: preview by default, --confirm to publish."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from duties import services
from duties.days import parse_day
from duties.models import Department, Document, Jurisdiction

TEXT_SHOWN = 60
PROGRESS = {
    "read": "reading the file ({total:,} bytes)",
    "check": "checking rows {done:,}/{total:,}",
    "plan": "comparing {total:,} rows with the list in force",
    "document": "writing the source document and its {total:,} rows",
    "end": "ending old versions {done:,}/{total:,}",
    "start": "writing new versions {done:,}/{total:,}",
    "audit": "writing {total:,} audit entries",
    "commit": "committing",
}


class Command(BaseCommand):
    help = (
        "Read a department's or a jurisdiction's duty list (CSV or XLSX, the template of README "
        "'The spreadsheet template') and show what would change; with --confirm, publish it as a new edition."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--jurisdiction", required=True, help="GB/T 2260 code, e.g. 360000")
        parser.add_argument("--department", help="the department's slug; omit for the jurisdiction's whole list")
        parser.add_argument("--effective", required=True, type=_date, help="effective date, YYYY-MM-DD")
        parser.add_argument("--basis", required=True, help="the document or decision behind the edition")
        parser.add_argument("--summary", default="")
        parser.add_argument(
            "--document-title", dest="document_title", help="the title of the document the list is from"
        )
        parser.add_argument("--document-number", dest="document_number", default="", help="its 文号")
        parser.add_argument("--document-date", dest="document_date", type=_date, help="its date, YYYY-MM-DD")
        parser.add_argument("--document", dest="document_id", type=int, help="or: the id of a document already there")
        parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
        parser.add_argument("--user", help="username recorded as the publisher")
        parser.add_argument("--confirm", action="store_true", help="publish; without it nothing is written")

    def handle(self, *args, file, jurisdiction, department, effective, basis, summary, user, confirm, **options):
        jurisdiction = _jurisdiction(jurisdiction)
        source = _source(jurisdiction, options)
        progress = services.no_progress if options["quiet"] else self._progress
        if department is not None:
            department = _get(
                Department.objects.filter(jurisdiction=jurisdiction, slug=department),
                f"no department {department} in {jurisdiction}",
            )
        if user is not None:
            user = _get(get_user_model().objects.filter(username=user), f"no user {user}")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        preview = services.list_import_preview(
            jurisdiction=jurisdiction,
            department=department,
            effective_on=effective,
            data=data,
            file_name=file.name,
            source=source,
            progress=progress,
        )
        if preview.errors:
            for error in preview.errors:
                self.stderr.write(f"{file}: {error}")
            raise CommandError(f"{len(preview.errors)} error(s); nothing was imported.")
        self._show(preview)
        if not preview.can_publish:
            self.stdout.write("No changes: nothing to publish.")
            return
        if not confirm:
            self.stdout.write("Preview only: run again with --confirm to publish this edition.")
            return
        try:
            edition = services.list_import_publish(
                preview=preview, basis=basis, summary=summary, user=user, progress=progress
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Published edition {edition.pk}: {edition}"))

    def _progress(self, stage, done, total):
        self.stderr.write(f"  {PROGRESS[stage].format(done=done, total=total)}")

    def _show(self, preview):
        plan = preview.plan
        for notice in preview.notices:
            self.stdout.write(f"  ! {notice}")
        if plan.recognised:
            self.stdout.write(f"  {len(plan.recognised)} row(s) without 事项标识 recognised as duties in force.")
        self.stdout.write(
            f"{preview.department or preview.jurisdiction}, from {preview.effective_on:%Y-%m-%d}: "
            f"{len(plan.added)} to add, {len(plan.changed)} to change, {len(plan.removed)} to remove, "
            f"{len(plan.unchanged)} unchanged."
        )
        for draft in plan.added:
            self.stdout.write(f"  + row {draft.row}: {draft.number} {draft.text[:TEXT_SHOWN]}")
        for version, draft in plan.changed:
            self.stdout.write(
                f"  ~ row {draft.row} (事项标识 {version.lineage}): {draft.number} {draft.text[:TEXT_SHOWN]}"
            )
        for version in plan.removed:
            self.stdout.write(f"  - 事项标识 {version.lineage}: {version.number} {version.text[:TEXT_SHOWN]}")


def _date(value):
    try:
        return parse_day(value)
    except ValueError:
        raise CommandError(f"{value!r}: write the date as YYYY-MM-DD") from None


def _source(jurisdiction, options) -> "services.SourceDocument":
    """The document the list comes from: --document-title (with its number and date), or --document."""
    if options["document_id"] is not None:
        existing = Document.objects.filter(jurisdiction=jurisdiction, pk=options["document_id"]).first()
        if existing is None:
            raise CommandError(f"--document {options['document_id']}: no such document in {jurisdiction}")
        return services.SourceDocument(existing=existing)
    if not options["document_title"]:
        raise CommandError("name the document the list is from: --document-title (or --document ID)")
    return services.SourceDocument(
        title=options["document_title"], doc_number=options["document_number"], issued_on=options["document_date"]
    )


def _jurisdiction(value):
    try:
        return Jurisdiction.objects.get_named(value)
    except ValidationError as error:
        raise CommandError(f"--jurisdiction {value!r}: {' '.join(error.messages)}") from None


def _get(queryset, message):
    found = queryset.first()
    if found is None:
        raise CommandError(message)
    return found
