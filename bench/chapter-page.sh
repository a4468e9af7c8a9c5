#!/usr/bin/env bash
# Load test of a public chapter page, with the machine's baselines measured in the same run:
#   1. nginx serving the page's bytes as a static file (what this machine can do),
#   2. Kestrel's static-file middleware in Lantern serving the same bytes (the framework's floor),
#   3. the chapter page from Lantern, anonymous,
#   4. the same page signed in (a learner's session cookie).
# Release build, SQLite, everything on loopback; wrk -t2 -c64 -d30s against each, one after another.
# Prints requests/s and p99 for each and the ratios (goals: anonymous >= 0.5x nginx; signed in >= 0.7x anonymous).
#
#   bench/chapter-page.sh                 the sample course's chapter 3
#   DURATION=10s bench/chapter-page.sh    shorter runs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

DURATION=${DURATION:-30s}
PAGE=${PAGE:-/learn/sample-course/first-steps/what-the-figures-say}
APP_PORT=${APP_PORT:-5791}
NGINX_PORT=${NGINX_PORT:-5792}
APP="http://127.0.0.1:$APP_PORT"

missing=()
command -v wrk > /dev/null || missing+=(wrk)
command -v nginx > /dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
app_pid="" nginx_pid=""
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2> /dev/null || true
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Release build"
dotnet build src/Lantern -c Release --nologo -v quiet -clp:NoSummary

# The static baselines serve a copy of the page from a web root of their own.
mkdir -p "$work/www" "$work/data" "$work/nginx"
cp -r src/Lantern/wwwroot/. "$work/www/"

echo "== Starting Lantern on $APP"
(cd "$work/data" && ASPNETCORE_ENVIRONMENT=Production Lantern__Demo=true Lantern__DataFolder="$work/data" \
  Logging__LogLevel__Default=Warning \
  exec dotnet "$root/src/Lantern/bin/Release/net10.0/Lantern.dll" --urls "$APP" --contentRoot "$root/src/Lantern" --webroot "$work/www" \
  > "$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fs "$APP/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "$APP/health/ready" > /dev/null || { cat "$work/app.log"; exit 1; }

curl -fs "$APP$PAGE" -o "$work/www/chapter.html"
bytes=$(wc -c < "$work/www/chapter.html")
echo "Page $PAGE: $bytes bytes"
chmod -R a+rX "$work" # nginx's workers run as www-data

# A learner signs in once; wrk sends the session cookie with every request.
jar="$work/cookies.txt"
token=$(curl -fs -c "$jar" "$APP/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
[[ -n $token ]] || token=$(curl -fs -b "$jar" -c "$jar" "$APP/sign-in" | grep -o 'name="__RequestVerificationToken"[^>]*' | sed 's/.*value="\([^"]*\)".*/\1/' | head -1)
session=$(curl -s -b "$jar" -D - -o /dev/null \
  --data-urlencode "Input.Email=learner@riverside.example" --data-urlencode "Input.Password=riverside-demo-2026" \
  --data-urlencode "__RequestVerificationToken=$token" "$APP/sign-in" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \(__Host-Lantern=[^;]*\).*/\1/p' | tr -d '\r' | head -1)
[[ -n $session ]] || { echo "Could not sign in the demo learner"; exit 1; }
curl -fs -H "Cookie: $session" "$APP$PAGE" | grep -q 'Sign out' || { echo "The session cookie did not sign in"; exit 1; }
# A browser sends back the anti-forgery cookie the first signed-in page set; so does the load.
antiforgery=$(curl -s -D - -o /dev/null -H "Cookie: $session" "$APP$PAGE" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \(Lantern-Antiforgery=[^;]*\).*/\1/p' | tr -d '\r' | head -1)
[[ -n $antiforgery ]] || { echo "The signed-in page set no anti-forgery cookie"; exit 1; }
session="$session; $antiforgery"

cat > "$work/nginx/nginx.conf" << CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
  }
}
CONF
"$NGINX" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
sleep 1
cmp -s <(curl -fs "http://127.0.0.1:$NGINX_PORT/chapter.html") "$work/www/chapter.html" || { echo "nginx is not serving the page"; exit 1; }
cmp -s <(curl -fs "$APP/chapter.html") "$work/www/chapter.html" || { echo "Kestrel is not serving the page"; exit 1; }

run() { # name url [header]
  local name=$1 url=$2 header=${3:-}
  curl -fs ${header:+-H "$header"} "$url" > /dev/null # warm up this path
  wrk -t2 -c64 -d5s ${header:+-H "$header"} "$url" > /dev/null
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency ${header:+-H "$header"} "$url")
  echo "$out" > "$work/$name.txt"
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  errors=$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+' <<< "$out" || true)
  printf '%-34s %12s req/s   p99 %8s   %s\n' "$name" "$rps" "$p99" "$errors"
  eval "rps_$name=$rps"
}

echo "== wrk -t2 -c64 -d$DURATION, one target at a time"
run nginx_static "http://127.0.0.1:$NGINX_PORT/chapter.html"
run kestrel_static "$APP/chapter.html"
run page_anonymous "$APP$PAGE"
run page_signed_in "$APP$PAGE" "Cookie: $session"

echo "== Ratios"
awk -v n="$rps_nginx_static" -v k="$rps_kestrel_static" -v a="$rps_page_anonymous" -v s="$rps_page_signed_in" 'BEGIN {
  printf "Kestrel static / nginx static      %.2f\n", k / n
  printf "page anonymous / nginx static      %.2f   (goal >= 0.5)\n", a / n
  printf "page anonymous / Kestrel static    %.2f\n", a / k
  printf "page signed in / page anonymous    %.2f   (goal >= 0.7)\n", s / a
}'
