"""Small modules and functions (the conventions: no module over ~400 lines, no function over ~60)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "api",
    "duties",
    "pages",
    "portal",
    "reports",
    "kept_posts",
    "plans",
    "disclosures",
    "calendars",
    "search",
    "spreadsheets",
    "tests",
    "bench",
]
MODULE_LINES, FUNCTION_LINES = 400, 60


def python_files():
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in python_files() if (n := p.read_text().count("\n")) > MODULE_LINES}
    assert long == {}


def test_no_function_is_over_60_lines():
    long = {}
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.name}"] = length
    assert long == {}
