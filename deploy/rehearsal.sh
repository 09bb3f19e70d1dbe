#!/usr/bin/env bash
# Deployment rehearsal on loopback, set up and torn down by itself:
#   deploy/rehearsal.sh [seconds of load, 30] [client threads, 8] [seconds per fault, 20]
# nginx (Debian's) terminates TLS with a self-signed certificate in front of two gunicorn app servers
# (production settings, two workers of four threads each), with a Redis of its own for cache, sessions and request
# counts, a PostgreSQL primary and a streaming replica made from it with pg_basebackup (clusters of
# their own in a temporary directory), and the media storage on a small tmpfs. It checks TLS and the
# security headers, that the API throttle counts one client across both servers, that a session opened
# on one is read by the other, that nginx refuses a body over client_max_body_size; then, each under
# load (deploy/faults.py): the primary restarted; the replica stopped and started; Redis stopped and
# started; the media storage filled and freed; the primary stopped and the replica promoted; and last,
# one app server killed (SIGKILL, the whole process group) while the other carries on. Exits non-zero if
# any check fails.
#
#   deploy/rehearsal.sh deadline-week [seconds, 120] [readers, 500] [departments, 100] [citizens, 100]
# sets up the same (without the faults) and plays the deadline week through nginx instead (deploy/deadline.py):
# readers on the pages and the API, every department's editor and approver saving and submitting its annual
# report, citizens filing problems and opening their private links; then prints the table per route and
# checks the database against what each client was told (deploy/deadline_check.py).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=faults
if [ "${1:-}" = deadline-week ]; then
    mode=deadline-week
    shift
    seconds=${1:-120}
    readers=${2:-500}
    departments=${3:-100}
    citizens=${4:-100}
else
    seconds=${1:-30}
    threads=${2:-8}
    fault_seconds=${3:-20}
fi
VENV=${VENV:-.venv}
python="$VENV/bin/python"
gunicorn="$VENV/bin/gunicorn"
https_port=18443
http_port=18080
app_ports=(18101 18102)
redis_port=16390
primary_port=18432
replica_port=18433
database=portal
export PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

command -v nginx >/dev/null || { echo "Installing Debian's nginx"; apt-get install -y -q nginx >/dev/null; }
[ -x "$PGBIN/pg_basebackup" ] || { echo "Installing PostgreSQL 15"; apt-get install -y -q postgresql-15 >/dev/null; }
for port in $https_port $http_port "${app_ports[@]}" $redis_port $primary_port $replica_port; do
    if ss -ltn "( sport = :$port )" | grep -q LISTEN; then echo "port $port is in use" >&2; exit 1; fi
done

work=$(mktemp -d -t portal-rehearsal.XXXXXX)
chmod 755 "$work"  # the PostgreSQL clusters belong to the postgres user
export PRIMARY_DATA="$work/pg/primary" REPLICA_DATA="$work/pg/replica" PG_SOCKETS="$work/pg" \
    PRIMARY_PORT=$primary_port REPLICA_PORT=$replica_port REDIS_PORT=$redis_port REDIS_DIR="$work" \
    MEDIA_ROOT="$work/media"
pids=()
teardown() {
    set +e
    [ -f "$work/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null; done
    for _ in $(seq 1 20); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
    wait 2>/dev/null
    for data in "$PRIMARY_DATA" "$REPLICA_DATA"; do
        [ -f "$data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -m immediate stop >/dev/null
    done
    [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null
    mountpoint -q "$MEDIA_ROOT" && umount "$MEDIA_ROOT"
    # REHEARSAL_LOGS=folder keeps the logs (nginx, app servers, PostgreSQL, Redis) for a look afterwards.
    [ -n "${REHEARSAL_LOGS:-}" ] && mkdir -p "$REHEARSAL_LOGS" && cp "$work"/*.log "$work"/pg/*.log "$REHEARSAL_LOGS"/
    rm -rf "$work"
    echo "== torn down"
}
trap teardown EXIT

echo "== certificate, Redis, media storage"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=portal.test" \
    -addext "subjectAltName=DNS:portal.test,IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
deploy/faults.sh start-redis
# A small file system of its own, so that filling it touches nothing else.
mkdir -p "$MEDIA_ROOT" && mount -t tmpfs -o size=8m tmpfs "$MEDIA_ROOT"

echo "== PostgreSQL: a primary on $primary_port, a streaming replica on $replica_port"
mkdir -p "$work/pg" && chown postgres: "$work/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$PRIMARY_DATA" -U postgres -A trust --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PRIMARY_DATA" -l "$work/pg/primary.log" -w \
    -o "-p $primary_port -k $PG_SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null
runuser -u postgres -- "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $primary_port -U postgres -D "$REPLICA_DATA" \
    --write-recovery-conf --wal-method=stream --checkpoint=fast
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$REPLICA_DATA" -l "$work/pg/replica.log" -w \
    -o "-p $replica_port -k $PG_SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null
psql -h 127.0.0.1 -p $primary_port -U postgres -q -c "CREATE DATABASE $database"

# libpq's multi-host form: whichever of the two accepts writes is the primary, before and after a failover.
export SECRET_KEY="rehearsal-$(openssl rand -hex 24)" ALLOWED_HOSTS=portal.test \
    DATABASE_URL="postgres://postgres@127.0.0.1:$primary_port,127.0.0.1:$replica_port/$database?target_session_attrs=read-write" \
    DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$replica_port/$database" \
    REDIS_URL="redis://127.0.0.1:$redis_port/0" \
    TRUSTED_PROXY_COUNT=1 FORWARDED_ALLOW_IPS=127.0.0.1 WEB_CONCURRENCY=2 GUNICORN_THREADS=4 LOG_LEVEL=ERROR
# The fault scenarios check the API throttle with a low rate; the deadline week keeps production's.
[ $mode = faults ] && export API_ANON_THROTTLE_RATE=30/min
unset DEBUG
"$python" manage.py migrate --noinput -v0
"$python" manage.py load_duties -v0 >/dev/null
"$python" manage.py collectstatic --noinput -v0
"$python" manage.py check --deploy --fail-level WARNING
signin_password=$(openssl rand -hex 16)
if [ $mode = deadline-week ]; then
    DEADLINE_DEPARTMENTS=$departments DEADLINE_SIGN_INS=$((departments / 10)) DEADLINE_PASSWORD=$signin_password \
        DEADLINE_ACCOUNTS="$work/accounts.json" "$python" manage.py shell < deploy/deadline_accounts.py | tail -1
else
# The clerk of the fault scenarios: 江西省发展和改革委员会's approver, with this year's report as a draft.
report_path=$("$python" manage.py shell -c "from django.contrib.auth import get_user_model
from duties.models import Department
from reports import services
from reports.models import Membership
from reports.rules import today_in_china
department = Department.objects.get(pk=360000001)
user = get_user_model().objects.create_user('rehearsal', password='$signin_password')
Membership.objects.create(user=user, role=Membership.Role.APPROVER, department=department)
report = services.report_create(user=user, department=department, year=today_in_china().year)
print(report.get_workspace_url())" | tail -1)
fi
# Citizens file problems under load: the CAPTCHA accepts its test answer (loopback only, never in production).
export CAPTCHA_TEST_MODE=1

echo "== two app servers"
for index in 0 1; do
    # Each in its own process group, so that the fault scenario can kill one whole server.
    GUNICORN_BIND="127.0.0.1:${app_ports[$index]}" setsid "$gunicorn" -c portal/gunicorn.conf.py portal.wsgi \
        --access-logfile "$work/app$((index + 1))-access.log" --error-logfile "$work/app$((index + 1))-error.log" \
        2>"$work/app$((index + 1))-stderr.log" &
    pids+=($!)
done

echo "== nginx (TLS on 127.0.0.1:$https_port)"
mkdir -p "$work/nginx-temp"
sed -e "s|@WORK@|$work|g" -e "s|@HTTPS_PORT@|$https_port|g" -e "s|@HTTP_PORT@|$http_port|g" \
    -e "s|@APP1@|127.0.0.1:${app_ports[0]}|g" -e "s|@APP2@|127.0.0.1:${app_ports[1]}|g" \
    deploy/nginx-rehearsal.conf > "$work/nginx.conf"
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"

if [ $mode = deadline-week ]; then
    "$python" deploy/deadline.py --port $https_port --cafile "$work/cert.pem" --accounts "$work/accounts.json" \
        --seconds "$seconds" --readers "$readers" --citizens "$citizens" --primary-port $primary_port --database $database --app-ports "${app_ports[@]}"
    exit
fi
"$python" deploy/rehearse.py --port $https_port --http-port $http_port --cafile "$work/cert.pem" \
    --password "$signin_password" --seconds "$seconds" --threads "$threads" \
    --kill-group "${pids[0]}" --app-ports "${app_ports[@]}" --app-logs "$work/app1-access.log" "$work/app2-access.log" \
    --faults deploy/faults.sh --fault-seconds "$fault_seconds" --primary-port $primary_port \
    --replica-port $replica_port --database $database --report-path "$report_path"
