from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, portal_backup


class Command(BaseCommand):
    help = "Back up the whole portal (the database and every uploaded file) to one archive."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. portal-2026-11-22.tar")
        parser.add_argument("--database", default="default")

    def handle(self, *, path, database, **options):
        try:
            summary = portal_backup(path=path, database=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in summary.missing:
            self.stderr.write(f"Missing from storage (a row points to it): {name}")
        self.stdout.write(
            f"Backed up the {database} database ({summary.database}) and {summary.files} files "
            f"({summary.bytes:,} bytes) to {path} ({path.stat().st_size:,} bytes)."
        )
