#!/usr/bin/env bash
# Installs the .deb on a freshly bootstrapped Debian 12 (minbase: no X, no
# fonts, none of the build packages), so a missing Depends shows; checks no
# library is missing, runs delegatectl, and opens the installed menu entry
# on an Xvfb display of the host and follows the user guide's first
# chapter to a first comment. Needs root, debootstrap and the network to
# deb.debian.org; not part of CI (downloads ~100 MB).
#
#   sudo scripts/dist-clean-check.sh dist/delegate_0.1.0_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
root=$(mktemp -d /tmp/delegate-clean.XXXXXX)
display=:${DISPLAY_NUM:-77}
xvfb=""
cleanup() {
  pkill -f "^delegate$" 2>/dev/null || true
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  umount "$root/tmp/.X11-unix" 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT
fail() { echo "dist-clean-check: FAIL: $*" >&2; exit 1; }

debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/delegate.deb"
chroot "$root" bash -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/delegate.deb' >/dev/null ||
  fail "apt-get install of the .deb on a fresh Debian 12"
missing=$(chroot "$root" ldd /usr/bin/delegate | grep -c "not found" || true)
[ "$missing" = 0 ] || fail "libraries missing for /usr/bin/delegate: $(chroot "$root" ldd /usr/bin/delegate | grep 'not found')"
chroot "$root" delegatectl version || fail "delegatectl version"

Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
sleep 2
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
exec_line=$(chroot "$root" sed -n 's/^Exec=//p' /usr/share/applications/org.delegate.app.desktop)
chroot "$root" env -i DISPLAY="$display" HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 DELEGATE_TODAY=2025-06-01 $exec_line >/dev/null 2>&1 &
export DISPLAY=$display
id=""
for _ in $(seq 1 50); do
  id=$(xwininfo -root -tree 2>/dev/null | awk '/"Delegate"/ {print $1; exit}')
  [ -n "$id" ] && break
  sleep 0.2
done
[ -n "$id" ] || fail "the installed menu entry ($exec_line) showed no window"
sleep 3
note="First comment on a clean Debian system"
xdotool mousemove --window "$id" 260 207 click 1
sleep 5
xdotool mousemove --window "$id" 560 560 click 1
sleep 1
xdotool key ctrl+n
sleep 1
xdotool type --delay 20 "$note."
xdotool key ctrl+s
sleep 2
import -window root "${SHOT:-dist/clean-debian-first-comment.png}"
grep -rqF "$note" "$root/root/.local/share" || fail "the first comment is not in the sample workspace"
echo "dist-clean-check: ok: installed on a fresh Debian 12, no library missing, first comment saved"
