"""Write the synthetic national dataset's rows in bulk: PostgreSQL's COPY there, the ORM's bulk_create elsewhere.

Both writers take the same rows (`NationalDatasetBuilder.rows_for`: tuples of `synthetic.COLUMNS`) and give
every other column its field's default, so that the database holds the same rows whichever wrote them
(tests/duties/test_national_dataset.py compares them). The n-gram columns are the database's own generated
columns either way.
"""

import io
import re
from concurrent.futures import ThreadPoolExecutor

from django.db import connections
from django.db.models import AutoField, BigAutoField, SmallAutoField

from duties.synthetic import COLUMNS

BATCH_SIZE = 5000
SEARCH_TABLES = ["duties_department", "duties_document", "duties_provision", "duties_dutyitem"]
# The largest first, so that two builds side by side finish together.
GRAMS_INDEXES = [
    (f"{table}_search{part}_grams", table, f"search_{column}_grams")
    for table in ["duties_dutyitem", "duties_provision", "duties_department", "duties_document"]
    for part, column in [("", "text"), ("_title", "title")]
]
ANALYZED_TABLES = [*SEARCH_TABLES, "duties_jurisdiction", "duties_dutyrole"]
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class ModelWriter:
    """Insert rows through `bulk_create` (any database)."""

    def __init__(self, using="default"):
        self.using = using

    def write(self, rows_by_table: dict[str, list[tuple]]) -> None:
        for table, rows in rows_by_table.items():
            model, columns = COLUMNS[table]
            instances = [model(**dict(zip(columns, row, strict=True))) for row in rows]
            model.objects.using(self.using).bulk_create(instances, batch_size=BATCH_SIZE)


class CopyWriter:
    """Stream rows into PostgreSQL through `COPY … FROM STDIN` (text format), the other columns at their defaults."""

    def __init__(self, using="default"):
        self.connection = connections[using]
        self.statements, self.suffixes = {}, {}
        for table, (model, columns) in COLUMNS.items():
            defaults = default_columns(model, columns, self.connection)
            names = ", ".join(self.connection.ops.quote_name(name) for name in [*columns, *defaults])
            self.statements[table] = f"COPY {model._meta.db_table} ({names}) FROM STDIN"
            self.suffixes[table] = "".join("\t" + copy_text(value) for value in defaults.values()) + "\n"

    def write(self, rows_by_table: dict[str, list[tuple]]) -> None:
        with self.connection.cursor() as cursor:
            for table, rows in rows_by_table.items():
                if rows:
                    cursor.copy_expert(self.statements[table], io.StringIO(self.lines(table, rows)))

    def lines(self, table: str, rows: list[tuple]) -> str:
        suffix = self.suffixes[table]
        return "".join("\t".join(map(copy_text, row)) + suffix for row in rows)


def writer_for(using="default"):
    return CopyWriter(using) if connections[using].vendor == "postgresql" else ModelWriter(using)


def default_columns(model, given, connection) -> dict[str, object]:
    """The database value of each column the rows leave out, as a new instance saved by the ORM would have it."""
    blank = model()
    defaults = {}
    for field in model._meta.concrete_fields:
        if field.attname in given or isinstance(field, AutoField | BigAutoField | SmallAutoField):
            continue  # given, or numbered by the database
        defaults[field.column] = field.get_db_prep_save(field.pre_save(blank, True), connection)
    return defaults


def copy_text(value) -> str:
    """A value as COPY's text format spells it."""
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPES) if _COPY_SPECIAL.search(value) else value
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if hasattr(value, "adapted") and hasattr(value, "dumps"):  # a JSON value adapted for the driver
        return copy_text(value.dumps(value.adapted))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def drop_search_indexes(using):
    """Drop the n-gram indexes before a bulk load: building each once is much faster than row by row."""
    if connections[using].vendor != "postgresql":
        return
    with connections[using].cursor() as cursor:
        for name, _table, _column in GRAMS_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


def create_search_indexes(using, *, workers=1, analyze=True):
    """Build the n-gram indexes (duties/migrations/0003_search.py) that are missing and refresh the statistics.

    With `workers` > 1 (only outside a transaction: each build needs the rows committed), that many
    connections build side by side, one index each at a time; PostgreSQL builds a GIN index on one core.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    statements = [
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column})" for name, table, column in GRAMS_INDEXES
    ] + [f"ANALYZE {table}" for table in ANALYZED_TABLES if analyze]
    if workers > 1 and not connection.in_atomic_block:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(lambda statement: _run_alone(using, statement), statements))
        return
    with connection.cursor() as cursor:
        # Check the deferred foreign keys now: PostgreSQL builds no index over rows with checks pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for statement in statements:
            cursor.execute(statement)


def _run_alone(using, statement):
    """One statement on this thread's own connection, closed afterwards."""
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            cursor.execute(statement)
    finally:
        connections[using].close()
