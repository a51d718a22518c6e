#!/usr/bin/env bash
# Sourced by scripts/dist*.sh: what a release is, read from one place.
# Name, ID and version come from the top-level FyneApp.toml (DIST_VERSION
# overrides the version); the commit and the timestamps every archive uses
# come from git, so two builds of one commit give the same bytes (a source
# tree without git: set DIST_COMMIT and SOURCE_DATE_EPOCH).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
toml() { sed -n "s/^$1 *= *\"\(.*\)\"/\1/p" "$root/FyneApp.toml" | head -1; }
app_name=$(toml Name)
app_id=$(toml ID)
version=${DIST_VERSION:-$(toml Version)}
commit=${DIST_COMMIT:-$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)}
[ -n "${DIST_COMMIT:-}" ] || git -C "$root" diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
export SOURCE_DATE_EPOCH
dist=${DIST_DIR:-$root/dist}
GO=${GO:-go}
FYNE=${FYNE:-$root/bin/fyne}
appinfo=github.com/delegate-itu/delegate/model/appinfo
# Stamped into both programs; read back by appinfo.Version and appinfo.Commit.
ldflags_x="-X $appinfo.version=$version -X $appinfo.commit=$commit"
# GOFLAGS for the fyne tool, which takes -ldflags only through GOFLAGS
# (DIST_GOFLAGS adds flags to every build, e.g. -a).
fyne_goflags="-buildvcs=false ${DIST_GOFLAGS:-} -ldflags=-X=$appinfo.version=$version -ldflags=-X=$appinfo.commit=$commit"
export GOFLAGS="-buildvcs=false ${DIST_GOFLAGS:-}"
[ -n "$app_name" ] && [ -n "$app_id" ] && [ -n "$version" ] || { echo "dist: FyneApp.toml lacks Name, ID or Version" >&2; exit 1; }
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "dist: version $version is not x.y.z" >&2; exit 1; }

# stage_fyneapp writes cmd/delegate/FyneApp.toml (read by `fyne package`)
# from the top-level one, with the icon path and version of this release, and
# removes it when the calling script exits.
stage_fyneapp() {
  local f="$root/cmd/delegate/FyneApp.toml"
  sed -e 's#^Icon = "#Icon = "../../#' -e "s/^Version = \".*\"/Version = \"$version\"/" "$root/FyneApp.toml" >"$f"
  trap 'rm -f "$root/cmd/delegate/FyneApp.toml" "$root/cmd/delegate/fyne_metadata_init.go" "$root/cmd/delegate/fyne.syso"' EXIT
}

# normalise FILES...: fixed mtimes and modes so archives do not depend on
# when or by whom they were built.
normalise() {
  find "$@" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# tarxz DIR OUT: a reproducible tar.xz of DIR's contents.
tarxz() {
  normalise "$1"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    --format=gnu -C "$1" -cf - . | xz -6 -T1 >"$2"
}
