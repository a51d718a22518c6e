#!/usr/bin/env bash
# Checks a Windows zip from scripts/dist-windows.sh: both programs are PE32+
# x86-64 executables (delegate.exe for the GUI subsystem, delegatectl.exe for
# the console), delegate.exe carries its version resource, and osslsigncode
# reports them unsigned (a delegation signs them: docs/install.md); with a
# COMMIT argument, both carry that commit stamp.
set -euo pipefail
zip=$1 commit=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "dist-windows-check: FAIL: $*" >&2; exit 1; }
unzip -q "$zip" -d "$tmp"
file "$tmp/delegate.exe" | tee "$tmp/f1" | grep -q 'PE32+ executable (GUI) x86-64' || fail "delegate.exe is not a PE32+ x86-64 GUI program: $(cat "$tmp/f1")"
file "$tmp/delegatectl.exe" | tee "$tmp/f2" | grep -q 'PE32+ executable (console) x86-64' || fail "delegatectl.exe is not a PE32+ x86-64 console program: $(cat "$tmp/f2")"
# The version resource is UTF-16: find its key and the product name that way.
u16() { printf '%s' "$1" | sed 's/./&\\x00/g'; }
for key in VS_VERSION_INFO ProductVersion Delegate; do
  LC_ALL=C grep -qaP "$(u16 $key)" "$tmp/delegate.exe" || fail "delegate.exe has no version resource ($key missing)"
done
for exe in delegate.exe delegatectl.exe; do
  [ -z "$commit" ] || LC_ALL=C grep -qaF "$commit" "$tmp/$exe" || fail "$exe does not carry commit $commit"
  if osslsigncode verify -in "$tmp/$exe" >"$tmp/v" 2>&1; then fail "$exe verifies as signed"; fi
  grep -qi 'no signature found' "$tmp/v" || fail "osslsigncode on $exe: $(cat "$tmp/v")"
  echo "dist-windows-check: $exe: $(grep -i 'no signature found' "$tmp/v" | head -1) (unsigned, as built)"
done
echo "dist-windows-check: ok"
