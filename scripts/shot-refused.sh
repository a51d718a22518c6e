#!/usr/bin/env bash
# Screenshot of the sync report when one colleague's work is refused:
# Ana publishes honest work on a shared folder, Eve's branch there holds
# con.md (made with the git CLI, as a hand-made branch would be), and the
# coordinator's sync in the real window brings Ana's and names Eve's.
#   scripts/shot-refused.sh BIN_DIR OUT.png
set -euo pipefail
bin=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ctl() { "$bin/delegatectl" "$@"; }
usb=$tmp/usb/delegation.git
ctl init --user-name "Cora Ord" --user-email cora@example.org --entity "Republic of Xyz" --workspace "$tmp/coord" >/dev/null
ctl draft import "$root/assets/samples/draft2.md" --label "2nd draft" --workspace "$tmp/coord" >/dev/null
ctl remote add usb "$usb" --workspace "$tmp/coord" >/dev/null
ctl sync --workspace "$tmp/coord" >/dev/null 2>&1
ctl init --user-name "Ana Lima" --user-email ana@example.org --workspace "$tmp/ana" >/dev/null
ctl remote add usb "$usb" --workspace "$tmp/ana" >/dev/null
ctl sync --workspace "$tmp/ana" >/dev/null 2>&1
ctl comment add --para "§1.1 ¶3" --body "Name the five sub-themes in this paragraph." --workspace "$tmp/ana" >/dev/null
ctl sync --workspace "$tmp/ana" >/dev/null 2>&1
g() { git --git-dir="$usb" "$@"; }
blob=$(echo x | g hash-object -w --stdin)
tree=$(printf '100644 blob %s\tcon.md\n' "$blob" | g mktree)
commit=$(GIT_AUTHOR_NAME=Eve GIT_AUTHOR_EMAIL=eve@example.org GIT_COMMITTER_NAME=Eve GIT_COMMITTER_EMAIL=eve@example.org g commit-tree "$tree" -m "my work")
g update-ref refs/heads/people/eve-example-org "$commit"
SHOT_DELAY=4 SHOT_XDO="key ctrl+shift+s; wait 1; click 664 486; wait 4" \
  "$root/scripts/screenshot.sh" "$bin/delegate" "$out" DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN="$tmp/coord"
