#!/usr/bin/env bash
# CI check of the Linux release, as a delegation's IT desk would meet it:
# build the .deb, validate its metadata, install it with dpkg, run
# `delegatectl version`, open Delegate from the installed menu entry's Exec
# line under Xvfb and see its window, then purge it and check that nothing
# it installed is left.
set -euo pipefail
source "$(dirname "$0")/dist-env.sh"
cd "$root"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
if dpkg-query -W -f='${Status}' delegate 2>/dev/null | grep -q "ok installed"; then
  fail "a delegate package is already installed here; remove it first (dpkg -r delegate)"
fi

scripts/dist-linux.sh
scripts/dist-deb.sh
deb="$dist/delegate_${version}_amd64.deb"
appstreamcli validate --no-net --pedantic "packaging/linux/$app_id.metainfo.xml" || fail "AppStream metainfo does not validate"
desktop-file-validate "$dist/linux/delegate/usr/local/share/applications/$app_id.desktop" || fail "the .desktop entry does not validate"
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
for p in ./usr/bin/delegate ./usr/bin/delegatectl "./usr/share/applications/$app_id.desktop" \
  "./usr/share/icons/hicolor/512x512/apps/$app_id.png" "./usr/share/metainfo/$app_id.metainfo.xml" \
  ./usr/share/doc/delegate/copyright; do
  grep -qx -- "$p" "$tmp/contents" || fail "the .deb lacks $p"
done

$sudo dpkg -i "$deb" || fail "dpkg -i $deb (missing libraries? apt-get -f install)"
dpkg -L delegate >"$tmp/installed"
out=$(delegatectl version) || fail "delegatectl version"
echo "dist-check: $out"
[[ $out == "$app_name $version ($commit) "* ]] || fail "delegatectl version says '$out', not $version ($commit)"
if command -v "$GO" >/dev/null; then
  $GO version -m /usr/bin/delegate | grep -q -- "-trimpath=true" || fail "/usr/bin/delegate was not built with -trimpath"
fi
# -trimpath leaves -ldflags out of the build info: look for the stamped commit itself.
LC_ALL=C grep -qaF "$commit" /usr/bin/delegate || fail "/usr/bin/delegate does not carry commit $commit"

desktop=/usr/share/applications/$app_id.desktop
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
[ -n "$exec_line" ] || fail "$desktop has no Exec line"
read -ra argv <<<"$exec_line"
prog=$(command -v "${argv[0]}") || fail "Exec=${argv[0]} is not on PATH"
# The user guide's first chapter, as a new user follows it in the installed
# app: open the sample workspace from the welcome screen, pick a paragraph,
# write a first comment and save it; then the comment must be in the
# sample workspace's history.
note="First comment from the installed Delegate"
SHOT_HOME="$tmp/user" SHOT_XDO="shot installed-1-welcome; click 260 207; wait 4; click 560 560; key ctrl+n; type $note.; key ctrl+s; wait 2" \
  scripts/screenshot.sh "$prog" "$dist/installed-2-first-comment.png" DELEGATE_TODAY=2025-06-01 ||
  fail "Delegate from the menu entry ($exec_line) showed no window"
head_file=$(find "$tmp/user" -path '*/.git/HEAD' | head -1)
[ -n "$head_file" ] || fail "opening the sample from the welcome screen made no workspace"
sample=$(dirname "$(dirname "$head_file")")
grep -rqF "$note" "$sample/items" || fail "the first comment typed in the installed app is not in the sample workspace"
git -C "$sample" log --format=%s -1 | grep -q . || fail "the sample workspace has no history"
echo "dist-check: first comment saved in the installed app: $(git -C "$sample" log --format=%s -1)"

$sudo dpkg --purge delegate >/dev/null || fail "dpkg --purge delegate"
dpkg-query -W -f='${Status}' delegate 2>/dev/null | grep -q "installed" && fail "delegate is still installed"
left=0
while read -r f; do
  [ "$f" = "/." ] && continue
  if [ -f "$f" ] || [ -L "$f" ]; then echo "dist-check: left behind: $f" >&2; left=1; fi
  if [ -d "$f" ] && [[ $f == */delegate* || $f == */$app_id* ]]; then echo "dist-check: left behind: $f/" >&2; left=1; fi
done <"$tmp/installed"
[ $left -eq 0 ] || fail "files remain after dpkg --purge"
echo "dist-check: ok ($(wc -l <"$tmp/installed") paths installed and removed)"
