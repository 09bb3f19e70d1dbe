"""Summarise a locust run: requests/s and p50/p95 per route; fail on 5xx.

With --allow-503 (a database restart during the run), 503 is the only 5xx allowed.
"""

import csv
import sys
from pathlib import Path


def main(prefix, allow_503=False):
    stats = list(csv.DictReader(Path(f"{prefix}_stats.csv").open()))
    failures = list(csv.DictReader(Path(f"{prefix}_failures.csv").open()))
    print(f"{'route':45} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for row in stats:
        print(
            f"{row['Name']:45} {row['Request Count']:>9} {float(row['Requests/s']):8.1f} "
            f"{row['50%']:>8} {row['95%']:>8}"
        )
    server_errors = [f for f in failures if "50" in f["Error"] and not (allow_503 and "503" in f["Error"])]
    for failure in failures:
        print(f"failure: {failure['Method']} {failure['Name']}: {failure['Error']} x{failure['Occurrences']}")
    if server_errors:
        sys.exit("FAIL: server errors during the load")


if __name__ == "__main__":
    main(sys.argv[1], allow_503="--allow-503" in sys.argv)
