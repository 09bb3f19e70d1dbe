"""The fault scenarios of deploy/rehearsal.sh: each a load (deploy/load.py) during which a fault is made and,
where it is not permanent, repaired (deploy/faults.sh), then what users saw, how long it took to be whole
again and what was lost.

Per scenario it prints the outcomes (status counts), the failures (5xx or a broken connection) and whether each
said in Chinese what happened, the recovery time (from the fault to the last failed request), the problems
the portal accepted and how many of them are missing from the primary afterwards, and a row for the README.
"""

import re
import subprocess
import time
from collections import Counter

from load import Clerk, Load

MARKER = re.compile(r"演练\d\d-\d{4}-[0-9a-f]{6}")


def fault(arguments, action):
    def act():
        subprocess.run([arguments.faults, action], check=True)
        return action

    return act


def filed_on_the_primary(arguments):
    """Every rehearsal marker the primary holds, whichever server is the primary now."""
    conninfo = (
        f"host=127.0.0.1,127.0.0.1 port={arguments.primary_port},{arguments.replica_port} dbname={arguments.database}"
        " user=postgres target_session_attrs=read-write connect_timeout=5"
    )
    query = "SELECT description FROM problems_problem WHERE description LIKE '%演练%'"
    result = subprocess.run(["psql", conninfo, "-Atc", query], capture_output=True, text=True, check=True)
    return set(MARKER.findall(result.stdout))


def summarize(name, load, happened, arguments):
    fault_at = happened[0][0]
    outcomes = Counter(str(outcome) for _t, _kind, outcome, _ms, _ok in load.records)
    failed = [row for row in load.records if not isinstance(row[2], int) or row[2] >= 500]
    unexplained = [row for row in failed if not row[4]]
    recovery = max((row[0] + row[3] / 1000 - fault_at for row in failed), default=0.0)
    time.sleep(1)
    lost = sorted(set(load.filed) - filed_on_the_primary(arguments))
    missing_at_once = [row for row in load.records if row[1] == "track" and row[2] == 404]
    print(f"-- {name}: events " + ", ".join(f"{action} at {at:.1f} s" for at, action in happened))
    print(
        f"   {len(load.records)} requests, outcomes {dict(sorted(outcomes.items()))}; failed {len(failed)} "
        f"({len(unexplained)} without an explanation in Chinese: {unexplained[:3]}); whole again {recovery:.1f} s "
        f"after the fault; problems accepted {len(load.filed)}, missing afterwards {len(lost)}; "
        f"private links not found right after filing {len(missing_at_once)}"
    )
    return {
        "name": name,
        "fault_at": fault_at,
        "happened": happened,
        "outcomes": outcomes,
        "failed": failed,
        "unexplained": unexplained,
        "recovery": recovery,
        "lost": lost,
        "missing_at_once": missing_at_once,
        "filed": len(load.filed),
        "filed_after": [row[0] for row in load.records if row[1] == "file" and row[2] == 302],
    }


def common_checks(check, result):
    name = result["name"]
    check(not result["unexplained"], f"{name}: every failed request was a page saying what happened, in Chinese")
    check(not result["lost"], f"{name}: no problem the portal accepted is missing afterwards")
    check(not result["missing_at_once"], f"{name}: every citizen found their problem at its link right after filing")


def restart_primary(arguments, check):
    seconds = arguments.fault_seconds
    load = Load(arguments, readers=arguments.readers, citizens=2)
    happened = load.run(seconds, [(seconds / 4, fault(arguments, "restart-primary"))])
    result = summarize("PostgreSQL primary restarted", load, happened, arguments)
    common_checks(check, result)
    check(result["recovery"] < 15, f"restart: whole again by itself within 15 s ({result['recovery']:.1f} s)")
    return result


def stop_replica(arguments, check):
    seconds = arguments.fault_seconds
    load = Load(arguments, readers=arguments.readers, citizens=2)
    events = [(seconds / 4, fault(arguments, "stop-replica")), (seconds * 2 / 3, fault(arguments, "start-replica"))]
    happened = load.run(seconds, events)
    result = summarize("replica stopped, then started", load, happened, arguments)
    common_checks(check, result)
    stopped, started = happened[0][0], happened[1][0]
    reads = [row for row in load.records if row[1] == "read" and stopped + 1 < row[0] < started]
    answered = [row for row in reads if isinstance(row[2], int) and row[2] < 400]
    check(
        reads and len(answered) == len(reads),
        f"replica down: reads fall back to the primary ({len(answered)} of {len(reads)} reads meanwhile answered)",
    )
    return result


def fail_over(arguments, check):
    seconds = arguments.fault_seconds
    load = Load(arguments, readers=arguments.readers, citizens=2)
    events = [(seconds / 4, fault(arguments, "stop-primary")), (seconds / 4 + 2, fault(arguments, "promote-replica"))]
    happened = load.run(seconds, events)
    result = summarize("primary stopped, replica promoted 2 s later", load, happened, arguments)
    common_checks(check, result)
    promoted = happened[1][0]
    after = [at - promoted for at in result["filed_after"] if at > promoted]
    result["writes_after"] = min(after, default=None)
    check(
        result["writes_after"] is not None and result["writes_after"] < 10,
        f"failover: problems filed on the new primary within 10 s of the promotion ({result['writes_after']} s), "
        "the same DATABASE_URL",
    )
    return result


def stop_redis(arguments, check, clerk):
    seconds = arguments.fault_seconds
    load = Load(arguments, readers=arguments.readers, citizens=2, clerk=clerk)
    events = [(seconds / 4, fault(arguments, "stop-redis")), (seconds * 2 / 3, fault(arguments, "start-redis"))]
    happened = load.run(seconds, events)
    result = summarize("Redis stopped, then started", load, happened, arguments)
    common_checks(check, result)
    check(not result["failed"], f"Redis down: the portal kept serving, no request failed ({len(result['failed'])})")
    saves = [status for _at, status, kept, _explained in clerk.outcomes]
    check(saves and set(saves) == {302}, f"Redis down: the clerk stayed signed in and saved every time ({saves})")
    return result


def fill_media(arguments, check, clerk):
    seconds = arguments.fault_seconds
    load = Load(arguments, readers=arguments.readers, citizens=1, clerk=clerk, photos=True)
    events = [(seconds / 4, fault(arguments, "fill-media")), (seconds * 2 / 3, fault(arguments, "free-media"))]
    happened = load.run(seconds, events)
    result = summarize("media storage full, then freed", load, happened, arguments)
    common_checks(check, result)
    full, freed = happened[0][0], happened[1][0]
    during = [row for row in clerk.outcomes if full < row[0] < freed]
    after = [row for row in clerk.outcomes if row[0] > freed + 1]
    check(
        during and all(status == 400 and kept and said for _at, status, kept, said in during),
        f"storage full: the clerk is told the file could not be stored, and the draft's text is kept ({during})",
    )
    check(after and all(row[1] == 302 for row in after), "storage freed: attachments are stored again")
    return result


def run_every_fault(arguments, check):
    clerk = Clerk(arguments, arguments.report_path)
    results = [restart_primary(arguments, check), stop_replica(arguments, check)]
    clerk.outcomes.clear()
    results.append(stop_redis(arguments, check, clerk))
    clerk.outcomes.clear()
    results.append(fill_media(arguments, check, clerk))
    results.append(fail_over(arguments, check))  # last: the old primary stays down
    print("\n| fault | what users saw (status counts) | whole again after | lost |\n|---|---|---|---|")
    for result in results:
        counts = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(result["outcomes"].items()))
        print(
            f"| {result['name']} | {counts} | {result['recovery']:.1f} s | "
            f"{len(result['lost'])} of {result['filed']} problems filed |"
        )
    return results
