#!/usr/bin/env bash
# The DSL inbox with 1,000,000 concerns across 1,000 organisations (issue 7): generates the data once
# into DATA (default /tmp/lantern-inbox-bench; minutes), then times the inbox's first page and a later
# page for a DSL of the largest organisation through Kestrel (Release, loopback, SQLite), beside the raw
# SQL that yields the same rows, in the same run.
#
#   bench/inbox.sh                                   generate if needed, then 300 requests of each
#   DATA=/tmp/other REQUESTS=500 PAGE=100 bench/inbox.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${DATA:-/tmp/lantern-inbox-bench}
dotnet build -c Release src/Lantern --nologo -v quiet -clp:NoSummary
dotnet build -c Release bench/Lantern.Load --nologo -v quiet -clp:NoSummary
load=bench/Lantern.Load/bin/Release/net10.0/Lantern.Load.dll
if [ ! -f "$data/lantern.db" ]; then
  dotnet "$load" generate --provider Sqlite --data-folder "$data" --concerns "${CONCERNS:-1000000}"
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$load" inbox --data-folder "$data" --requests "${REQUESTS:-300}" --page "${PAGE:-100}" \
  --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern
echo "load average afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
