"""The database part of a backup: pg_dump/pg_restore on PostgreSQL, Django's serializer elsewhere.

A PostgreSQL archive (pg_dump's custom format) is exact and restores into an empty database
(pg_restore creates every table, index and sequence) or over a full one (--clean), in one
transaction. Elsewhere (the embedded SQLite default) the rows are written as Django's XML, which
keeps times to the microsecond, and restoring migrates the target first (so an empty database gets
its tables), empties it and loads the rows (the search columns among them), in one transaction.
An XML backup restores into PostgreSQL as well (the sequences are moved past the rows).
"""

import os
import shutil
import subprocess
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction

# Rows Django recreates itself on migrate; dumping them would clash on restore.
DUMPDATA_EXCLUDE = ["contenttypes", "auth.permission", "admin.logentry", "sessions"]
POSTGRES_DUMP = "database.dump"
SERIALIZED_DUMP = "database.xml"


class BackupError(Exception):
    pass


def _postgres_environment(settings_dict):
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    # A multi-host DATABASE_URL names the primary by this attribute: restore writes to it.
    attributes = settings_dict.get("OPTIONS", {}).get("target_session_attrs")
    if attributes:
        environment["PGTARGETSESSIONATTRS"] = attributes
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


def database_backup(*, folder: Path, database: str = "default") -> str:
    """Write the whole database into `folder`; return the file's name (which says its format)."""
    connection = connections[database]
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        path = Path(folder) / POSTGRES_DUMP
        arguments = ["pg_dump", "--format=custom", "--no-owner", "--file", str(path)]
        _run([*arguments, *_postgres_arguments(settings_dict), settings_dict["NAME"]], settings_dict)
        return POSTGRES_DUMP
    call_command(
        "dumpdata",
        exclude=DUMPDATA_EXCLUDE,
        natural_foreign=True,
        format="xml",
        output=str(Path(folder) / SERIALIZED_DUMP),
        database=database,
        verbosity=0,
    )
    return SERIALIZED_DUMP


def database_restore(*, path: Path, database: str = "default") -> None:
    """Replace the database's contents (or fill an empty database) with the backup at `path`."""
    connection = connections[database]
    settings_dict = connection.settings_dict
    if Path(path).name == POSTGRES_DUMP:
        if connection.vendor != "postgresql":
            raise BackupError("This backup was made by pg_dump: restore it into a PostgreSQL database.")
        connection.close()
        arguments = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        arguments += ["--dbname", settings_dict["NAME"], *_postgres_arguments(settings_dict), str(path)]
        _run(arguments, settings_dict)
        return
    call_command("migrate", database=database, interactive=False, verbosity=0)
    with transaction.atomic(using=database):
        call_command("flush", interactive=False, database=database, verbosity=0)
        call_command("loaddata", str(path), database=database, verbosity=0)
        _move_sequences_past_the_rows(connection)


def _move_sequences_past_the_rows(connection):
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
