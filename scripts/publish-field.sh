#!/usr/bin/env bash
# Builds the field kit: the same MotCua.Web host, self-contained (no .NET needed on the laptop), for Linux and Windows
# laptops, with a start script that runs it in field mode against a centre. Output: artifacts/field/<rid>/ (not committed).
#
#   scripts/publish-field.sh [linux-x64 win-x64 …]
#   artifacts/field/linux-x64/start-field.sh http://centre.example:5080      (Windows: start-field.cmd http://…)
#
# The laptop serves the intake and field pages at http://127.0.0.1:5090 and keeps its data in field-data/ beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 win-x64)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for rid in "${rids[@]}"; do
  out="artifacts/field/$rid"
  rm -rf "$out"
  echo "== publishing the field kit for $rid → $out"
  # TieredPGO off: a laptop process lives for a session, and dynamic PGO would spend its CPU re-compiling (docs/performance.md).
  dotnet publish src/MotCua.Web/MotCua.Web.csproj -c Release -r "$rid" --self-contained true \
    -p:TieredPGO=false -o "$out" -nologo -v quiet
  if [[ "$rid" == win-* ]]; then
    cat > "$out/start-field.cmd" <<'CMD'
@echo off
rem Starts the MotCua field kit against the centre given as the first argument, e.g. start-field.cmd http://centre:5080
if "%~1"=="" (echo usage: start-field.cmd http://centre-address:port & exit /b 2)
cd /d "%~dp0"
MotCua.Web.exe --MotCua:Field:Server=%1 --MotCua:DataDirectory=field-data --urls http://127.0.0.1:5090
CMD
  else
    cat > "$out/start-field.sh" <<'SH'
#!/usr/bin/env sh
# Starts the MotCua field kit against the centre given as the first argument, e.g. ./start-field.sh http://centre:5080
[ -n "${1:-}" ] || { echo "usage: $0 http://centre-address:port" >&2; exit 2; }
cd "$(dirname "$0")"
exec ./MotCua.Web --MotCua:Field:Server="$1" --MotCua:DataDirectory=field-data --urls http://127.0.0.1:5090
SH
    chmod +x "$out/start-field.sh"
  fi
  echo "   $(du -sh "$out" | cut -f1) in $out"
done
