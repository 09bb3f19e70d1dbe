"""The checks of `python -m bench`, each against the target the issue "Fast everywhere" sets for it.

- api: `/api/v1/duties/?province=jiangxi` (50 rows) in-process, against raw SQL + orjson for the same rows: ≤ 2× p50.
- pages: the public pages from gunicorn + whitenoise, against a static CSS file from the same server:
  ≤ 4× p50 and ≤ 15 ms of the worker's CPU per request.
- search: the API's search per query class (1, 2, 4, 8 characters; two words + a province), against the same
  static file: ≤ 12× p95; the search page over every query: ≤ 15× p95. Meant for the national dataset.
- scripts: the older benchmarks (load_fixtures, list_import, the load test) and the national dataset's build,
  run as they are, timed, and passed on their exit status (the build: on the issue's 60 s).
"""

import datetime
import os
import subprocess
import sys
import time
from urllib.parse import urlencode

from bench.harness import ROOT, Result, Server, interleaved

STATIC_FILE = "/static/css/portal.css"
NATIONAL_DUTIES = 400_000


def api_duties(rounds: int) -> list[Result]:
    """The duties endpoint through Django (routing, middleware, FilterSet, serializer) against raw SQL + orjson."""
    from django.test import Client

    from bench.api_duties import URL, raw_baseline

    client = Client()
    response = client.get(URL)
    if response.status_code != 200 or len(response.json()["results"]) != 50:
        return [Result(URL, [], [], "p50", 2, failed=True, note=f"answered {response.status_code}")]
    measured, baseline = interleaved(lambda: client.get(URL), raw_baseline, rounds)
    return [Result(f"API {URL}", measured, baseline, "p50", 2, note="baseline: raw SQL + orjson")]


def public_pages() -> dict[str, str]:
    year = datetime.date.today().year
    return {
        "home": "/",
        "province": "/jiangxi/",
        "department": "/jiangxi/departments/sheng-tai-huan-jing-ting/",
        "duty": "/jiangxi/duties/36000001067/",
        "document": "/jiangxi/documents/36000001/",
        "search": "/search/?" + urlencode({"search": "扬尘"}),
        "sector": "/sectors/housing-construction/",
        "board": f"/disclosures/jilin/{year}/q1/",
    }


def pages(rounds: int) -> list[Result]:
    """Each public page against the static file, alternately, over one kept-alive connection; the worker's CPU."""
    results = []
    with Server() as server:
        for name, path in public_pages().items():
            status, _body = server.get(path)
            if status != 200:
                results.append(Result(f"page {name} {path}", [], [], "p50", 4, failed=True, note=f"answered {status}"))
                continue
            cpu = []

            def page(path=path, cpu=cpu):
                before = server.worker_cpu_ns()
                server.get(path)
                cpu.append(server.worker_cpu_ns() - before)

            measured, baseline = interleaved(page, lambda: server.get(STATIC_FILE), rounds)
            cpu_ms = sum(cpu[1:]) / max(len(cpu) - 1, 1) / 1e6  # the warm-up call aside
            results.append(Result(f"page {name} {path}", measured, baseline, "p50", 4, cpu_ms=cpu_ms, cpu_target=15))
    return results


def search(rounds: int) -> list[Result]:
    """The API's search by query class and the search page, each against the static file, at p95."""
    from bench.search import QUERIES
    from duties.models import DutyItem

    total = DutyItem.objects.count()
    note = "" if total >= NATIONAL_DUTIES else f"only {total:,} duties: not the national dataset"
    results = []
    with Server() as server:
        for label, queries in QUERIES.items():
            paths = ["/api/v1/duties/?" + urlencode(params) for params in queries]
            results.append(_paths_against_static(server, f"API search, {label}", paths, rounds, 12, note))
        paths = ["/search/?" + urlencode(params) for queries in QUERIES.values() for params in queries]
        results.append(_paths_against_static(server, "search page, every query", paths, rounds, 15, note))
    return results


def _paths_against_static(server, what, paths, rounds, target, note) -> Result:
    measured, baseline = [], []
    for path in paths:
        status, _body = server.get(path)
        if status != 200:
            return Result(what, [], [], "p95", target, failed=True, note=f"{path} answered {status}")
        times = interleaved(lambda path=path: server.get(path), lambda: server.get(STATIC_FILE), rounds)
        measured += times[0]
        baseline += times[1]
    return Result(what, measured, baseline, "p95", target, note=note)


SCRIPTS = {
    "fixtures": [sys.executable, "bench/load_fixtures.py"],
    "import": [sys.executable, "bench/list_import.py", "--rounds", "1"],
    "load": ["bash", "bench/load/run.sh", "60", "30"],
}


def script(name: str) -> list[Result]:
    """One of the older benchmarks as it is: its own output printed, its time and exit status in the table."""
    print(f"\n== {' '.join(SCRIPTS[name])}", flush=True)
    start = time.perf_counter()
    completed = subprocess.run(SCRIPTS[name], cwd=ROOT)
    elapsed = (time.perf_counter() - start) * 1000
    note = "its own table above" if completed.returncode == 0 else f"exit {completed.returncode}"
    return [Result(f"script {name}", [elapsed], [], "p50", None, failed=completed.returncode != 0, note=note)]


def national(database_url: str) -> list[Result]:
    """Build the national dataset in a new database (migrate and load_duties untimed): the issue asks ≤ 60 s."""
    server = database_url.rsplit("/", 1)[0]
    name = "portal_bench_national_build"
    environment = {**os.environ, "DATABASE_URL": f"{server}/{name}", "DEBUG": "1"}
    for command in [
        ["psql", f"{server}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}"],
        ["psql", f"{server}/postgres", "-qc", f"CREATE DATABASE {name}"],
        [sys.executable, "manage.py", "migrate", "-v0"],
        [sys.executable, "manage.py", "load_duties", "-v0"],
    ]:
        subprocess.run(command, cwd=ROOT, env=environment, check=True, stdout=subprocess.DEVNULL)
    build = [sys.executable, "manage.py", "generate_national_dataset"]
    start = time.perf_counter()
    completed = subprocess.run(build, cwd=ROOT, env=environment, stderr=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - start) * 1000
    what = "generate_national_dataset (every province)"
    failed = completed.returncode != 0
    return [Result(what, [elapsed], [], "p50", None, limit_ms=60_000, failed=failed, note=f"database {name}")]
