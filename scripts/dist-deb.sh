#!/usr/bin/env bash
# Debian package from the Linux build in dist/linux (scripts/dist-linux.sh):
# /usr/bin/delegate and delegatectl, the .desktop entry, the icon, the
# AppStream metainfo and the licence. No maintainer scripts: dpkg's triggers
# refresh the menu and icon caches, so installing and removing leave nothing
# behind. Output: dist/delegate_VERSION_amd64.deb
set -euo pipefail
source "$(dirname "$0")/dist-env.sh"
cd "$root"
src="$dist/linux/delegate/usr/local"
[ -x "$src/bin/delegate" ] || { echo "dist-deb: run scripts/dist-linux.sh first" >&2; exit 1; }
pkg=$(mktemp -d)
trap 'rm -rf "$pkg"' EXIT
chmod 755 "$pkg"
umask 022
install -D -m 755 "$src/bin/delegate" "$pkg/usr/bin/delegate"
install -D -m 755 "$src/bin/delegatectl" "$pkg/usr/bin/delegatectl"
install -D -m 644 "$src/share/applications/$app_id.desktop" "$pkg/usr/share/applications/$app_id.desktop"
install -D -m 644 assets/icon/delegate.png "$pkg/usr/share/icons/hicolor/512x512/apps/$app_id.png"
install -D -m 644 assets/icon/delegate.svg "$pkg/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
install -D -m 644 "packaging/linux/$app_id.metainfo.xml" "$pkg/usr/share/metainfo/$app_id.metainfo.xml"
install -D -m 644 assets/legal/third-party-notices.md "$pkg/usr/share/doc/delegate/third-party-notices.md"
gzip -9n "$pkg/usr/share/doc/delegate/third-party-notices.md"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: $app_name"
  echo "Source: https://github.com/delegate-itu/delegate"
  echo "Comment: The programs link Go modules, the GLFW library and fonts under their own"
  echo " licences; /usr/share/doc/delegate/third-party-notices.md.gz reproduces them all."
  echo
  echo "Files: *"
  echo "Copyright: The Delegate authors"
  echo "License: Apache-2.0"
  echo " On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0."
} >"$pkg/usr/share/doc/delegate/copyright"

# Depends: the shared libraries the binaries link, as dpkg-shlibdeps finds them.
shl=$(mktemp -d)
mkdir -p "$shl/debian"
printf 'Source: delegate\n\nPackage: delegate\nArchitecture: amd64\n' >"$shl/debian/control"
depends=$(cd "$shl" && dpkg-shlibdeps -O "$pkg/usr/bin/delegate" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
rm -rf "$shl"
[ -n "$depends" ] || { echo "dist-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# GLFW opens these X11 extension libraries with dlopen, which dpkg-shlibdeps cannot see.
depends="$depends, libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"
# Fyne's bundled font lacks the symbols the screens use (● ⚠ ≈ ✎): it falls
# back to system fonts, and a minimal system has none (seen as boxes on a
# fresh Debian 12). DejaVu Sans has them all.
depends="$depends, fonts-dejavu-core"
size=$(du -sk --apparent-size "$pkg/usr" | cut -f1)
mkdir -p "$pkg/DEBIAN"
cat >"$pkg/DEBIAN/control" <<CONTROL
Package: delegate
Version: $version
Architecture: amd64
Maintainer: The Delegate authors <delegate@example.org>
Installed-Size: $size
Depends: $depends
Section: editors
Priority: optional
Homepage: https://github.com/delegate-itu/delegate
Description: prepare a delegation's contributions to the ITU WTPF-26 forum
 Delegate helps national experts and delegation coordinators comment on
 the Secretary-General's report drafts for the ITU World
 Telecommunication/ICT Policy Forum 2026 and send their contribution on
 time. It works offline, keeps every save in a local history, carries
 comments onto the next draft and knows the forum's deadlines.
 .
 delegatectl is its command-line twin for scripts and coordinators.
CONTROL
normalise "$pkg"
deb="$dist/delegate_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz -z6 --build "$pkg" "$deb" >/dev/null
echo "dist: $deb"
