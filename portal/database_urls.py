"""DATABASE_URL and DATABASE_REPLICA_URL into Django's DATABASES entries.

Besides dj-database-url's forms, libpq's multi-host form is read:

    postgres://portal@db1:5432,db2:5432/portal?target_session_attrs=read-write

libpq tries the hosts in turn and keeps the first that accepts writes, so that after a failover
(the replica promoted) the app servers find the new primary without a change of configuration.
HOST and PORT become libpq's comma-separated lists, which psycopg passes on as they are; so do
pg_dump and pg_restore (portal/backups/).
"""

import os
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

DEFAULT_PORT = "5432"


def database_from_url(url):
    url, hosts, ports = _first_of_hosts(url)
    database = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A connection that died (a database restart) is replaced at the next request.
        conn_health_checks=True,
    )
    if database["ENGINE"] == "django.db.backends.postgresql":
        if len(hosts) > 1:
            database["HOST"], database["PORT"] = ",".join(hosts), ",".join(ports)
        options = database.setdefault("OPTIONS", {})
        # A server that is down (or a host that does not answer) fails the request in seconds, not minutes.
        options.setdefault("connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")))
        # A search for a common character gathers a few hundred thousand rows from the n-gram index;
        # with the default 4MB the bitmap turns lossy and every row is re-read (search/).
        work_mem = os.environ.get("DATABASE_WORK_MEM", "32MB")
        # JIT compiles expressions for analytical queries; for a page of results it only adds 40-80 ms.
        options.setdefault("options", f"-c work_mem={work_mem} -c jit=off")
    return database


def _first_of_hosts(url):
    """The URL with only its first host (what dj-database-url reads), and every host and port of it."""
    parts = urlsplit(url)
    credentials, at, host_list = parts.netloc.rpartition("@")
    if "," not in host_list:
        return url, [host_list], []
    hosts, ports = [], []
    for entry in host_list.split(","):
        host, _, port = entry.partition(":")
        hosts.append(host)
        ports.append(port or DEFAULT_PORT)
    first = f"{credentials}{at}{hosts[0]}:{ports[0]}"
    return urlunsplit(parts._replace(netloc=first)), hosts, ports
