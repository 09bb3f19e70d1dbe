"""PostgreSQL only: the titles' n-grams too (`search_title_grams`, GIN-indexed), as 0003 did for the texts.

A search ranks matches whose title (a duty's lead departments, a department's names) holds the
query first; with the titles indexed, "which matches are title hits" is an index lookup, not a
test of every match (search/, `rank_levels`).
"""

from django.db import migrations

TABLES = ["duties_department", "duties_document", "duties_provision", "duties_dutyitem"]


def create_title_indexes(apps, schema_editor, tables=TABLES):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in tables:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_title_grams tsvector "
            "GENERATED ALWAYS AS (portal_search_grams(search_title)) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {table}_search_title_grams ON {table} USING gin (search_title_grams)")


def drop_title_indexes(apps, schema_editor, tables=TABLES):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in tables:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_title_grams")


class Migration(migrations.Migration):
    dependencies = [
        ("duties", "0006_list_order_indexes"),
    ]

    operations = [migrations.RunPython(create_title_indexes, drop_title_indexes)]
