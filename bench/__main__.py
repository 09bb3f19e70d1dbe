"""One entry point for every benchmark: `python -m bench [check …] [--rounds N]`, one table at the end.

Checks (bench/targets.py): api, pages, search (the default set), and fixtures, import, load, national
(the older scripts and the national build: minutes each, run when named or with `all`). Every check but
`national` uses the database DATABASE_URL names (PostgreSQL, with at least `load_duties` run; `search` is
meant for the national dataset). See bench/README.md.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import SERVER_ENVIRONMENT

os.environ.update({key: value for key, value in SERVER_ENVIRONMENT.items() if key not in os.environ})
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"

DEFAULT = ["api", "pages", "search"]
EVERY = [*DEFAULT, "fixtures", "import", "load", "national"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("checks", nargs="*", choices=[*EVERY, "all"], help=f"default: {' '.join(DEFAULT)}")
    parser.add_argument("--rounds", type=int, default=30, help="requests per page or query (and per baseline)")
    arguments = parser.parse_args(argv)
    checks = EVERY if "all" in arguments.checks else arguments.checks or DEFAULT
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        parser.error("set DATABASE_URL to a PostgreSQL database holding the duty lists (see bench/README.md)")

    import django

    django.setup()
    from bench import harness, targets

    results = []
    for check in checks:
        print(f"… {check}", file=sys.stderr, flush=True)
        if check in targets.SCRIPTS:
            results += targets.script(check)
        elif check == "national":
            results += targets.national(database_url)
        else:
            results += {"api": targets.api_duties, "pages": targets.pages, "search": targets.search}[check](
                arguments.rounds
            )
    print()
    return 0 if harness.print_table(results) else 1


if __name__ == "__main__":
    sys.exit(main())
