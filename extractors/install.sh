#!/usr/bin/env bash
# Install what the extractors read their tables from: Debian's Go toolchain, Ruby with
# Rack and Perl's HTTP::Status, then the npm packages pinned in package-lock.json (into
# extractors/node_modules). Idempotent: apt runs only when a package is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"

missing=()
for pkg in golang-go ruby ruby-rack libhttp-message-perl; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

npm ci --prefix "$here" --no-audit --no-fund
