"""What every check of `python -m bench` shares: timing, percentiles, a gunicorn server on loopback, the table.

A check measures something and, in the same run and interleaved with it, the baseline its target is a
ratio of: the machine is shared and absolute times swing several-fold with its load, ratios much less.
"""

import http.client
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the server and the in-process checks run with: production settings on a loopback-only bench database.
SERVER_ENVIRONMENT = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-not-secret-0123456789abcdefghijklmnop",
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "LOG_LEVEL": "WARNING",
    "API_ANON_THROTTLE_RATE": "",
    "API_USER_THROTTLE_RATE": "",
    "PUBLIC_FORM_THROTTLE_RATE": "",
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"),
}


@dataclass
class Result:
    """One row of the table: a measurement, its baseline from the same run, and the target ratio."""

    what: str
    measured: list[float]  # ms
    baseline: list[float]  # ms
    statistic: str  # "p50" or "p95": which the target compares
    target: float | None  # the ratio measured/baseline allowed; None: reported only
    cpu_ms: float | None = None  # the server's CPU per request, where measured
    cpu_target: float | None = None
    limit_ms: float | None = None  # an absolute limit on the measured p50, where the issue sets one
    failed: bool = False  # the measurement itself went wrong (a script's non-zero exit, a page not 200)
    note: str = ""

    def value(self, samples):
        return percentile(samples, 0.5 if self.statistic == "p50" else 0.95)

    @property
    def ratio(self) -> float | None:
        if not self.measured or not self.baseline:
            return None
        return self.value(self.measured) / max(self.value(self.baseline), 1e-9)

    @property
    def passed(self) -> bool | None:
        checks = [not self.failed] if self.failed else []
        if self.limit_ms is not None and self.measured:
            checks.append(percentile(self.measured, 0.5) <= self.limit_ms)
        if self.target is not None and self.ratio is not None:
            checks.append(self.ratio <= self.target)
        if self.cpu_target is not None and self.cpu_ms is not None:
            checks.append(self.cpu_ms <= self.cpu_target)
        return all(checks) if checks else None


def percentile(samples, fraction) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else float("nan")


def milliseconds(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def interleaved(measured, baseline, rounds: int) -> tuple[list[float], list[float]]:
    """Time `measured` and `baseline` alternately, `rounds` times each, after one warm-up call of each."""
    measured(), baseline()
    times = ([], [])
    for _ in range(rounds):
        times[0].append(milliseconds(measured))
        times[1].append(milliseconds(baseline))
    return times


def print_table(results: list[Result], out=sys.stdout) -> bool:
    """The table of every result; whether none failed."""
    header = ["what", "p50 ms", "p95 ms", "baseline p50", "baseline p95", "ratio", "target", "CPU ms/req", "result"]
    rows = [header]
    for r in results:
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}× ({r.statistic})"
        target = "—" if r.target is None else f"≤ {r.target:g}× {r.statistic}"
        if r.limit_ms is not None:
            target = f"≤ {r.limit_ms / 1000:g} s"
        if r.cpu_target is not None:
            target += f", ≤ {r.cpu_target:g} ms CPU"
        cpu = "—" if r.cpu_ms is None else f"{r.cpu_ms:.1f}"
        verdict = {True: "pass", False: "FAIL", None: "—"}[r.passed] + (f" ({r.note})" if r.note else "")
        rows.append(
            [r.what, *(_ms(r.measured, f) for f in (0.5, 0.95)), *(_ms(r.baseline, f) for f in (0.5, 0.95))]
            + [ratio, target, cpu, verdict]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(), file=out)
        if index == 0:
            print("  ".join("-" * width for width in widths), file=out)
    return all(r.passed is not False for r in results)


def _ms(samples, fraction) -> str:
    return f"{percentile(samples, fraction):.1f}" if samples else "—"


class Server:
    """gunicorn serving the portal (and whitenoise its static files) on loopback, one worker, for one check."""

    def __init__(self, port: int = 8766, threads: int = 2):
        self.port, self.threads = port, threads
        self.process = None
        self.connection = None

    def __enter__(self):
        environment = {
            **os.environ,
            **SERVER_ENVIRONMENT,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_THREADS": str(self.threads),
            "GUNICORN_MAX_REQUESTS": "0",
        }
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True)
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"]
        self.process = subprocess.Popen(
            [*gunicorn, "--access-logfile", "/dev/null", "--error-logfile", "/dev/null"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if self.get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.__exit__(None, None, None)
                raise RuntimeError("gunicorn did not answer /healthz within 60 s")
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        if self.connection is not None:
            self.connection.close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def get(self, path: str) -> tuple[int, bytes]:
        """GET over one kept-alive connection (opened again when the server closed it)."""
        try:
            return self._get(path)
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = None
            return self._get(path)

    def _get(self, path):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        return response.status, response.read()

    def worker_cpu_ns(self) -> int:
        """CPU time of the worker processes so far (every thread), from the kernel's per-thread accounting."""
        total = 0
        for child in Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split():
            for task in Path(f"/proc/{child}/task").iterdir():
                total += int((task / "schedstat").read_text().split()[0])
        return total
