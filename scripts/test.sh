#!/usr/bin/env bash
# The one test command. On a fresh machine it installs what is missing (PostgreSQL server, Chromium), starts a
# throwaway PostgreSQL on loopback, runs every test project (the web suite once on SQLite and once on PostgreSQL, the
# field-sync fault tests with real processes),
# and ends with the line "N passed, N failed, N skipped" counted over every run.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

# ---- prerequisites ---------------------------------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ -f tests/MotCua.Browser.Tests/MotCua.Browser.Tests.csproj ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f tests/MotCua.Browser.Tests/package.json ] && [ ! -f tests/MotCua.Browser.Tests/node_modules/axe-core/axe.min.js ]; then
  log "installing axe-core for the browser tests"
  (cd tests/MotCua.Browser.Tests && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
fi

# ---- throwaway PostgreSQL ----------------------------------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/motcua-pg.XXXXXX)
PGPORT=""
for p in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PGPORT=$p; break; fi
done
PGUSER_OS=$(id -un)
if [ "$(id -u)" -eq 0 ]; then PGUSER_OS=postgres; chown postgres:postgres "$PGDIR"; fi
pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$PGDIR"; }
trap stop_pg EXIT
log "starting PostgreSQL on 127.0.0.1:$PGPORT"
pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
  || { cat "$PGDIR/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$PGDIR/log"; echo "0 passed, 1 failed"; exit 1; }
POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

# ---- build -----------------------------------------------------------------------------------------------
log "building"
if ! dotnet build MotCua.slnx -c Release -nologo >"$RESULTS/build.log" 2>&1; then
  grep -E "error" "$RESULTS/build.log" | sort -u | head -40
  echo "0 passed, 1 failed"; exit 1
fi

# ---- test runs -------------------------------------------------------------------------------------------
# The architecture test first: it fails on any arrow between parts that docs/architecture.md does not allow.
crashed=0
run() { # name project [env...]
  local name=$1 project=$2; shift 2
  log "tests: $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" 2>&1 \
    | grep -E "^\s+(Failed|Passed|Skipped) |Failed!|Passed!|error|Error Message|Assert|Expected|Actual|Stack Trace" | grep -v "^\s*Passed " | head -200
  if [ ! -f "$RESULTS/$name.trx" ]; then echo "!! $name produced no results"; crashed=$((crashed + 1)); fi
}

run architecture tests/MotCua.Architecture.Tests/MotCua.Architecture.Tests.csproj
run domain tests/MotCua.Domain.Tests/MotCua.Domain.Tests.csproj
run planning tests/MotCua.Planning.Tests/MotCua.Planning.Tests.csproj
run web-sqlite tests/MotCua.Web.Tests/MotCua.Web.Tests.csproj
run web-postgres tests/MotCua.Web.Tests/MotCua.Web.Tests.csproj "MOTCUA_TEST_POSTGRES=$POSTGRES"
# The field kit under faults: centre and laptops as separate processes on loopback (each test bounded by a timeout),
# the centre on SQLite (a commune's laptop server) and on PostgreSQL (a province); laptops always on SQLite.
run fault-sqlite tests/MotCua.Fault.Tests/MotCua.Fault.Tests.csproj "MOTCUA_TEST_POSTGRES="
run fault-postgres tests/MotCua.Fault.Tests/MotCua.Fault.Tests.csproj "MOTCUA_TEST_POSTGRES=$POSTGRES"
if [ -f tests/MotCua.Browser.Tests/MotCua.Browser.Tests.csproj ]; then
  run browser tests/MotCua.Browser.Tests/MotCua.Browser.Tests.csproj "MOTCUA_TEST_POSTGRES="
fi

# ---- summary ---------------------------------------------------------------------------------------------
passed=0; failed=$crashed; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted); n=$(get notExecuted)
  printf '%-14s passed %s, failed %s, skipped %s\n' "$(basename "$trx" .trx)" "${p:-0}" "$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} ))" "${n:-0}"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0})); skipped=$((skipped + ${n:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
