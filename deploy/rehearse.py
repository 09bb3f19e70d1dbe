"""The client side of deploy/rehearsal.sh: checks through nginx, the faults under load (deploy/faults.py),
then load while one app server is killed.

Every request goes to nginx on loopback over TLS (the rehearsal's self-signed certificate). The load
generator stands for a load balancer that nginx trusts (real_ip): it names the client of each request
in X-Forwarded-For, so that a few threads play many citizens, each with its own request counts.
Standard library only; bounded in time; exits non-zero when a check or any request fails.
"""

import argparse
import http.client
import os
import random
import re
import signal
import ssl
import statistics
import sys
import threading
import time

from faults import run_every_fault
from load import CLIENTS, HOST, LOAD_PATHS, Portal

failures = []


def check(condition, what):
    print(("PASS  " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def lines_of(path):
    with open(path, encoding="utf-8", errors="replace") as log:
        return log.read().splitlines()


def wait_for_app_servers(ports, deadline=60):
    """Each app server answers on its own before nginx is asked: one still booting would be skipped for a while."""
    for port in ports:
        for _ in range(deadline * 2):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz", headers={"Host": HOST})
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            return False
    return True


def wait_until_healthy(portal, deadline=60):
    for _ in range(deadline * 2):
        try:
            if portal.request("GET", "/healthz")[0] == 200:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def check_tls_and_headers(portal, arguments):
    status, headers, _body = portal.request("GET", "/")
    check(status == 200, "GET / over TLS through nginx: 200")
    check("max-age=" in headers.get("strict-transport-security", ""), "HSTS on the page")
    check("script-src 'self'" in headers.get("content-security-policy", ""), "Content-Security-Policy on the page")
    plain = http.client.HTTPConnection("127.0.0.1", arguments.http_port, timeout=10)
    plain.request("GET", "/jiangxi/", headers={"Host": f"{HOST}:{arguments.http_port}"})
    response = plain.getresponse()
    response.read()
    check(
        response.status == 301 and response.getheader("Location", "").startswith(f"https://{HOST}:"),
        "plain HTTP is sent to HTTPS",
    )


def check_one_count_across_servers(portal, arguments):
    client = {"X-Forwarded-For": "198.51.100.23"}
    results = [portal.request("GET", "/api/v1/sectors/", headers=client) for _ in range(40)]
    statuses = [status for status, _headers, _body in results]
    check(
        statuses.count(200) == 30 and statuses.count(429) == 10,
        f"one client, two app servers x two workers: 30 answers then 429 (got {statuses.count(200)} and "
        f"{statuses.count(429)})",
    )
    check(
        all("retry-after" in headers for status, headers, _body in results if status == 429),
        "every 429 carries Retry-After",
    )
    served = [sum("198.51.100.23" in line for line in lines_of(log)) for log in arguments.app_logs]
    check(all(served), f"both app servers answered that client, and their access logs name it (served {served})")


def check_shared_session(arguments):
    browser = Portal(arguments.port, arguments.context, client="198.51.100.24")  # keeps its cookies
    _status, _headers, body = browser.request("GET", "/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = {"username": "rehearsal", "password": arguments.password, "csrfmiddlewaretoken": token}
    status, headers, _body = browser.post_form("/accounts/login/", form)
    check(status == 302 and headers.get("location") == "/workspace/", "signing in through nginx")
    pages = [browser.request("GET", "/workspace/") for _ in range(8)]
    check(all(status == 200 for status, _h, _b in pages), "the session is read by whichever server answers")
    check(
        all(headers.get("cache-control") == "private, no-store" for _s, headers, _b in pages),
        "the workspace is private, no-store",
    )
    served = [sum('"GET /workspace/' in line for line in lines_of(log)) for log in arguments.app_logs]
    check(all(served), f"both app servers answered the signed-in user (served {served})")


def check_body_limit(arguments):
    connection = http.client.HTTPSConnection("127.0.0.1", arguments.port, context=arguments.context, timeout=10)
    connection.putrequest("POST", "/accounts/login/", skip_host=True)
    connection.putheader("Host", f"{HOST}:{arguments.port}")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(15 * 2**20))
    connection.endheaders()
    response = connection.getresponse()
    check(response.status == 413, f"nginx refuses a 15 MB body before reading it ({response.status})")
    connection.close()


def load_with_a_server_killed(arguments):
    """Threads send GETs until the time is up; a third of the way in, one app server is killed."""
    records = []  # (seconds since start, status or an error's name, latency in ms)
    lock = threading.Lock()
    start = time.monotonic()
    deadline = start + arguments.seconds
    served_at_kill = []

    def citizen(seed):
        chooser = random.Random(seed)
        portal = Portal(arguments.port, arguments.context)
        while time.monotonic() < deadline:
            path = chooser.choice(LOAD_PATHS)
            sent = time.monotonic()
            try:
                outcome = portal.request("GET", path, headers={"X-Forwarded-For": chooser.choice(CLIENTS)})[0]
            except Exception as error:  # every failure is counted and reported
                outcome = type(error).__name__
            with lock:
                records.append((sent - start, outcome, (time.monotonic() - sent) * 1000))

    workers = [threading.Thread(target=citizen, args=(seed,)) for seed in range(arguments.threads)]
    for worker in workers:
        worker.start()
    time.sleep(arguments.seconds / 3)
    served_at_kill = [len(lines_of(log)) for log in arguments.app_logs]
    killed_at = time.monotonic() - start
    os.killpg(arguments.kill_group, signal.SIGKILL)
    print(f"== killed app server 1 (process group {arguments.kill_group}) at {killed_at:.1f} s")
    for worker in workers:
        worker.join()
    served_at_end = [len(lines_of(log)) for log in arguments.app_logs]

    for phase, rows, duration in (
        ("before the kill", [row for row in records if row[0] < killed_at], killed_at),
        ("after the kill", [row for row in records if row[0] >= killed_at], arguments.seconds - killed_at),
    ):
        latencies = sorted(row[2] for row in rows) or [0]
        outcomes = {}
        for _t, outcome, _ms in rows:
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        print(
            f"{phase}: {len(rows)} requests, {len(rows) / duration:.0f}/s, p50 {statistics.median(latencies):.0f} ms, "
            f"p95 {p95:.0f} ms, outcomes {outcomes}"
        )
    after = [(served_at_end[index] - served_at_kill[index]) for index in range(len(arguments.app_logs))]
    print(f"served before the kill by server 1, 2: {served_at_kill}; after: {after}")
    bad = [row for row in records if not (isinstance(row[1], int) and row[1] < 500)]
    # A response the killed server was sending when it died is cut: nginx cannot send it again elsewhere.
    cut = [row for row in bad if row[0] <= killed_at <= row[0] + row[2] / 1000]
    print(f"in flight on the killed server and cut: {len(cut)} {cut[:3]}")
    check(
        not set(bad) - set(cut) and len(cut) <= arguments.threads,
        f"no request through nginx failed while a server died, but those in flight at the kill "
        f"({len(bad) - len(cut)} failed: {[row for row in bad if row not in cut][:5]})",
    )
    check(after[0] == 0 and after[1] > 0, "after the kill, the other app server carries everything")
    check(len([row for row in records if row[0] >= killed_at]) > arguments.threads, "the load went on after the kill")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--cafile", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--kill-group", type=int, required=True)
    parser.add_argument("--app-ports", type=int, nargs=2, required=True)
    parser.add_argument("--app-logs", nargs=2, required=True)
    parser.add_argument("--faults", required=True, help="deploy/faults.sh")
    parser.add_argument("--fault-seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--primary-port", type=int, required=True)
    parser.add_argument("--replica-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--report-path", required=True, help="the clerk's draft report, /workspace/reports/<id>/")
    arguments = parser.parse_args()
    arguments.context = ssl.create_default_context(cafile=arguments.cafile)
    portal = Portal(arguments.port, arguments.context)
    if not wait_for_app_servers(arguments.app_ports) or not wait_until_healthy(portal):
        print("FAIL  the portal did not become healthy through nginx")
        return 1
    check_tls_and_headers(portal, arguments)
    check_one_count_across_servers(portal, arguments)
    check_shared_session(arguments)
    check_body_limit(arguments)
    print(f"== faults under load, {arguments.fault_seconds:.0f} s each")
    run_every_fault(arguments, check)
    print(f"== load: {arguments.threads} threads for {arguments.seconds:.0f} s, one app server killed at a third")
    load_with_a_server_killed(arguments)
    check(wait_until_healthy(Portal(arguments.port, arguments.context), 10), "healthy at the end, on one server")
    print(f"== {len(failures)} check(s) failed" if failures else "== every check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
