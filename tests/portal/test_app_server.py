"""gunicorn as production runs it (portal/gunicorn.conf.py), on loopback: two workers count one client's
requests together in Redis, and workers that would each count alone refuse to boot."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(tmp_path, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "WEB_CONCURRENCY"}
    }
    env.update(
        SECRET_KEY="app-server-test-" + "k3Lq9XzP" * 6,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'app.sqlite3'}",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        TRUSTED_PROXY_COUNT="0",
        LOG_LEVEL="WARNING",
    )
    env.update(overrides)
    return env


# Straight to loopback, whatever proxy the environment names.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def status_of(url):
    try:
        with _opener.open(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return None  # not listening yet


def test_two_workers_count_one_clients_requests_together(tmp_path):
    port = free_port()
    env = environment(
        tmp_path,
        REDIS_URL="redis://127.0.0.1:6379/13",
        API_ANON_THROTTLE_RATE="6/min",
        WEB_CONCURRENCY="2",
        GUNICORN_BIND=f"127.0.0.1:{port}",
    )
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=settings.BASE_DIR, env=env, check=True)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    log = tmp_path / "access.log"
    server = subprocess.Popen(
        [GUNICORN, "-c", "portal/gunicorn.conf.py", "portal.wsgi", "--access-logfile", str(log)]
        + ["--access-logformat", "%(p)s %(s)s", "--threads", "1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(60):
            if server.poll() is None and status_of(f"http://127.0.0.1:{port}/healthz") == 200:
                break
            time.sleep(0.5)
        # One request per connection; a sync worker busy with one leaves the next to the other.
        statuses = [status_of(f"http://127.0.0.1:{port}/api/v1/sectors/") for _ in range(16)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert statuses.count(200) == 6 and statuses.count(429) == 10, statuses
    api_lines = [line.split() for line in log.read_text().splitlines()][1:]  # after the health check
    assert len({pid for pid, _status in api_lines}) == 2, "both workers should have answered"


@pytest.mark.parametrize(
    ("overrides", "error"),
    [({"DEBUG": "1", "WEB_CONCURRENCY": "2"}, "clients.E002"), ({"WEB_CONCURRENCY": "1"}, "clients.E001")],
)
def test_workers_that_would_count_alone_refuse_to_boot(tmp_path, overrides, error):
    env = environment(tmp_path, REDIS_URL="", GUNICORN_BIND=f"127.0.0.1:{free_port()}", **overrides)
    result = subprocess.run(
        [GUNICORN, "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert error in result.stderr and re.search(r"[Ww]orker failed to boot", result.stderr), result.stderr[-2000:]
