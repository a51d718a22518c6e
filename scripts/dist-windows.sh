#!/usr/bin/env bash
# Windows release build, cross-compiled with Debian's mingw-w64: `fyne
# package -os windows` builds delegate.exe (GUI subsystem, icon, manifest and
# version resource, -trimpath, version and commit stamped); delegatectl.exe
# builds without cgo. Both are zipped reproducibly with the licence and the
# notices, then checked: PE32+ x86-64, and unsigned (docs/install.md says how
# a delegation signs them). Slow on a small machine: run by `make dist`, not CI.
# Output: dist/delegate-VERSION-windows-amd64.zip
set -euo pipefail
source "$(dirname "$0")/dist-env.sh"
cd "$root"
command -v x86_64-w64-mingw32-gcc >/dev/null || { echo "dist-windows: needs mingw-w64 (scripts/install-deps.sh dist)" >&2; exit 1; }
out="$dist/windows"
rm -rf "$out" && mkdir -p "$out"
stage_fyneapp
# fyne package builds twice for Windows (before and after adding the
# resources) and drops GOFLAGS' -ldflags after the first build, which would
# lose the version stamp: naming a placeholder as --executable makes it skip
# the first build.
(cd cmd/delegate && rm -f Delegate.exe && : >delegate.exe &&
  GOFLAGS="$fyne_goflags" CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    "$FYNE" package -os windows --release --executable delegate.exe)
mv cmd/delegate/Delegate.exe "$out/delegate.exe"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $GO build -trimpath -ldflags "-s -w $ldflags_x" -o "$out/delegatectl.exe" ./cmd/delegatectl
sed 's/$/\r/' LICENSE >"$out/LICENSE.txt"
sed 's/$/\r/' assets/legal/third-party-notices.md >"$out/third-party-notices.txt"
normalise "$out"
zip="$dist/delegate-$version-windows-amd64.zip"
rm -f "$zip"
(cd "$out" && TZ=UTC zip -X -9 -q "$zip" delegate.exe delegatectl.exe LICENSE.txt third-party-notices.txt)
scripts/dist-windows-check.sh "$zip" "$commit"
echo "dist: $zip"
