#!/usr/bin/env bash
# Durable concern submissions per second (issue 7): signed-in staff record concerns through the app's
# own pages at full concurrency (Release, loopback, SQLite with WAL and synchronous=FULL); then, in the
# same run and on the same database file, the same rows written by raw SQL through Microsoft.Data.Sqlite,
# one transaction per concern, with the same durability.
#
#   bench/concern-submissions.sh                 16 clients, 800 concerns, 2,000 raw transactions
#   CLIENTS=8 CONCERNS=400 RAW=1000 WARMUP=10 bench/concern-submissions.sh   (WARMUP: untimed journeys per client first)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Lantern --nologo -v quiet -clp:NoSummary
dotnet build -c Release bench/Lantern.Load --nologo -v quiet -clp:NoSummary
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Lantern.Load/bin/Release/net10.0/Lantern.Load.dll submissions \
  --clients "${CLIENTS:-16}" --concerns "${CONCERNS:-800}" --raw "${RAW:-2000}" --warm-up "${WARMUP:-10}" \
  --app src/Lantern/bin/Release/net10.0/Lantern.dll --content-root src/Lantern
echo "load average afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
