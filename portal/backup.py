"""Back up and restore the whole database: pg_dump/pg_restore on PostgreSQL, Django's
dumpdata/loaddata elsewhere (the embedded SQLite default).

A restore replaces everything in the database with the backup, in one transaction where
the engine allows it (loaddata), or with pg_restore's --single-transaction. Django's JSON
keeps times to the millisecond, so a SQLite round trip drops microseconds; pg_dump is exact.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.db import connections, transaction

# Rows Django recreates itself on migrate; dumping them would clash on restore.
DUMPDATA_EXCLUDE = ["contenttypes", "auth.permission", "admin.logentry", "sessions"]


class BackupError(Exception):
    pass


def _postgres_environment(settings_dict):
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return environment


def _postgres_arguments(settings_dict):
    arguments = []
    if settings_dict.get("HOST"):
        arguments += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        arguments += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        arguments += ["--username", settings_dict["USER"]]
    return arguments


def _run(command, settings_dict):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed: install PostgreSQL's client tools.")
    result = subprocess.run(command, env=_postgres_environment(settings_dict), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def database_backup(*, path: Path, database: str = "default") -> Path:
    """Write the whole database to `path` (a pg_dump custom archive, or JSON)."""
    connection = connections[database]
    settings_dict = connection.settings_dict
    path = Path(path)
    if connection.vendor == "postgresql":
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(path),
                *_postgres_arguments(settings_dict),
                settings_dict["NAME"],
            ],
            settings_dict,
        )
    else:
        call_command(
            "dumpdata",
            exclude=DUMPDATA_EXCLUDE,
            natural_foreign=True,
            format="json",
            output=str(path),
            database=database,
            verbosity=0,
        )
    return path


def database_restore(*, path: Path, database: str = "default") -> None:
    """Replace the database's contents with the backup at `path`."""
    path = Path(path)
    if not path.exists():
        raise BackupError(f"{path}: no such backup file.")
    connection = connections[database]
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                settings_dict["NAME"],
                *_postgres_arguments(settings_dict),
                str(path),
            ],
            settings_dict,
        )
    else:
        # loaddata tells the format by the file name's extension, whatever the backup was called.
        with tempfile.TemporaryDirectory() as folder:
            fixture = Path(folder) / "backup.json"
            shutil.copyfile(path, fixture)
            with transaction.atomic(using=database):
                call_command("flush", interactive=False, database=database, verbosity=0)
                call_command("loaddata", str(fixture), database=database, verbosity=0)
