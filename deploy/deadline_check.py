"""What the deadline week (deploy/deadline.py) saw, and whether the database agrees with what clients were told.

The table gives per route the requests, the throughput, p50/p95/max latency, 5xx answers and client-side
errors (a timeout, a broken connection). The database check reads the primary with psql afterwards: every
department's report exists once; each one the approver was told was submitted is submitted, once (one
submission revision), with the text the approver sent; every problem a citizen was sent to is in the database
once, under the number the citizen read on its private page, opened by the key of that link; no rehearsal
problem is in the database that no citizen was told about.
"""

import hashlib
import json
import statistics
import subprocess
from collections import defaultdict


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * share) - 1)]


def print_results(week, elapsed):
    """Print the table per route (markdown, for the README) and return the failed checks."""
    routes = defaultdict(list)
    for route, _at, ms, outcome in week.records:
        routes[route].append((ms, outcome))
    print("\n| route | requests | req/s | p50 ms | p95 ms | max ms | 5xx | errors |\n|---|--:|--:|--:|--:|--:|--:|--:|")
    for route, rows in sorted(routes.items()):
        print(table_row(f"`{route}`", rows, elapsed))
    every = [row for rows in routes.values() for row in rows]
    print(table_row("**all**", every, elapsed) + "\n")
    seconds = week.arguments.seconds
    within = [row for row in week.records if row[1] + row[2] / 1000 <= seconds]
    print(
        f"   {len(week.records)} requests in {elapsed:.0f} s (readers stop at {seconds:.0f} s; filings under way "
        f"finish); answered within the first {seconds:.0f} s: {len(within)}, {len(within) / seconds:.1f} req/s"
    )
    done = [state.get("done_at") for state in week.reports.values()] + [r.get("done_at") for r in week.problems]
    done = [at for at in done if at is not None]
    if done:
        print(
            f"   filings complete (submitted and read back, filed and its link opened): the last at {max(done):.0f} s"
        )
    server_errors = [row for row in week.records if isinstance(row[3], int) and row[3] >= 500]
    errors = [row for row in week.records if not isinstance(row[3], int)]
    unexpected = [row for row in week.records if isinstance(row[3], int) and row[3] not in (200, 302)]
    failures = []
    check(failures, not server_errors, f"no 5xx ({len(server_errors)}: {server_errors[:5]})")
    check(failures, not errors, f"no timeout or broken connection ({len(errors)}: {errors[:5]})")
    check(failures, not unexpected, f"every answer a 200 or a redirect ({len(unexpected)}: {unexpected[:5]})")
    sign_ins = [ms for status, ms in week.sign_ins if status == 302]
    if week.sign_ins:
        print(
            f"   sign-ins through the form (PBKDF2, production iterations): {len(sign_ins)} of {len(week.sign_ins)}, "
            f"p50 {statistics.median(sign_ins or [0]):.0f} ms, max {max(sign_ins or [0]):.0f} ms"
        )
    check(failures, len(sign_ins) == len(week.sign_ins), "every sign-in through the form succeeded")
    submitted = [pk for pk, state in week.reports.items() if state["submitted"]]
    check(
        failures,
        len(submitted) == len(week.accounts["departments"]),
        f"every department's report submitted ({len(submitted)} of {len(week.accounts['departments'])})",
    )
    filed = [record for record in week.problems if record["number"]]
    check(failures, len(filed) == week.arguments.citizens, f"every citizen's problem filed ({len(filed)})")
    return failures


def table_row(route, rows, elapsed):
    latencies = [ms for ms, _outcome in rows]
    server_errors = sum(1 for _ms, outcome in rows if isinstance(outcome, int) and outcome >= 500)
    errors = sum(1 for _ms, outcome in rows if not isinstance(outcome, int))
    return (
        f"| {route} | {len(rows)} | {len(rows) / elapsed:.1f} | {statistics.median(latencies):.0f} | "
        f"{percentile(latencies, 0.95):.0f} | {max(latencies):.0f} | {server_errors} | {errors} |"
    )


def check(failures, condition, what):
    print(("PASS  " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def query(arguments, sql):
    conninfo = f"host=127.0.0.1 port={arguments.primary_port} dbname={arguments.database} user=postgres"
    result = subprocess.run(["psql", conninfo, "-Atc", sql], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip() or "null") or []


def check_database(week, arguments):
    """Compare the primary with what the clients were told; return the failed checks."""
    failures = []
    departments = ",".join(str(pk) for pk in week.reports) or "0"
    reports = query(
        arguments,
        "SELECT json_agg(json_build_object('department', r.department_id, 'state', r.state, 'overall', r.overall,"
        " 'submissions', (SELECT count(*) FROM reports_revision v WHERE v.report_id = r.id AND v.kind = 'submission')))"
        f" FROM reports_report r WHERE r.department_id IN ({departments})",
    )
    per_department = defaultdict(list)
    for row in reports:
        per_department[row["department"]].append(row)
    duplicated = [pk for pk, rows in per_department.items() if len(rows) > 1]
    told = {pk: state["submitted"] for pk, state in week.reports.items() if state["submitted"]}
    wrong = [
        pk
        for pk, text in told.items()
        if [(r["state"], r["submissions"], r["overall"]) for r in per_department[pk]] != [("submitted", 1, text)]
    ]
    untold = [pk for pk, rows in per_department.items() if pk not in told and any(r["state"] != "draft" for r in rows)]
    check(failures, not duplicated, f"no department has two reports ({duplicated})")
    check(
        failures,
        not wrong,
        f"every report its approver was told was submitted is submitted once, with the text sent ({len(told)} "
        f"told; wrong: {wrong})",
    )
    check(failures, not untold, f"no report submitted that its approver was not told about ({untold})")
    problems = query(
        arguments,
        "SELECT json_agg(json_build_object('number', number, 'description', description, 'hash', access_key_hash))"
        " FROM problems_problem WHERE description LIKE '%截止周%'",
    )
    check_problems(failures, week, problems)
    return failures


def check_problems(failures, week, problems):
    lost, duplicated, wrong, split = [], [], [], []
    for record in week.problems:
        if not record["number"]:
            continue
        found = [row for row in problems if record["marker"] in row["description"]]
        key = record["links"][0].rstrip("/").rsplit("/", 1)[-1]
        if not found:
            lost.append(record["marker"])
        elif len(found) > 1:
            duplicated.append(record["marker"])
        elif found[0]["number"] != record["number"] or found[0]["hash"] != hashlib.sha256(key.encode()).hexdigest():
            wrong.append(record["marker"])
        if record["links"][0] != record["links"][1]:
            split.append(record["marker"])
    told = {record["marker"] for record in week.problems if record["number"]}
    untold = [row["number"] for row in problems if not any(marker in row["description"] for marker in told)]
    print(
        f"   problems: {len(told)} filed as the citizens were told, {len(problems)} in the database; lost {len(lost)}, "
        f"duplicated {len(duplicated)}, another number or key {len(wrong)}, double submit sent elsewhere "
        f"{len(split)}, in the database but no citizen told {len(untold)}"
    )
    check(failures, not (lost or duplicated or wrong or split or untold), "every problem filed once, with its number")
