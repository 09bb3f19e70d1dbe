"""The deadline-week rehearsal's verdict: the database check catches every way a filing can go wrong."""

import hashlib
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

# deploy/ holds scripts, not a package: load the one module without putting the folder on sys.path.
_spec = importlib.util.spec_from_file_location(
    "deadline_check", Path(__file__).resolve().parents[2] / "deploy" / "deadline_check.py"
)
deadline_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(deadline_check)


def key_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def week_told(reports=None, problems=()):
    return SimpleNamespace(reports=reports or {}, problems=list(problems))


def citizen(marker, number, key):
    return {"marker": marker, "number": number, "links": [f"/problems/track/{key}/"] * 2}


def row(marker, number, key):
    return {"number": number, "description": f"扬尘（{marker}）", "hash": key_hash(key)}


@pytest.fixture
def database(monkeypatch):
    """The rows psql would return: reports first, then problems."""
    answers = {}
    monkeypatch.setattr(
        deadline_check, "query", lambda _arguments, sql: answers["reports" if "reports" in sql else "problems"]
    )
    return answers


def test_everything_filed_once_as_told_passes(database):
    database["reports"] = [{"department": 7, "state": "submitted", "overall": "总体情况", "submissions": 1}]
    database["problems"] = [row("截止周001-aaaaaa", "2026-000001", "k1")]
    week = week_told({7: {"submitted": "总体情况"}}, [citizen("截止周001-aaaaaa", "2026-000001", "k1")])
    assert deadline_check.check_database(week, None) == []


@pytest.mark.parametrize(
    "rows",
    [
        [],  # lost
        [row("截止周001-aaaaaa", "2026-000001", "k1"), row("截止周001-aaaaaa", "2026-000002", "k1")],  # twice
        [row("截止周001-aaaaaa", "2026-000009", "k1")],  # another number than the citizen read
        [row("截止周001-aaaaaa", "2026-000001", "other")],  # the link's key does not open it
        [row("截止周001-aaaaaa", "2026-000001", "k1"), row("截止周002-bbbbbb", "2026-000002", "k2")],  # untold
    ],
)
def test_a_lost_duplicated_renumbered_or_untold_problem_fails(database, rows):
    database["reports"], database["problems"] = [], rows
    week = week_told(problems=[citizen("截止周001-aaaaaa", "2026-000001", "k1")])
    assert deadline_check.check_database(week, None) == ["every problem filed once, with its number"]


@pytest.mark.parametrize(
    "rows",
    [
        [{"department": 7, "state": "submitted", "overall": "总体情况", "submissions": 2}],  # submitted twice
        [{"department": 7, "state": "draft", "overall": "总体情况", "submissions": 0}],  # told, never submitted
        [{"department": 7, "state": "submitted", "overall": "第 2 次保存", "submissions": 1}],  # another text
    ],
)
def test_a_report_not_submitted_once_with_its_text_fails(database, rows):
    database["reports"], database["problems"] = rows, []
    failures = deadline_check.check_database(week_told({7: {"submitted": "总体情况"}}), None)
    assert len(failures) == 1 and failures[0].startswith("every report its approver was told was submitted")


def test_two_reports_of_one_department_fail(database):
    database["problems"] = []
    database["reports"] = [{"department": 7, "state": "draft", "overall": "", "submissions": 0}] * 2
    failures = deadline_check.check_database(week_told({7: {"submitted": None}}), None)
    assert failures == ["no department has two reports ([7])"]
