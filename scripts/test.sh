#!/usr/bin/env bash
# Runs every test of Lantern: pure logic, integration over HTTP on SQLite and on PostgreSQL, and
# browser tests in Chromium. Installs what the tests need where it is missing (Debian's chromium, the
# PostgreSQL server binaries and poppler-utils, whose pdfinfo and pdftotext read the PDFs), builds,
# checks formatting, runs the three test projects, and ends with one line: "N passed, N failed,
# N skipped". Exits non-zero on any failure.
#
#   scripts/test.sh                         everything
#   scripts/test.sh --filter "FullyQualifiedName~SignInTests"   any dotnet test arguments
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
[[ -x /usr/bin/pdfinfo && -x /usr/bin/pdftotext ]] || missing+=(poppler-utils)
if ((${#missing[@]})); then
  echo "Installing what the tests need: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== Build"
dotnet build Lantern.slnx --nologo -v quiet -clp:NoSummary

echo "== Formatting"
dotnet format Lantern.slnx --verify-no-changes --no-restore

echo "== Tests"
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Lantern.slnx --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# Sum the counters of every project's results into the closing line.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -e $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$counters"; }
  total=$(value total) executed=$(value executed) p=$(value passed) f=$(value failed) e=$(value error)
  passed=$((passed + p))
  failed=$((failed + f + e))
  skipped=$((skipped + total - executed))
done

# Repeat every failed test with the start of its message last, where a reader of the log looks first.
for trx in "$results"/*.trx; do
  [[ -e $trx ]] || continue
  perl -0777 -ne '
    while (/<UnitTestResult [^>]*?testName="([^"]*)"[^>]*?outcome="Failed"[^>]*>(.*?)<\/UnitTestResult>/gs) {
      my ($name, $body) = ($1, $2);
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      my ($stack) = $body =~ /<StackTrace>(.*?)<\/StackTrace>/s;
      my $text = join "\n", grep { defined } $message, $stack;
      for ($name, $text) { s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/\x27/g; s/&#xD;//g; s/&#xA;/\n/g; s/&amp;/&/g; }
      my @lines = split /\n/, $text;
      $#lines = 24 if @lines > 25;
      print "FAILED $name\n", map({ "    $_\n" } @lines);
    }' "$trx"
done

if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # a test host that crashed reports no counters; count it as a failure.
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [[ $passed -eq 0 || $failed -ne 0 || $status -ne 0 ]]; then
  exit 1
fi
