#!/usr/bin/env bash
# Real read-only and full disks, which the unit tests (run as root) can
# only imitate through the store's write seam: a workspace bind-mounted
# read-only, and one on a 2 MB tmpfs filled to 0 bytes free. On each,
# delegatectl list, show and history work (on the read-only one an export
# dry run too, the preview) and leave nothing behind; a save says why
# nothing was saved; once the disk has room again, it saves and git finds
# nothing wrong.
#
#   sudo scripts/disk-check.sh [DELEGATECTL]   # default: builds one
#
# Needs root (mount) and git.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
RO="$WORK/ro" TINY="$WORK/tiny"
cleanup() {
  umount "$RO" 2>/dev/null || true
  umount "$TINY" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "disk-check: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root to mount a read-only bind mount and a tmpfs"
CTL=${1:-}
if [ -z "$CTL" ]; then
  CTL="$WORK/delegatectl"
  (cd "$ROOT" && CGO_ENABLED=0 go build -o "$CTL" ./cmd/delegatectl)
fi
export GIT_CONFIG_NOSYSTEM=1 LC_ALL=C
# expect STATUS TEXT CMD...: CMD exits with STATUS and its output holds TEXT.
expect() {
  local want=$1 text=$2 out rc=0
  shift 2
  out=$("$@" 2>&1) || rc=$?
  [ "$rc" = "$want" ] || fail "$* exited $rc, want $want: $out"
  grep -qF -- "$text" <<<"$out" || fail "$* does not say \"$text\": $out"
  echo "  ok ($rc): ${*:2:2} -> $(head -c 160 <<<"$out" | tr '\n' ' ')"
}
leftovers() { find "$1/.git" -name '*.delegate-tmp-*' -o -name lock -path '*/delegate/*' | grep . && fail "left behind in $1" || true; }

SRC="$WORK/src"
"$CTL" init --workspace "$SRC" --user-name "Disk Check" --user-email disk@example.org --entity "Republic of Xyz" >/dev/null
"$CTL" draft import --workspace "$SRC" "$ROOT/assets/samples/draft2.md" >/dev/null
ID=$("$CTL" comment add --workspace "$SRC" --para "§1.1 ¶3" --body "A comment worth keeping." | awk '{print $3}')

echo "read-only bind mount"
mkdir -p "$RO"
mount --bind "$SRC" "$RO"
mount -o remount,bind,ro "$RO"
before=$(cd "$SRC" && find . -type f -exec sha256sum {} + | sort)
expect 0 "$ID" "$CTL" list --workspace "$RO"
expect 0 "this workspace folder is read-only ($RO: read-only file system); the work can be read" "$CTL" list --workspace "$RO"
expect 0 "A comment worth keeping." "$CTL" show --workspace "$RO" "$ID"
expect 0 "Comment on §1.1 ¶3: add" "$CTL" history --workspace "$RO" "$ID"
expect 0 "dry run: not tagged" "$CTL" export --workspace "$RO" --dry-run --out "$WORK/preview" --include-unapproved --now 2025-01-10 \
  --title "Bridging divides" --summary "A comment." --action-required "The IEG is invited to consider this contribution."
expect 1 "this workspace folder is read-only ($RO: read-only file system); nothing was saved" \
  "$CTL" edit --workspace "$RO" "$ID" --body "not to be saved"
expect 1 "nothing was saved" "$CTL" item remove --workspace "$RO" "$ID"
after=$(cd "$SRC" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "the read-only workspace changed: $(diff <(echo "$before") <(echo "$after"))"
umount "$RO"

echo "2 MB tmpfs at 0 bytes free"
mkdir -p "$TINY"
mount -t tmpfs -o size=2m tmpfs "$TINY"
cp -a "$SRC/." "$TINY/"
dd if=/dev/zero of="$TINY/fill" bs=4k 2>/dev/null || true
echo "  free: $(df -k --output=avail "$TINY" | tail -1) KB"
expect 0 "the disk holding the workspace is full; free some space, then save again ($TINY: no space left on device); until then the work can be read" "$CTL" list --workspace "$TINY"
expect 0 "$ID" "$CTL" list --workspace "$TINY"
expect 0 "A comment worth keeping." "$CTL" show --workspace "$TINY" "$ID"
expect 0 "Comment on §1.1 ¶3: add" "$CTL" history --workspace "$TINY" "$ID"
expect 1 "not saved, the previous version is kept: the disk holding the workspace is full; free some space, then save again ($TINY: no space left on device)" \
  "$CTL" edit --workspace "$TINY" "$ID" --body "no room for this"
leftovers "$TINY"
expect 0 "A comment worth keeping." "$CTL" show --workspace "$TINY" "$ID"
rm "$TINY/fill"
expect 0 "saved $ID" "$CTL" edit --workspace "$TINY" "$ID" --body "saved once there was room"
expect 0 "saved once there was room" "$CTL" show --workspace "$TINY" "$ID"
leftovers "$TINY"
st=$(git -C "$TINY" status --porcelain)
[ -z "$st" ] || fail "git status after the full disk: $st"
git -C "$TINY" fsck --strict --no-progress || fail "git fsck after the full disk"
echo "a save with 0 to 64 KB free on the tmpfs"
kept="saved once there was room"
for kb in 0 4 8 12 16 20 24 28 32 40 48 64; do
  avail=$(df -k --output=avail "$TINY" | tail -1)
  dd if=/dev/zero of="$TINY/fill" bs=1k count=$((avail - kb)) 2>/dev/null || true
  rc=0
  out=$("$CTL" edit --workspace "$TINY" "$ID" --body "saved with $kb KB free" 2>&1) || rc=$?
  rm -f "$TINY/fill"
  now=$("$CTL" show --workspace "$TINY" "$ID" | tail -1)
  case "$rc" in
    0) [ "$now" = "saved with $kb KB free" ] || fail "$kb KB free: saved, but the comment is \"$now\""; kept=$now ;;
    1) grep -qF "not saved, the previous version is kept: the disk holding the workspace is full" <<<"$out" || fail "$kb KB free: $out"
       [ "$now" = "$kept" ] || fail "$kb KB free: not saved, but the comment is \"$now\", want \"$kept\"" ;;
    *) fail "$kb KB free: exit $rc: $out" ;;
  esac
  leftovers "$TINY"
  st=$(git -C "$TINY" status --porcelain)
  [ -z "$st" ] || fail "$kb KB free: git status: $st"
  git -C "$TINY" fsck --strict --no-progress --no-dangling || fail "$kb KB free: git fsck"
  echo "  $kb KB free: exit $rc, comment \"$now\""
done
echo "disk-check: ok"
