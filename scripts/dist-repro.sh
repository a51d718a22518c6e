#!/usr/bin/env bash
# Builds the Linux release twice into two folders and compares every file's
# SHA-256: same commit, same bytes. DIST_REPRO_FULL=1 makes the second build
# ignore Go's build cache (go build -a), so cached objects cannot hide a
# difference; that takes as long as a cold build.
set -euo pipefail
source "$(dirname "$0")/dist-env.sh"
cd "$root"
a=$(mktemp -d) b=$(mktemp -d)
trap 'rm -rf "$a" "$b"' EXIT
DIST_DIR=$a scripts/dist-linux.sh >/dev/null
DIST_DIR=$a scripts/dist-deb.sh >/dev/null
extra=""
[ "${DIST_REPRO_FULL:-0}" = 1 ] && extra="-a"
DIST_GOFLAGS="$extra" DIST_DIR=$b scripts/dist-linux.sh >/dev/null
DIST_DIR=$b scripts/dist-deb.sh >/dev/null
(cd "$a" && sha256sum -- *.tar.xz *.deb linux/delegate/usr/local/bin/*) >"$a/sums"
cat "$a/sums"
(cd "$b" && sha256sum -c --quiet "$a/sums") || { echo "dist-repro: FAIL: the two builds differ" >&2; exit 1; }
echo "dist-repro: ok: two builds gave the same bytes"
