#!/usr/bin/env bash
# Rebuilds the committed front-end assets in src/Lantern/wwwroot/lib/govuk/
# from frontend/: lantern.css (GOV.UK Frontend + Lantern's own styles),
# govuk-frontend.min.js, LICENSE.txt and only the images that lantern.css uses.
# Needs Node.js and npm; everything else comes from frontend/package-lock.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
frontend="$root/frontend"
out="$root/src/Lantern/wwwroot/lib/govuk"
govuk="$frontend/node_modules/govuk-frontend/dist/govuk"

cd "$frontend"
# No package here needs an install script (sass is plain JavaScript).
npm ci --ignore-scripts --no-audit --no-fund

rm -rf "$out"
mkdir -p "$out"

npx sass --load-path=node_modules --style=compressed --no-source-map lantern.scss "$out/lantern.css"

cp "$govuk/govuk-frontend.min.js" "$out/govuk-frontend.min.js"

version="$(node -p 'require("govuk-frontend/package.json").version')"
{
  echo "lantern.css and govuk-frontend.min.js contain GOV.UK Frontend $version"
  echo "(npm package govuk-frontend), which is released under this licence:"
  echo
  cat govuk-frontend-LICENSE.txt
} > "$out/LICENSE.txt"

# Copy exactly the assets that lantern.css refers to, and refuse GOV.UK's
# crown and crest artwork, favicons and GDS Transport fonts.
{ grep -oE '(^|[^a-z-])url\([^)]*\)' "$out/lantern.css" || true; } \
  | sed -E 's/^[^u]*url\(//; s/\)$//; s/^["'\'']//; s/["'\'']$//; s/[?#].*$//' \
  | sort -u \
  | while read -r url; do
      case "$url" in
        data:*) continue ;;
        /lib/govuk/assets/*) rel="${url#/lib/govuk/}" ;;
        *) echo "lantern.css refers to $url, which is outside /lib/govuk/assets/" >&2; exit 1 ;;
      esac
      case "$rel" in
        *crest* | *crown* | *favicon* | *govuk-icon* | *opengraph* | *manifest* | assets/fonts/*)
          echo "lantern.css refers to $rel, which Lantern does not ship" >&2; exit 1 ;;
      esac
      mkdir -p "$out/$(dirname "$rel")"
      cp "$govuk/$rel" "$out/$rel"
    done

if grep -q "GDS Transport" "$out/lantern.css"; then
  echo "lantern.css mentions GDS Transport" >&2
  exit 1
fi

echo "Built $(cd "$out" && find . -type f | sort | tr '\n' ' ')"
echo "lantern.css: $(wc -c < "$out/lantern.css") bytes"
