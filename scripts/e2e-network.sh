#!/usr/bin/env bash
# No surprise network: runs delegatectl's everyday commands and the desktop
# app under `strace -f -e trace=connect` and fails on any connection except
# AF_UNIX for the app (its X11 display). delegatectl must connect to
# nothing at all; a sync with a folder remote neither. Only a sync with an
# https:// or ssh:// remote the user configured may reach the network.
#
#   scripts/e2e-network.sh BIN_DIR      # BIN_DIR holds delegate and delegatectl
#
# Needs: strace, xvfb-run (the e2e group of scripts/install-deps.sh).
set -euo pipefail
BIN_DIR=${1:?usage: scripts/e2e-network.sh BIN_DIR}
BIN=$(cd "$BIN_DIR" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export DELEGATE_WORKSPACE="$WORK/ws" HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" LANG=${LANG:-C.UTF-8}
fail() { echo "e2e-network: FAIL: $*" >&2; exit 1; }
for tool in strace xvfb-run; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/install-deps.sh e2e)"
done
n=0
# ctl runs one delegatectl command under strace; any connect() fails it.
ctl() {
  n=$((n + 1))
  strace -f -qq -e trace=connect -o "$WORK/trace.$n" "$BIN/delegatectl" "$@" >"$WORK/out.$n" 2>&1 ||
    { cat "$WORK/out.$n" >&2; fail "delegatectl $* failed"; }
  if grep -q 'connect(' "$WORK/trace.$n"; then
    cat "$WORK/trace.$n" >&2
    fail "delegatectl $* opened a connection"
  fi
}
ctl version
ctl timeline --at 2025-06-01
ctl init --user-name "Net Test" --user-email net@example.org --entity "Sample" --category "Member State" --country Sample
ctl draft import "$ROOT/assets/samples/draft2.docx" --label "2nd draft"
ctl draft inspect "$ROOT/assets/samples/draft2.docx"
ctl comment add --para 5 --kind editorial --body "network test comment"
id=$(awk '{print $3}' "$WORK/out.$n")
ctl list
ctl show "$id"
ctl edit "$id" --status ready-for-review
ctl edit "$id" --status approved
ctl history "$id"
ctl export --out "$WORK/out" --title "Network test" --summary "No connection is made." \
  --action-required "The IEG is invited to note this contribution." --now 2024-12-10
ZIP=$(ls "$WORK"/out/*.zip)
ctl package verify "$ZIP"
ctl nominate --name "Zhang Wei" --organization "Ministry of ICT" --email zhang@example.org --out "$WORK/nom.eml"
ctl remote add shared "$WORK/shared.git"
ctl sync shared
echo "e2e-network: delegatectl made no connection in $n commands (folder sync included)"
# The control: the explicit sync with a network remote is what connects
# (to a closed loopback port here), so the trace would show a connection.
"$BIN/delegatectl" remote add web http://127.0.0.1:9/shared.git >/dev/null
strace -f -qq -e trace=connect -o "$WORK/trace.web" "$BIN/delegatectl" sync web >/dev/null 2>&1 && fail "sync with an unreachable remote succeeded"
grep -q 'connect(.*127.0.0.1' "$WORK/trace.web" || fail "the trace did not see the explicit sync's connection"

# The app: open the sample workspace under Xvfb; timeout ends it with TERM
# after a few seconds, so xvfb-run and its X server end normally.
DELEGATE_TODAY=2025-06-01 DELEGATE_OPEN=sample xvfb-run -a \
  strace -f -qq -e trace=connect -o "$WORK/trace.app" timeout -s TERM 10 "$BIN/delegate" >"$WORK/app.log" 2>&1 || true
grep -q 'connect(.*X11-unix' "$WORK/trace.app" || { cat "$WORK/app.log" >&2; fail "the app never connected to its X display (did it start?)"; }
if grep 'connect(' "$WORK/trace.app" | grep -v 'sa_family=AF_UNIX' | grep -q .; then
  grep 'connect(' "$WORK/trace.app" | grep -v 'sa_family=AF_UNIX' >&2
  fail "the app opened a network connection"
fi
echo "e2e-network: the app made $(grep -c 'connect(' "$WORK/trace.app") connections, all AF_UNIX (its X display)"
echo "e2e-network: ok"
