"""PostgreSQL only: `portal_search_grams` takes a text's pairs of characters as substrings, not by regexp.

The same set of grams as 0003's function (every character, every two adjacent characters), so the stored
columns and their indexes stay as they are; computing them for an edition's 20,000 new rows (texts and titles,
versions and provisions) takes some 40% less time (bench/list_import.py).
"""

from importlib import import_module

from django.db import migrations

CREATE_GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION portal_search_grams(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN body = '' THEN ''::tsvector ELSE array_to_tsvector(
        string_to_array(body, NULL)
        || ARRAY(SELECT substr(body, start, 2) FROM generate_series(1, length(body)) AS start)
    ) END
$$
"""


def by_substrings(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_GRAMS_FUNCTION)


def by_regexp(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(import_module("duties.migrations.0003_search").CREATE_GRAMS_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [
        ("duties", "0009_committee_office"),
    ]

    operations = [migrations.RunPython(by_substrings, by_regexp)]
