#!/usr/bin/env bash
# make dist: the release files in dist/ — the Linux tar.xz (fyne package),
# the .deb, and unless DIST_WINDOWS=0 the Windows zip — with SHA256SUMS.
# Same commit, same toolchain: same bytes (see docs/install.md).
set -euo pipefail
source "$(dirname "$0")/dist-env.sh"
cd "$root"
mkdir -p "$dist"
rm -f "$dist"/*.tar.xz "$dist"/*.deb "$dist"/*.zip "$dist/SHA256SUMS"
scripts/dist-linux.sh
scripts/dist-deb.sh
if [ "${DIST_WINDOWS:-1}" != 0 ]; then
  nice -n 10 scripts/dist-windows.sh
fi
(cd "$dist" && sha256sum -- *.tar.xz *.deb $(ls *.zip 2>/dev/null) >SHA256SUMS && cat SHA256SUMS)
echo "dist: $app_name $version ($commit) in $dist"
