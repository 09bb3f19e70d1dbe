"""Add a province's cities and counties from GB/T 2260, each with its people's government (idempotent)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from duties.models import Jurisdiction
from duties.services.divisions import local_governments_join


class Command(BaseCommand):
    help = (
        "Add a province's GB/T 2260 cities and counties with their people's governments (joining twice adds nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("province", help="the province's code or pinyin slug, e.g. 220000 or jilin")

    def handle(self, *args, province, **options):
        try:
            found = Jurisdiction.objects.provinces().get_named(province)
            result = local_governments_join(province=found)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"{found.name}: {result.jurisdictions} cities and counties added, {result.governments} governments added."
        )
