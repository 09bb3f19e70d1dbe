"""Benchmark: preview and publish a 20,000-row list, while readers keep asking for pages.

A city with 20 departments imports its first list of 20,000 duties, then a second edition that rewords
every one of them (20,000 versions ended and 20,000 started), once per round, each round a new city. Each
is timed as the admin runs it: the preview, then the confirmation (which reads and checks the kept file
again, then publishes); the best and the median of the rounds are printed. The baseline, measured in the
same run, is reading the file alone (`spreadsheet.read_table`). Meanwhile another process, on its own
database connection, asks for the province page and the API's duty list every 0.2 s; its slowest answer
during the imports is printed.

Run: .venv/bin/python bench/list_import.py [--rows 20000] [--rounds 3]   (DATABASE_URL selects PostgreSQL)
"""

import argparse
import datetime
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.test_settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

from duties import services, spreadsheet  # noqa: E402
from duties.models import Department, Jurisdiction, Sector  # noqa: E402
from duties.spreadsheet import COLUMNS, COOPERATING, DEPARTMENT, LEAD, NUMBER, TEXT  # noqa: E402

DEPARTMENTS = 20
BUDGET_SECONDS = 10
READER_PAUSE = 0.2  # seconds between a reader's visits
CLAUSES = ["统筹", "推进", "监督", "指导", "落实", "河湖", "大气", "土壤", "噪声", "固体废物", "生态修复", "排污许可"]


def city_with_departments(round_number: int = 1) -> Jurisdiction:
    """A new city of Jiangxi for each round (360100, 360200 …), with its departments added as the admin does."""
    code = f"36{round_number:02d}00"
    city = Jurisdiction.objects.create(
        code=code, name=f"第{round_number}市", short_name=f"第{round_number}", slug=f"city-{round_number}",
        level="prefecture", kind="city", parent_id="360000",
    )  # fmt: skip
    sectors = list(Sector.objects.order_by("position")[:DEPARTMENTS])
    for index, sector in enumerate(sectors, start=1):
        department = Department(
            jurisdiction=city,
            name=f"{city.name}{sector.name}部门{index}",
            short_name=f"市{sector.name}部门{index}",
            sector=sector,
            slug=f"bu-men-{index}",
            position=index,
        )
        services.record_save(user=None, obj=department, fields=["name"], reason="bench", adding=True)
    return city


def first_list(city: Jurisdiction, rows: int) -> bytes:
    departments = list(Department.objects.filter(jurisdiction=city).order_by("position"))
    table = []
    for index in range(rows):
        department = departments[index % len(departments)]
        other = departments[(index + 1) % len(departments)]
        words = [CLAUSES[(index * 7 + k) % len(CLAUSES)] for k in range(4)]
        table.append(
            {
                **dict.fromkeys(COLUMNS, ""),
                DEPARTMENT: department.name,
                NUMBER: str(index // len(departments) + 1),
                TEXT: f"负责{''.join(words)}工作（第{index + 1}项）。",
                LEAD: department.short_name,
                COOPERATING: other.short_name if index % 3 == 0 else "",
            }
        )
    return spreadsheet.write_csv(table)


def reworded(city: Jurisdiction) -> bytes:
    rows = spreadsheet.list_rows(city)
    for row in rows:
        row[TEXT] = row[TEXT].replace("负责", "牵头负责")
    return spreadsheet.write_csv(rows)


def read_pages(stop, results):
    """Another process (so as not to share the publisher's interpreter): ask for pages until told to stop."""
    connections.close_all()  # the parent's connection is not this process's to use
    client, slowest, answers, failures = Client(raise_request_exception=False), 0.0, 0, []
    while not stop.is_set():
        for url in ["/jiangxi/", "/api/v1/duties/?province=jiangxi"]:
            started = time.perf_counter()
            status = client.get(url).status_code
            slowest, answers = max(slowest, time.perf_counter() - started), answers + 1
            if status != 200:
                failures.append((url, status))
        time.sleep(READER_PAUSE)
    results.put((answers, slowest, failures))
    connections.close_all()


class Readers:
    """Citizens reading pages while the list is imported: their slowest answer and any error."""

    def __init__(self):
        context = multiprocessing.get_context("fork")
        self.stop, self.results = context.Event(), context.Queue()
        connections.close_all()
        self.process = context.Process(target=read_pages, args=(self.stop, self.results), daemon=True)

    def __enter__(self):
        self.process.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.answers, self.slowest, self.failures = self.results.get(timeout=60)
        self.process.join()


def database_cpu_seconds() -> float | None:
    """The CPU time of this connection's database backend, when it runs on this machine (PostgreSQL on Linux):
    with the interpreter's own, the work done, which a shared machine's load does not inflate as it does time."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_import(city, data, effective_on, name):
    stages = {}

    def progress(stage, done, total):
        stages.setdefault(stage, time.perf_counter())

    arguments = {"jurisdiction": city, "department": None, "effective_on": effective_on, "data": data}
    source = services.SourceDocument(title=f"南昌市生态环境保护具体事项清单（{name}）")
    started, cpu, database_cpu = time.perf_counter(), time.process_time(), database_cpu_seconds()
    preview = services.list_import_preview(**arguments, file_name=f"{name}.csv", source=source)
    previewed = time.perf_counter()
    assert not preview.errors, preview.errors[:5]
    # The confirmation reads and checks the kept file again, then publishes it.
    preview = services.list_import_preview(**arguments, file_name=f"{name}.csv", source=source, progress=progress)
    services.list_import_publish(preview=preview, basis=name, progress=progress)
    finished = time.perf_counter()
    database_work = None if database_cpu is None else database_cpu_seconds() - database_cpu
    work = (time.process_time() - cpu, database_work)
    return previewed - started, finished - previewed, preview.plan, stages, finished, work


def report(label, baseline, runs):
    """The best and the median of the rounds: a shared machine's other work only ever adds time."""
    (first, *_rest) = runs
    plan = first[2]
    print(f"{label}: {len(plan.added):,} added, {len(plan.changed):,} changed, {len(plan.removed):,} removed")
    for name, times in [
        ("preview          ", [run[0] for run in runs]),
        ("confirm (publish)", [run[1] for run in runs]),
        ("preview + confirm", [run[0] + run[1] for run in runs]),
    ]:
        best, median = min(times), statistics.median(times)
        print(f"  {name} best {best:6.2f} s, median {median:6.2f} s  ({best / baseline:5.1f}x reading the file)")
    best = min(runs, key=lambda run: run[0] + run[1])
    verdict = "ok" if best[0] + best[1] < BUDGET_SECONDS else "OVER"
    python, database = (statistics.median(run[5][index] or 0 for run in runs) for index in (0, 1))
    print(f"  CPU for preview + confirm, median: Python {python:.2f} s, database {database:.2f} s")
    print(f"  budget {BUDGET_SECONDS} s for preview + confirm: {verdict}")
    marks = sorted(best[3].items(), key=lambda item: item[1]) + [("end of publish", best[4])]
    steps = zip(marks, marks[1:], strict=False)
    print("  best confirm by step: " + ", ".join(f"{stage} {end - start:.2f} s" for (stage, start), (_, end) in steps))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    rows, rounds = arguments.rows, arguments.rounds
    settings.DUTY_IMPORT_MAX_ROWS = max(rows, settings.DUTY_IMPORT_MAX_ROWS)
    settings.DUTY_IMPORT_MAX_BYTES = max(50 * 2**20, settings.DUTY_IMPORT_MAX_BYTES)
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):  # a file, so that the reader thread sees the same database
        database.setdefault("TEST", {})["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_duties", stdout=open(os.devnull, "w"))
        cities = [city_with_departments(round_number) for round_number in range(1, rounds + 1)]
        data = first_list(cities[0], rows)
        started = time.perf_counter()
        spreadsheet.read_table(data)
        baseline = time.perf_counter() - started
        print(f"database: {connection.vendor}; {rows:,} rows, {len(data) / 2**20:.1f} MB of CSV; {rounds} rounds")
        print(f"baseline: reading the file alone {baseline:.2f} s; load average {os.getloadavg()[0]:.1f}")
        firsts, rewordings = [], []
        with Readers() as readers:
            for city in cities:
                firsts.append(timed_import(city, first_list(city, rows), datetime.date(2026, 1, 1), "first"))
                rewordings.append(timed_import(city, reworded(city), datetime.date(2026, 7, 1), "reworded"))
        report("first list", baseline, firsts)
        report("every duty reworded", baseline, rewordings)
        print(f"readers meanwhile (another process): {readers.answers} answers, slowest {readers.slowest:.2f} s")
        print(f"  failures: {readers.failures or 'none'}")
    finally:
        connections.close_all()
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
