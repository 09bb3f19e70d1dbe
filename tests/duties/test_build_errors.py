"""Bad input makes build_fixtures fail naming the file and line, and write nothing; good input builds."""

import re
import shutil
import stat
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

JIANGXI, HENAN, JILIN = "000_7da49b89639e252e.txt", "002_93077c1f7bf33f6f.txt", "003_5752f4fce0af3575.txt"


def copy_sources(origin: Path, directory: Path) -> Path:
    """Copy the source texts into `directory` as new files, writable whatever the originals' mode."""
    # copytree would copy the mode too, and a test could then edit a read-only copy only as root.
    directory.mkdir()
    for source in sorted(origin.glob("*.txt")):
        shutil.copyfile(source, directory / source.name)
    return directory


@pytest.fixture
def sources(settings, tmp_path):
    return copy_sources(settings.DUTY_SOURCES_DIR, tmp_path / "sources")


def test_copies_of_read_only_sources_are_writable(settings, tmp_path):
    read_only = copy_sources(settings.DUTY_SOURCES_DIR, tmp_path / "read-only")
    for path in read_only.iterdir():
        path.chmod(0o444)
    copied = sorted(copy_sources(read_only, tmp_path / "copied").iterdir())
    assert [path.name for path in copied] == sorted(path.name for path in settings.DUTY_SOURCES_DIR.glob("*.txt"))
    assert all(path.stat().st_mode & stat.S_IWUSR for path in copied)


def break_source(directory, file_name, old, new):
    path = directory / file_name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file_name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build_error(directory, output) -> str:
    """Run build_fixtures, expect it to fail and leave nothing beside the sources; return the message."""
    with pytest.raises(CommandError) as raised:
        call_command("build_fixtures", sources=directory, output=output, verbosity=0)
    assert not output.exists()
    assert sorted(path.name for path in output.parent.iterdir()) == ["sources"], "no temporary file is left behind"
    return str(raised.value)


def test_the_copied_sources_build_the_committed_fixture(settings, sources, tmp_path):
    # The control for the tests below: only the breakage they make can fail the build.
    output = tmp_path / "out.json"
    call_command("build_fixtures", sources=sources, output=output, verbosity=0)
    assert output.read_bytes() == settings.DUTY_FIXTURE_PATH.read_bytes()


@pytest.mark.parametrize(
    ("file_name", "old", "new", "expected"),
    [
        (
            JIANGXI,
            "\n2.提出能源消费控制目标",
            "\n1.提出能源消费控制目标",
            f"{JIANGXI}, line 57: item 1. is duplicated: expected 2.",
        ),
        (
            JIANGXI,
            "\n3.综合协调环保产业",
            "\n4.综合协调环保产业",
            f"{JIANGXI}, line 58: item 4. skips a number: expected 3.",
        ),
        (
            HENAN,
            "(十一)强化监督问效",
            "(十二)强化监督问效",
            f"{HENAN}, line 20: measure (十二) skips a number: expected (十一)",
        ),
        (JILIN, "  四、不断强化", "  三、不断强化", f"{JILIN}, line 65: part 三、 is duplicated: expected 四、"),
        (JIANGXI, "\n十、省商务厅\n", "\n十、省海洋局\n", f"{JIANGXI}, line 135: unknown department '省海洋局'"),
        (
            JIANGXI,
            "职责的省发展改革委(省能源局)、省工业和信息化厅",
            "职责的省发展改革委(省能源局)、省教育厅",
            f"{JIANGXI}, line 27: unknown department '省教育厅'",
        ),
        (JIANGXI, "共84项", "共85项", f"{JIANGXI}, line 5: the document states 85 duty items, parsed 84"),
        (
            JIANGXI,
            "\n二、明确",
            "\n二二、明确",
            f"{JIANGXI}, line 26: part 二二、 has a malformed numeral: expected 二、",
        ),
        (
            JIANGXI,
            "\n二、明确",
            "\n十十、明确",
            f"{JIANGXI}, line 26: part 十十、 has a malformed numeral: expected 二、",
        ),
        (
            JIANGXI,
            "\n(三)梳理",
            "\n(十十)梳理",
            f"{JIANGXI}, line 27: measure (十十) has a malformed numeral: expected (三)",
        ),
        (
            JIANGXI,
            "\n十、省商务厅\n",
            "\n十十、省商务厅\n",
            f"{JIANGXI}, line 135: annex section 十十、 has a malformed numeral: expected 十、",
        ),
        (
            HENAN,
            "(八)加强统筹协调。",
            "7.多出的一项\n(八)加强统筹协调。",
            f"{HENAN}, line 17: cannot place the numbered item '7.多出的一项' outside an itemised list",
        ),
    ],
)
def test_broken_source_names_file_and_line_and_writes_nothing(sources, tmp_path, file_name, old, new, expected):
    break_source(sources, file_name, old, new)
    assert build_error(sources, tmp_path / "out.json") == expected


def test_a_file_that_is_not_utf8_names_its_last_line(sources, tmp_path):
    path = sources / HENAN
    original = path.read_bytes()
    assert not original.endswith(b"\n")
    path.write_bytes(original + b"\xff\xfe")
    last_line = original.count(b"\n") + 1
    assert build_error(sources, tmp_path / "out.json") == f"{HENAN}, line {last_line}: the file is not valid UTF-8"


def test_a_missing_source_file_is_named_without_a_line(sources, tmp_path):
    (sources / JILIN).unlink()
    assert build_error(sources, tmp_path / "out.json") == f"{JILIN}: the source file is missing from {sources}"


def test_a_failed_build_leaves_the_existing_fixture_byte_identical(sources, tmp_path):
    output = tmp_path / "out.json"
    previous = '[{"model": "duties.sector", "pk": "finance", "fields": {"name": "财政"}}]\n'.encode()
    output.write_bytes(previous)
    break_source(sources, JIANGXI, "共84项", "共85项")
    with pytest.raises(CommandError, match=rf"^{re.escape(JIANGXI)}, line 5: "):
        call_command("build_fixtures", sources=sources, output=output, verbosity=0)
    assert output.read_bytes() == previous
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json", "sources"]
