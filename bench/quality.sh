#!/usr/bin/env bash
# The Index 766 benchmark (not part of scripts/test.sh): starts a throwaway PostgreSQL tuned for a bulk load on
# loopback, generates a province (default 100 communes, 10,000,000 dossiers), recomputes the summaries, and compares the
# ranking read from the summaries with the same ranking by a plain GROUP BY over the dossiers. Options are passed on,
# e.g. bench/quality.sh --dossiers 1000000. Needs about 20 GB of disk for 10 million dossiers
# (the data, its indexes and the write-ahead log).
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/motcua-bench-pg.XXXXXX)
PGPORT=""
for p in $(seq 56432 56532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PGPORT=$p; break; fi
done
pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDIR"; fi
stop_pg() { pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$PGDIR"; }
trap stop_pg EXIT
pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1
# A benchmark database: durability off (fsync, full-page writes), room for the bulk load and the index builds.
pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=2GB -c work_mem=64MB \
  -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c wal_level=minimal -c max_wal_senders=0" start >/dev/null
echo "PostgreSQL on 127.0.0.1:$PGPORT"
# The run stops by itself: MOTCUA_BENCH_TIMEOUT (default 3 hours) bounds it, and the trap stops PostgreSQL.
timeout --kill-after=60 "${MOTCUA_BENCH_TIMEOUT:-3h}" dotnet run -c Release --project bench/MotCua.Bench.Quality -- \
  --postgres "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres" "$@"
