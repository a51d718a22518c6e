#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages a group of make targets needs, and only
# the missing ones (uses sudo when not root).
#   build: cgo + GLFW headers to build the desktop app (and git for the tests)
#   e2e:   a virtual display, screenshots, LibreOffice and PDF tools for end-to-end checks
#   bench: the baselines benchmarks compare against (git, pandoc)
#   dist:  release packaging: .deb, AppStream check, Windows cross-compile, signature check
set -euo pipefail
declare -A groups=(
  [build]="gcc pkg-config git libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev"
  [e2e]="xvfb xauth x11-utils imagemagick poppler-utils libreoffice-writer-nogui fonts-dejavu-core xdotool fonts-wqy-microhei strace"
  [bench]="git pandoc"
  [dist]="dpkg-dev fakeroot xz-utils zip unzip file appstream desktop-file-utils gcc-mingw-w64-x86-64 osslsigncode"
)
want=()
for g in "$@"; do
  [ -n "${groups[$g]:-}" ] || { echo "install-deps: unknown group $g" >&2; exit 2; }
  for p in ${groups[$g]}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || want+=("$p")
  done
done
[ ${#want[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "install-deps: please install: ${want[*]} (apt-get not found)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${want[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
