#!/usr/bin/env bash
# Load test against gunicorn + PostgreSQL on loopback, bounded in time.
#   bench/load/run.sh [users] [seconds] [--restart-postgres]
# Prints throughput and p50/p95 per route; exits non-zero if any request answered 5xx
# (outside the announced database restart, where only 503s are allowed).
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-200}
seconds=${2:-60}
restart=${3:-}
database=portal_load
port=8765
out=test-artifacts/load
mkdir -p "$out"
.venv/bin/pip install --quiet -r requirements-load.txt

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database" SECRET_KEY="load-test-$(date +%s)-not-secret-0123456789abcdef"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 LOG_LEVEL=WARNING
# Production counts request limits in Redis (a system check insists); every locust user shares one address.
export REDIS_URL=redis://127.0.0.1:6379/12 API_ANON_THROTTLE_RATE= API_USER_THROTTLE_RATE= LOGIN_THROTTLE_RATE= PUBLIC_FORM_THROTTLE_RATE=
# The simulated citizens all come from loopback and cannot read a CAPTCHA: both checks are off for this run only.
export PROBLEM_REPORTS_PER_HOUR=0 CAPTCHA_TEST_MODE=1
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_duties -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py shell < bench/load/accounts.py
export LOAD_REPORT_YEAR=$(date +%Y)
GUNICORN_BIND=127.0.0.1:$port .venv/bin/gunicorn -c portal/gunicorn.conf.py portal.wsgi --access-logfile /dev/null &
gunicorn=$!
trap 'kill $gunicorn 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

if [ "$restart" = "--restart-postgres" ]; then
    ( sleep $((seconds / 3)); echo "== restarting PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart; echo "== PostgreSQL is back" ) &
fi
.venv/bin/locust -f bench/load/locustfile.py --headless -u "$users" -r 50 -t "${seconds}s" \
    --host "http://127.0.0.1:$port" --csv "$out/run" --only-summary 2>&1 | tail -40
.venv/bin/python bench/load/report.py "$out/run" ${restart:+--allow-503}
.venv/bin/python manage.py shell < bench/load/check_reports.py
.venv/bin/python manage.py shell < bench/load/check_problems.py
curl -sf "http://127.0.0.1:$port/healthz" && echo " (healthy after the run)"
