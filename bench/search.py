"""Benchmark: the duty search at national scale, against a plain `icontains` scan, in one run.

Needs PostgreSQL holding the synthetic national dataset (about half a million duties):

    createdb -h 127.0.0.1 -U postgres portal_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench DEBUG=1
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_duties
    .venv/bin/python manage.py generate_national_dataset
    .venv/bin/python bench/search.py [--rounds 7] [--trgm]

Each query does what one page of the API does (`/api/v1/duties/?search=…`): count the
matches (up to SEARCH_COUNT_CAP, 1,000 by default, as the API does) and fetch the first 50
with their departments. The project's search (DutyItemFilterSet: normalised text, n-gram
index, ranks read one by one in the list's order) is timed against the same page from
`text__icontains` on every term, counted to the same cap (no index can serve it: a
sequential scan, which the cap lets stop early). "matches" is the exact number, counted
once outside the timings.
Prints p50 and p95 per query class for both and the ratio scan/search. `--trgm` also
times pg_trgm (a trigram GIN index on the same normalised text, built for the run and
dropped afterwards), the alternative the n-gram index was chosen over.
"""

import argparse
import os
import statistics
import sys
import time
from functools import reduce
from operator import and_
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402

import search  # noqa: E402
from duties.filtersets import DutyItemFilterSet, filter_in_province  # noqa: E402
from duties.models import DutyItem, Jurisdiction  # noqa: E402

PAGE = 50
QUERIES = {
    "1 character": [{"search": q} for q in ["水", "林", "厕", "噪", "碳"]],
    "2 characters": [{"search": q} for q in ["扬尘", "噪声", "排污", "秸秆", "河湖"]],
    "4 characters": [{"search": q} for q in ["污染防治", "生态环境", "保护责任", "饮用水源"]],
    "8 characters": [
        {"search": q} for q in ["生态环境保护责任", "生态环境保护工作", "落实生态环境保护", "环境保护责任清单"]
    ],
    "2 words + province": [
        {"search": "扬尘 噪声", "province": "440000"},
        {"search": "污染 执法", "province": "360000"},
        {"search": "垃圾 分类", "province": "510000"},
    ],
}


def project_queryset(params):
    filterset = DutyItemFilterSet(params, DutyItem.objects.with_departments())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def project_page(params):
    """What the API serves: the count (up to SEARCH_COUNT_CAP) and the first page, read rank by rank."""
    paginator = search.SearchAwarePaginator(project_queryset(params), PAGE)
    return paginator.count, [duty.pk for duty in paginator.page(1)]


def scan_page(params):
    """The same page with no normalisation and no index: `icontains` on every term, counted to the same cap."""
    terms = params["search"].split()
    queryset = DutyItem.objects.current().with_departments().filter(reduce(and_, (Q(text__icontains=t) for t in terms)))
    if "province" in params:
        queryset = filter_in_province(
            queryset, "document__jurisdiction", Jurisdiction.objects.get(code=params["province"])
        )
    count, _more = search.capped_count(queryset, settings.SEARCH_COUNT_CAP)
    return count, [duty.pk for duty in queryset[:PAGE]]


def trgm_page(params):
    """pg_trgm over the same normalised text: LIKE '%term%' served by a trigram index where it can be."""
    terms = search.query_terms(params["search"])
    queryset = (
        DutyItem.objects.current().with_departments().filter(reduce(and_, (Q(search_text__contains=t) for t in terms)))
    )
    if "province" in params:
        queryset = filter_in_province(
            queryset, "document__jurisdiction", Jurisdiction.objects.get(code=params["province"])
        )
    count, _more = search.capped_count(queryset, settings.SEARCH_COUNT_CAP)
    return count, [duty.pk for duty in queryset[:PAGE]]


def timed(function, params):
    start = time.perf_counter()
    result = function(params)
    return (time.perf_counter() - start) * 1000, result


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--trgm", action="store_true")
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark measures PostgreSQL: set DATABASE_URL.")
    total = DutyItem.objects.count()
    if total < 100_000:
        sys.exit(f"Only {total} duties: run `manage.py generate_national_dataset` first (see this file's docstring).")
    ways = {"search": project_page, "scan": scan_page}
    if arguments.trgm:
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            print("Building a trigram index for comparison…", flush=True)
            cursor.execute("SET maintenance_work_mem = '512MB'")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS bench_dutyitem_search_trgm ON duties_dutyitem "
                "USING gin (search_text gin_trgm_ops)"
            )
            cursor.execute("ANALYZE duties_dutyitem")
        ways["trgm"] = trgm_page

    print(f"{total:,} duties; {arguments.rounds} rounds; times in ms for one page (count + first {PAGE} rows)\n")
    header = f"{'query class':<20} {'matches':>9}" + "".join(
        f" {name + ' p50':>11} {name + ' p95':>11}" for name in ways
    )
    print(header + f" {'scan/search p50':>16} {'p95':>6}")
    try:
        for label, queries in QUERIES.items():
            times = {name: [] for name in ways}
            matches = []
            for params in queries:
                matches.append(project_queryset(params).count())  # every match, counted once, untimed
                for _ in range(arguments.rounds):
                    for name, function in ways.items():
                        elapsed, _page = timed(function, params)
                        times[name].append(elapsed)
            p = {name: (statistics.median(values), percentile(values, 0.95)) for name, values in times.items()}
            row = f"{label:<20} {round(statistics.mean(matches)):>9,}"
            row += "".join(f" {p[name][0]:>11.1f} {p[name][1]:>11.1f}" for name in ways)
            row += f" {p['scan'][0] / p['search'][0]:>15.1f}× {p['scan'][1] / p['search'][1]:>5.1f}×"
            print(row, flush=True)
    finally:
        if arguments.trgm:
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX IF EXISTS bench_dutyitem_search_trgm")


if __name__ == "__main__":
    main()
