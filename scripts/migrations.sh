#!/usr/bin/env bash
# Regenerates the migration sets (SQLite and PostgreSQL) from the model.
#
# Until the first release there is no deployed database, so each provider keeps a single "Initial" migration that is
# regenerated whenever the model changes; this script also re-adds the hand-written SQL (append-only audit triggers).
# After the first release, use `dotnet ef migrations add <Name>` for each provider instead (see docs/decisions/0001).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/MotCua.Web/Data/Migrations
for ctx in Sqlite Postgres; do
  dotnet ef migrations add Initial --project src/MotCua.Web --context "${ctx}MotCuaDb" \
    --output-dir "Data/Migrations/$ctx" --namespace "MotCua.Web.Data.Migrations.$ctx" >/dev/null
done
# dotnet ef writes the model snapshot into a folder named after the namespace; move it beside the migrations.
find src/MotCua.Web/MotCua -name '*.cs' | while read -r f; do mv "$f" "src/MotCua.Web/Data/Migrations/$(basename "$(dirname "$f")")/"; done
rm -rf src/MotCua.Web/MotCua
python3 - <<'PY'
import glob
def patch(path, up, down):
    s = open(path).read()
    end = s.index("        protected override void Down(")
    i = s.rfind("        }\n", 0, end)
    s = s[:i] + up + s[i:]
    s = s.replace("        protected override void Down(MigrationBuilder migrationBuilder)\n        {\n",
                  "        protected override void Down(MigrationBuilder migrationBuilder)\n        {\n" + down, 1)
    open(path, "w").write(s)
q = '\\"'
for f in glob.glob("src/MotCua.Web/Data/Migrations/Sqlite/*_Initial.cs"):
    patch(f,
      "\n            // The audit trail is append-only, whatever connects to the database.\n"
      f"            migrationBuilder.Sql(\"CREATE TRIGGER {q}AuditEntries_no_update{q} BEFORE UPDATE ON {q}AuditEntries{q} BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;\");\n"
      f"            migrationBuilder.Sql(\"CREATE TRIGGER {q}AuditEntries_no_delete{q} BEFORE DELETE ON {q}AuditEntries{q} BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;\");\n",
      f"            migrationBuilder.Sql(\"DROP TRIGGER IF EXISTS {q}AuditEntries_no_update{q};\");\n"
      f"            migrationBuilder.Sql(\"DROP TRIGGER IF EXISTS {q}AuditEntries_no_delete{q};\");\n")
for f in glob.glob("src/MotCua.Web/Data/Migrations/Postgres/*_Initial.cs"):
    patch(f,
      "\n            // The audit trail is append-only, whatever connects to the database.\n"
      "            migrationBuilder.Sql(\"CREATE FUNCTION motcua_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'The audit trail is append-only.'; END $$;\");\n"
      f"            migrationBuilder.Sql(\"CREATE TRIGGER {q}AuditEntries_append_only{q} BEFORE UPDATE OR DELETE ON {q}AuditEntries{q} FOR EACH ROW EXECUTE FUNCTION motcua_audit_append_only();\");\n"
      f"            migrationBuilder.Sql(\"CREATE TRIGGER {q}AuditEntries_no_truncate{q} BEFORE TRUNCATE ON {q}AuditEntries{q} FOR EACH STATEMENT EXECUTE FUNCTION motcua_audit_append_only();\");\n",
      f"            migrationBuilder.Sql(\"DROP TRIGGER IF EXISTS {q}AuditEntries_append_only{q} ON {q}AuditEntries{q};\");\n"
      f"            migrationBuilder.Sql(\"DROP TRIGGER IF EXISTS {q}AuditEntries_no_truncate{q} ON {q}AuditEntries{q};\");\n"
      "            migrationBuilder.Sql(\"DROP FUNCTION IF EXISTS motcua_audit_append_only();\");\n")
PY
echo "Regenerated: $(ls src/MotCua.Web/Data/Migrations/*/*_Initial.cs | tr '\n' ' ')"
