#!/usr/bin/env bash
# Rebuilds src/Lantern/Accounts/Passwords/common-passwords.txt from the
# password list in the npm package @zxcvbn-ts/language-common (MIT licence).
# See src/Lantern/Accounts/Passwords/common-passwords.NOTICE.md.
# Keeps entries of 8 or more characters (the app's minimum password length),
# lowercased, sorted (byte order) and unique, one per line.
# Needs Node.js and npm.
set -euo pipefail

package="@zxcvbn-ts/language-common"
version="4.1.3"
min_length=8

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/src/Lantern/Accounts/Passwords/common-passwords.txt"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y > /dev/null
npm install --ignore-scripts --no-audit --no-fund --no-save "$package@$version" > /dev/null

list="$work/node_modules/$package/src/passwords.json"
LIST="$list" MIN_LENGTH="$min_length" node -e '
  const passwords = require(process.env.LIST);
  const min = Number(process.env.MIN_LENGTH);
  for (const p of passwords) {
    const line = String(p).trim().toLowerCase();
    if ([...line].length >= min && !/[\r\n]/.test(line)) console.log(line);
  }
' | LC_ALL=C sort -u > "$out.tmp"
mv "$out.tmp" "$out"

total="$(LIST="$list" node -p 'require(process.env.LIST).length')"
echo "$package $version: $total passwords in the list, $(wc -l < "$out" | tr -d " ") of $min_length+ characters written to $out"
