"""Delete the uploaded lists that were previewed but not confirmed within the hour (safe to run from cron)."""

from django.core.management.base import BaseCommand

from duties import services


class Command(BaseCommand):
    help = (
        "Delete kept preview files of list imports older than an hour (README 'The spreadsheet template'). "
        "Each new preview does the same; run this from cron, e.g. every 15 minutes, for quiet periods."
    )

    def handle(self, *args, **options):
        deleted = services.list_import_files_expire()
        self.stdout.write(f"{deleted} expired preview file(s) deleted.")
