"""As duties/migrations/0007_search_title_grams.py does for the duty lists."""

from django.db import migrations


def create_title_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE reports_report ADD COLUMN search_title_grams tsvector "
            "GENERATED ALWAYS AS (portal_search_grams(search_title)) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX reports_report_search_title_grams ON reports_report USING gin (search_title_grams)"
        )


def drop_title_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE reports_report DROP COLUMN IF EXISTS search_title_grams")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_search"),
        ("duties", "0007_search_title_grams"),
    ]

    operations = [migrations.RunPython(create_title_index, drop_title_index)]
