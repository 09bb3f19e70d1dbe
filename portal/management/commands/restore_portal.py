from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, portal_restore


class Command(BaseCommand):
    help = "Replace everything in the database with a backup made by backup_portal, and write its files back."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to restore")
        parser.add_argument("--database", default="default")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *, path, database, yes, **options):
        if not yes and input(f"Replace everything in the {database} database with {path}? [y/N] ").lower() != "y":
            raise CommandError("Restore cancelled.")
        try:
            summary = portal_restore(path=path, database=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {database} database ({summary.database}) and {summary.files} files "
            f"({summary.bytes:,} bytes) from {path}."
        )
