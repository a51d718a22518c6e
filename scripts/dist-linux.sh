#!/usr/bin/env bash
# Linux release build: `fyne package` builds Delegate (release mode,
# -trimpath, version and commit stamped) and lays out the binary, icon and
# .desktop entry; we re-pack its tar.xz reproducibly and add delegatectl
# (static, no cgo) beside it in delegate/usr/local/bin. Output: dist/delegate-VERSION-linux-amd64.tar.xz
# and dist/linux/ (the unpacked tree, used by scripts/dist-deb.sh).
set -euo pipefail
source "$(dirname "$0")/dist-env.sh"
cd "$root"
out="$dist/linux"
rm -rf "$out" && mkdir -p "$out"
tmp=$(mktemp -d)
stage_fyneapp
trap 'rm -rf "$tmp" "$root/cmd/delegate/FyneApp.toml" "$root/cmd/delegate/fyne_metadata_init.go"' EXIT

(cd "$tmp" && GOFLAGS="$fyne_goflags" "$FYNE" package -os linux --release --src "$root/cmd/delegate")
tar -C "$out" -xJf "$tmp/$app_name.tar.xz"
[ -x "$out/delegate/usr/local/bin/delegate" ] || { echo "dist-linux: fyne package laid out no delegate/usr/local/bin/delegate" >&2; exit 1; }
CGO_ENABLED=0 $GO build -trimpath -ldflags "-s -w $ldflags_x" -o "$out/delegate/usr/local/bin/delegatectl" ./cmd/delegatectl
tarxz "$out" "$dist/delegate-$version-linux-amd64.tar.xz"
echo "dist: $dist/delegate-$version-linux-amd64.tar.xz"
