"""After the load: each citizen's report was filed once (the double submit landed on the same link), none was
lost, every link opens its report; prints the figures for the closing note."""

import json
import sys
from pathlib import Path

from problems.models import Problem
from problems.services.reporting import digest

records = json.loads(Path("test-artifacts/load/problems.json").read_text(encoding="utf-8"))
filed = Problem.objects.filter(description__contains="负载测试")
lost, duplicated, split, wrong_link = [], [], [], []
for record in records:
    found = list(filed.filter(description__contains=record["marker"]))
    first, second = record["links"]
    if not found:
        lost.append(record["marker"])
        continue
    if len(found) > 1:
        duplicated.append(record["marker"])
    if first != second:
        split.append(record["marker"])
    key = first.rstrip("/").rsplit("/", 1)[-1]
    if not any(problem.access_key_hash == digest(key) for problem in found):
        wrong_link.append(record["marker"])
informed = filed.filter(events__kind="information").distinct().count()
print(
    f"citizens {len(records)}, problems filed {filed.count()}, lost {len(lost)}, duplicated {len(duplicated)}, "
    f"double submits answered with another link {len(split)}, links not opening their report {len(wrong_link)}, "
    f"problems with information added {informed}"
)
if lost or duplicated or split or wrong_link:
    sys.exit("FAIL: lost or duplicated problems")
