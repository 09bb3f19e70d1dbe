"""The apps depend one way: search, spreadsheets, clients and api know no app; duties knows neither reports
nor the pages above;
reports may use duties; plans, disclosures, problems and listdrafts may use reports and duties (reports reach the
plans and problems, and the duties' tracker the list drafts, only through the settings the project wires:
reports/planning.py); calendars combine every app's deadlines; only pages, calendars and the project's urls
combine them."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# package → the project packages it must never import
FORBIDDEN = {
    "search": {"duties", "reports", "pages", "api", "clients", "portal"},
    "mailing": {"duties", "reports", "pages", "api", "search", "clients", "portal", "problems", "contact"},
    "clients": {"duties", "reports", "pages", "api", "search", "portal"},
    "spreadsheets": {"duties", "reports", "pages", "api", "clients", "portal", "search"},
    "api": {"duties", "reports", "pages", "portal"},
    "kept_posts": {
        "duties",
        "reports",
        "plans",
        "disclosures",
        "calendars",
        "problems",
        "contact",
        "listdrafts",
        "pages",
        "portal",
    },
    "duties": {"reports", "plans", "disclosures", "problems", "calendars", "listdrafts", "pages", "portal"},
    "reports": {"plans", "disclosures", "calendars", "listdrafts", "pages", "portal"},
    "listdrafts": {"plans", "disclosures", "calendars", "problems", "pages", "portal"},
    "plans": {"disclosures", "calendars", "pages", "portal"},
    "disclosures": {"plans", "calendars", "pages", "portal"},
    "problems": {"plans", "disclosures", "calendars", "pages", "portal"},
    "contact": {"plans", "disclosures", "problems", "calendars", "pages", "portal"},
    "calendars": {"pages", "portal"},
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_nothing_from_the_layers_above_it(package):
    offending = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }
    assert {path: names for path, names in offending.items() if names} == {}
