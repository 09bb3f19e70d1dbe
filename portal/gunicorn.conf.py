"""gunicorn settings for production: `gunicorn -c portal/gunicorn.conf.py portal.wsgi`.

Every value can be overridden from the environment; the defaults suit one machine
behind a reverse proxy that terminates TLS.
"""

import multiprocessing
import os
import sys

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Requests mostly wait on the database: two workers per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Idle keep-alive connections from the proxy are closed after this long: well above the proxy's own upstream
# keepalive_timeout (4 s in the README's nginx site), so that nginx never sends a request on a connection
# gunicorn is closing, even when nginx is starved of CPU for a few seconds (a POST is never resent).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "10"))
# gunicorn's largest request line (its default is 4094): a long but well-formed query reaches the app,
# whose answer names the parameter, rather than gunicorn's HTML 414.
limit_request_line = int(os.environ.get("GUNICORN_LIMIT_REQUEST_LINE", "8190"))
# Recycle workers now and then so that a slow leak never takes a server down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Trust X-Forwarded-* only from the proxy in front of us.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# %(h)s is the client's address as the trusted proxies report it (TRUSTED_PROXY_COUNT), not the proxy's.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


class ClientAddressLogger(Logger):
    """gunicorn's logger, whose access log names the client by clients.addresses like the rest of the portal."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        from clients.addresses import client_address_of_environ

        atoms["h"] = client_address_of_environ(environ)
        return atoms


logger_class = ClientAddressLogger


def post_worker_init(worker):
    """Stop the server before it serves when its workers would each count request limits alone."""
    from clients.checks import counting_errors

    errors = counting_errors(worker.cfg.workers)
    for error in errors:
        worker.log.error("%s", error)
    if errors:
        sys.exit(3)  # gunicorn's "worker failed to boot": the arbiter stops instead of restarting it
