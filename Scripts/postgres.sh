#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and benchmarks: initdb + pg_ctl in a folder of its
# own, listening on a Unix socket in that folder and on 127.0.0.1 only, trust authentication
# (nobody else can reach it). No system service is touched.
#
#   bash Scripts/postgres.sh start DIR [PORT]   # prints the URL to use as TESSERA_TEST_POSTGRES
#   bash Scripts/postgres.sh stop DIR
#   bash Scripts/postgres.sh restart DIR        # (the fault tests' "PostgreSQL restarted")
#
# As root, the cluster runs as the `postgres` user (made by Debian's postgresql package):
# PostgreSQL refuses to run as root.
set -euo pipefail
# The server outlives this script: it must not inherit our caller's descriptors beyond 0-2 (a
# caller waiting for them to close, as Foundation's Process does, would wait for ever).
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if [ "$fd" -gt 2 ] 2>/dev/null && [ "$fd" != 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
cmd=${1:?usage: postgres.sh start|stop|restart DIR [PORT]}
dir=${2:?usage: postgres.sh start|stop|restart DIR [PORT]}
port=${3:-55432}
bin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin=$candidate; done
[ -n "$bin" ] || { echo "error: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # fsync off: a test cluster, thrown away after the run.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start </dev/null >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/pg_ctl.log" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop </dev/null >/dev/null 2>&1; fi
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 restart </dev/null >"$dir/pg_ctl.log" 2>&1
    ;;
  *)
    echo "usage: postgres.sh start|stop|restart DIR [PORT]" >&2; exit 2 ;;
esac
