from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Back up the whole database to a file (pg_dump on PostgreSQL, dumpdata JSON otherwise)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to write")
        parser.add_argument("--database", default="default")

    def handle(self, *, path, database, **options):
        try:
            database_backup(path=path, database=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the {database} database to {path} ({path.stat().st_size:,} bytes).")
