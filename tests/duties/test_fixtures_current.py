"""The committed fixture is exactly what the parser builds from the committed sources."""

from django.core.management import call_command

from duties.parsing.build import build_fixture, render_fixture


def test_committed_fixture_equals_the_parser_output(settings):
    committed = settings.DUTY_FIXTURE_PATH.read_text(encoding="utf-8")
    assert render_fixture(build_fixture(settings.DUTY_SOURCES_DIR)) == committed


def test_building_twice_gives_byte_identical_files(settings, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("build_fixtures", output=first, verbosity=0)
    call_command("build_fixtures", output=second, verbosity=0)
    assert first.read_bytes() == second.read_bytes() == settings.DUTY_FIXTURE_PATH.read_bytes()
