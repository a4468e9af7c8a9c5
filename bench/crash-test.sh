#!/usr/bin/env bash
# The crash test: concerns recorded at full speed while the app is killed with SIGKILL (and, on
# PostgreSQL, the server stopped immediately) at random moments, then every acknowledged concern
# checked present exactly once, the database's integrity checked and the audit chains verified.
#
#   bench/crash-test.sh                 SQLite, 20 kills
#   bench/crash-test.sh Postgres 20     PostgreSQL (durable settings), 20 kills
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-Sqlite}
kills=${2:-20}
dotnet build -c Release src/Lantern --nologo -v quiet -clp:NoSummary
dotnet build -c Release bench/Lantern.Load --nologo -v quiet -clp:NoSummary
dotnet bench/Lantern.Load/bin/Release/net10.0/Lantern.Load.dll crash \
  --provider "$provider" --kills "$kills" --workers 4 \
  --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern
