#!/usr/bin/env bash
# Installs the peers the benchmarks measure against (COIN-OR CBC, GNU time, Chromium, Debian's pandas)
# when missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v cbc >/dev/null 2>&1 || missing+=(coinor-cbc)
[ -x /usr/bin/time ] || missing+=(time)
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || missing+=(python3-pandas)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
