#!/usr/bin/env bash
# Deployment rehearsal on loopback, set up and torn down by itself:
#   deploy/rehearsal.sh [seconds of load] [client threads]
# nginx (Debian's) terminates TLS with a self-signed certificate in front of two gunicorn app servers
# (production settings, two workers each), with a Redis of its own for cache, sessions and request
# counts and a fresh PostgreSQL database. It checks TLS and the security headers, that the API
# throttle counts one client across both servers, that a session opened on one is read by the other,
# that nginx refuses a body over client_max_body_size, and then the fault scenario: under load, one
# app server is killed (SIGKILL, the whole process group) and the other carries on. Exits non-zero
# if any check fails or any request through nginx fails (5xx or a broken connection).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
threads=${2:-8}
VENV=${VENV:-.venv}
python="$VENV/bin/python"
gunicorn="$VENV/bin/gunicorn"
https_port=18443
http_port=18080
app_ports=(18101 18102)
redis_port=16390
database=portal_rehearsal

command -v nginx >/dev/null || { echo "Installing Debian's nginx"; apt-get install -y -q nginx >/dev/null; }
for port in $https_port $http_port "${app_ports[@]}" $redis_port; do
    if ss -ltn "( sport = :$port )" | grep -q LISTEN; then echo "port $port is in use" >&2; exit 1; fi
done

work=$(mktemp -d -t portal-rehearsal.XXXXXX)
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
    psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $database" 2>/dev/null
    rm -rf "$work"
    echo "== torn down"
}
trap teardown EXIT

echo "== certificate, Redis, database"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=portal.test" \
    -addext "subjectAltName=DNS:portal.test,IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
redis-server --bind 127.0.0.1 --port $redis_port --save "" --appendonly no --dir "$work" \
    --logfile "$work/redis.log" &
pids+=($!)

export SECRET_KEY="rehearsal-$(openssl rand -hex 24)" ALLOWED_HOSTS=portal.test \
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database" REDIS_URL="redis://127.0.0.1:$redis_port/0" \
    TRUSTED_PROXY_COUNT=1 FORWARDED_ALLOW_IPS=127.0.0.1 WEB_CONCURRENCY=2 LOG_LEVEL=ERROR \
    API_ANON_THROTTLE_RATE=30/min
unset DEBUG
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
"$python" manage.py migrate --noinput -v0
"$python" manage.py load_duties -v0 >/dev/null
"$python" manage.py collectstatic --noinput -v0
"$python" manage.py check --deploy --fail-level WARNING
signin_password=$(openssl rand -hex 16)
"$python" manage.py shell -c "from django.contrib.auth import get_user_model; \
get_user_model().objects.create_user('rehearsal', password='$signin_password')"

echo "== two app servers"
for index in 0 1; do
    # Each in its own process group, so that the fault scenario can kill one whole server.
    GUNICORN_BIND="127.0.0.1:${app_ports[$index]}" setsid "$gunicorn" -c portal/gunicorn.conf.py portal.wsgi \
        --access-logfile "$work/app$((index + 1))-access.log" --error-logfile "$work/app$((index + 1))-error.log" &
    pids+=($!)
done

echo "== nginx (TLS on 127.0.0.1:$https_port)"
mkdir -p "$work/nginx-temp"
sed -e "s|@WORK@|$work|g" -e "s|@HTTPS_PORT@|$https_port|g" -e "s|@HTTP_PORT@|$http_port|g" \
    -e "s|@APP1@|127.0.0.1:${app_ports[0]}|g" -e "s|@APP2@|127.0.0.1:${app_ports[1]}|g" \
    deploy/nginx-rehearsal.conf > "$work/nginx.conf"
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"

"$python" deploy/rehearse.py --port $https_port --http-port $http_port --cafile "$work/cert.pem" \
    --password "$signin_password" --seconds "$seconds" --threads "$threads" \
    --kill-group "${pids[1]}" --app-ports "${app_ports[@]}" --app-logs "$work/app1-access.log" "$work/app2-access.log"
