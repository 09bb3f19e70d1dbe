"""Issue an Open311 API key for a hotline system; the key is printed once and only its digest is kept."""

from django.core.management.base import BaseCommand

from problems.models import HotlineKey


class Command(BaseCommand):
    help = "Issue an Open311 API key for a hotline system (12345, 12369, an app)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="the system's name, e.g. 江西12345热线")

    def handle(self, *args, name, **options):
        record, key = HotlineKey.issue(name)
        self.stdout.write(f"{record}: {key}")
