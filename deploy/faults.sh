#!/usr/bin/env bash
# The faults of deploy/rehearsal.sh, one action per call (deploy/faults.py calls them under load):
#   deploy/faults.sh restart-primary | stop-replica | start-replica | stop-primary | promote-replica
#                    | stop-redis | start-redis | fill-media | free-media
# The rehearsal exports where everything is: PGBIN, PRIMARY_DATA, REPLICA_DATA, PRIMARY_PORT, REPLICA_PORT,
# PG_SOCKETS, REDIS_PORT, REDIS_DIR, MEDIA_ROOT.
set -euo pipefail
as_postgres() { runuser -u postgres -- "$@"; }
pg_start() { # data directory, port, log
    as_postgres "$PGBIN/pg_ctl" -D "$1" -l "$3" -w -t 60 \
        -o "-p $2 -k $PG_SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null
}
case "$1" in
    restart-primary) as_postgres "$PGBIN/pg_ctl" -D "$PRIMARY_DATA" -m fast -w restart >/dev/null ;;
    stop-replica) as_postgres "$PGBIN/pg_ctl" -D "$REPLICA_DATA" -m fast -w stop >/dev/null ;;
    start-replica) pg_start "$REPLICA_DATA" "$REPLICA_PORT" "$REPLICA_DATA/../replica.log" ;;
    stop-primary) as_postgres "$PGBIN/pg_ctl" -D "$PRIMARY_DATA" -m fast -w stop >/dev/null ;;
    promote-replica) as_postgres "$PGBIN/pg_ctl" -D "$REPLICA_DATA" -w promote >/dev/null ;;
    stop-redis) redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
    start-redis)
        redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$REDIS_DIR" \
            --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
        for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done ;;
    # The media storage is a small tmpfs: one file takes what is left of it.
    fill-media) dd if=/dev/zero of="$MEDIA_ROOT/filler" bs=64k status=none 2>/dev/null || true ;;
    free-media) rm -f "$MEDIA_ROOT/filler" ;;
    *) echo "unknown fault: $1" >&2; exit 2 ;;
esac
