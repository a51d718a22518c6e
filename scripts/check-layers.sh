#!/usr/bin/env bash
# Enforces the layering in docs/architecture.md: model/ never depends on Fyne,
# ui or assets; delegatectl never depends on Fyne (it builds without cgo);
# model/gitrepo (the git engine) depends on no other package of the module;
# store and export never depend on each other (submit joins them).
set -euo pipefail
mod=$(go list -m)
fail=0
bad=$(go list -deps ./model/... | grep -E "^fyne.io/|^$mod/(ui|assets)(/|$)" || true)
if [ -n "$bad" ]; then
  echo "check-layers: model/ depends on: $bad" >&2
  fail=1
fi
bad=$(go list -deps ./cmd/delegatectl | grep -E "^fyne.io/|^$mod/ui(/|$)" || true)
if [ -n "$bad" ]; then
  echo "check-layers: delegatectl depends on: $bad" >&2
  fail=1
fi
bad=$(go list -deps ./model/docxread | grep -E "^$mod/" | grep -vE "^$mod/model/docxread$" || true)
if [ -n "$bad" ]; then
  echo "check-layers: model/docxread (the .docx reader) depends on: $bad" >&2
  fail=1
fi
bad=$(go list -deps ./model/report | grep -E "^$mod/(model/(store|export|submit)|ui)(/|$)" || true)
if [ -n "$bad" ]; then
  echo "check-layers: model/report depends on: $bad" >&2
  fail=1
fi
bad=$(go list -deps ./model/gitrepo | grep -E "^$mod/" | grep -vx "$mod/model/gitrepo" || true)
if [ -n "$bad" ]; then
  echo "check-layers: model/gitrepo depends on: $bad" >&2
  fail=1
fi
if go list -deps ./model/store | grep -qx "$mod/model/export"; then
  echo "check-layers: model/store depends on model/export" >&2
  fail=1
fi
if go list -deps ./model/export | grep -qx "$mod/model/store"; then
  echo "check-layers: model/export depends on model/store" >&2
  fail=1
fi
CGO_ENABLED=0 go build -o /dev/null ./cmd/delegatectl || { echo "check-layers: delegatectl does not build without cgo" >&2; fail=1; }
[ $fail -eq 0 ] && echo "check-layers: ok"
exit $fail
