"""Insert many rows of one model as plain values, a thousand to a statement: the rows `bulk_create` would write,
without a model instance for each.

An edition of 20,000 duties writes some 90,000 rows (its provisions, the new versions, their roles, the audit
trail). Building a model instance for each, then preparing it field by field, took longer than the database took
to store them (bench/list_import.py). Here a row is a tuple of values in the order of the columns named; a field
that prepares its values for the database (a date, a JSON document) prepares each one as `bulk_create` would,
one that would hand a number or a text back unchanged is skipped; every column not named gets its default.
"""

from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connections, models, router

BATCH = 1000
# Fields whose prepared value is the value given (an int, a str, a bool or None).
_UNCHANGED = (models.IntegerField, models.CharField, models.TextField, models.BooleanField)


def batched(items: Iterable, size: int = BATCH):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def rows_insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert `rows` (values of `fields`, by name or attname) into `model`'s table; return how many.

    A field left out gets its default (an auto primary key its sequence's); one that sets itself on saving
    (`auto_now_add`) must be named, since no `pre_save` runs here.
    """
    connection = connections[router.db_for_write(model)]
    named = [model._meta.get_field(name) for name in fields]
    rest = [field for field in model._meta.concrete_fields if field not in named and not _generated(field)]
    if unsettable := [field.name for field in rest if getattr(field, "auto_now_add", False)]:
        raise ValueError(f"name {unsettable} with their values")
    defaults = tuple(field.get_db_prep_save(field.get_default(), connection) for field in rest)
    preparers = [None if _unchanged(field) else field for field in named]
    preparers = preparers if any(field is not None for field in preparers) else None
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in named + rest)
    one = "(" + ", ".join(["%s"] * (len(named) + len(rest))) + ")"
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "
    total = 0
    with connection.cursor() as cursor:
        for chunk in batched(rows):
            values = [_prepared(row, preparers, connection) + defaults for row in chunk]
            if connection.vendor == "postgresql":  # one statement; psycopg2 fills in the values itself
                cursor.execute(insert + ", ".join([one] * len(values)), [value for row in values for value in row])
            else:
                cursor.executemany(insert + one, values)
            total += len(values)
    return total


def _prepared(row: Sequence, preparers: list | None, connection) -> tuple:
    if preparers is None:
        return tuple(row)
    return tuple(
        value if field is None else field.get_db_prep_save(value, connection)
        for value, field in zip(row, preparers, strict=True)
    )


def _unchanged(field) -> bool:
    target = field.target_field if field.is_relation else field
    return isinstance(target, _UNCHANGED) and not target.is_relation


def _generated(field) -> bool:
    return (field.primary_key and isinstance(field, models.AutoField)) or getattr(field, "generated", False)
