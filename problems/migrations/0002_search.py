"""As duties/migrations/0003_search.py and 0007_search_title_grams.py do for the duty lists: the n-gram
columns and indexes that the search's `grams_contains` lookup reads on PostgreSQL."""

from django.db import migrations


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in ("search_text", "search_title"):
            schema_editor.execute(
                f"ALTER TABLE problems_problem ADD COLUMN {column}_grams tsvector "
                f"GENERATED ALWAYS AS (portal_search_grams({column})) STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX problems_problem_{column}_grams ON problems_problem USING gin ({column}_grams)"
            )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in ("search_text", "search_title"):
            schema_editor.execute(f"ALTER TABLE problems_problem DROP COLUMN IF EXISTS {column}_grams")


class Migration(migrations.Migration):
    dependencies = [
        ("problems", "0001_initial"),
        ("duties", "0007_search_title_grams"),  # portal_search_grams()
    ]

    operations = [migrations.RunPython(create_search_index, drop_search_index)]
