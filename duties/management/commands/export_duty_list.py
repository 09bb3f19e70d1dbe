"""Export a department's or a jurisdiction's duty list in the spreadsheet template (CSV or XLSX)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from duties import spreadsheet
from duties.days import parse_day
from duties.models import Department, Jurisdiction


class Command(BaseCommand):
    help = "Write a duty list as in force on a day (today by default) in the template that import_duty_list reads."

    def add_arguments(self, parser):
        parser.add_argument("--jurisdiction", required=True, help="GB/T 2260 code, e.g. 360000")
        parser.add_argument("--department", help="the department's slug; omit for the jurisdiction's whole list")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD; default today")
        parser.add_argument("--format", choices=["csv", "xlsx"], default=None, help="default: from the file name")
        parser.add_argument("-o", "--output", default="-", help="file to write; '-' writes CSV to stdout")

    def handle(self, *args, jurisdiction, department, as_of, format, output, **options):
        try:
            found = Jurisdiction.objects.get_named(jurisdiction)
        except ValidationError as error:
            raise CommandError(f"--jurisdiction {jurisdiction!r}: {' '.join(error.messages)}") from None
        if department is not None:
            slug, department = department, Department.objects.filter(jurisdiction=found, slug=department).first()
            if department is None:
                raise CommandError(f"no department {slug} in {found}")
        try:
            day = parse_day(as_of)
        except ValueError:
            raise CommandError(f"--as-of {as_of!r}: write the date as YYYY-MM-DD") from None
        format = format or ("xlsx" if output.endswith(".xlsx") else "csv")
        if format == "xlsx" and output == "-":
            raise CommandError("XLSX is binary: give a file with -o")
        rows = spreadsheet.list_rows(found, department, day)
        data = spreadsheet.write_xlsx(rows) if format == "xlsx" else spreadsheet.write_csv(rows)
        if output == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            Path(output).write_bytes(data)
            self.stderr.write(f"{len(rows)} duties written to {output}")
