"""Rebuild fixtures/duties.json from the source texts in fixtures/sources/."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from duties.parsing.build import build_fixture, render_fixture, unresolved_mentions
from duties.parsing.source import SourceError


class Command(BaseCommand):
    help = "Parse the source documents and write the duty-list fixture (nothing is written on error)."

    def add_arguments(self, parser):
        parser.add_argument("--sources", type=Path, default=settings.DUTY_SOURCES_DIR)
        parser.add_argument("--output", type=Path, default=settings.DUTY_FIXTURE_PATH)
        parser.add_argument(
            "--check", action="store_true", help="Exit non-zero if the fixture on disk differs from the sources."
        )

    def handle(self, *args, sources, output, check, **options):
        try:
            objects = build_fixture(sources)
        except SourceError as exc:
            raise CommandError(f"{exc.location}: {exc.message}") from exc
        rendered = render_fixture(objects)
        if check:
            if not output.exists() or output.read_text(encoding="utf-8") != rendered:
                raise CommandError(f"{output} is out of date: run manage.py build_fixtures")
            self.stdout.write(f"{output} matches the sources.")
            return
        # Write to a temporary file first so that a failure never leaves half a fixture.
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=output.parent, suffix=".json.tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(rendered)
        os.replace(temporary, output)

        counts = {}
        for obj in objects:
            counts[obj["model"]] = counts.get(obj["model"], 0) + 1
        self.stdout.write(f"Wrote {output}: " + ", ".join(f"{n} {model}" for model, n in sorted(counts.items())))
        unresolved = unresolved_mentions(objects)
        if unresolved:
            self.stdout.write(f"{len(unresolved)} names in duty texts match no department (kept as written):")
            for line in unresolved:
                self.stdout.write(f"  {line}")
