#!/usr/bin/env bash
# Enforces the layering in docs/architecture.md ("Who may import whom"):
# each package of model/ imports only the project packages listed for it
# below; nothing in model/ depends on Fyne, ui or assets; test-support
# packages (*test) are imported only by tests; delegatectl never depends on
# Fyne or ui and builds without cgo. A new package must be added here.
set -euo pipefail
mod=$(go list -m)
fail=0
complain() { echo "check-layers: $*" >&2; fail=1; }

# The project packages each model package may import directly (non-test code).
declare -A may=(
  [model/appinfo]=""
  [model/userfile]=""
  [model/item]=""
  [model/docx]=""
  [model/docxread]=""
  [model/docxread/docxtest]=""
  [model/gitrepo]=""
  [model/gitrepo/gittest]=""
  [model/report/redline]=""
  [model/process]="model/userfile"
  [model/report]="model/docxread model/report/redline model/userfile"
  [model/anchor]="model/item model/report model/report/redline"
  [model/export]="model/appinfo model/docx model/item model/process model/report model/report/redline model/userfile"
  [model/review]="model/export model/item model/report model/report/redline"
  [model/store]="model/gitrepo model/item model/process model/report/redline model/userfile"
  [model/store/storetest]="model/item model/store"
  [model/usecase]="model/anchor model/export model/item model/process model/report model/review model/store"
  [model/usecase/usecasetest]="model/anchor model/item model/report model/store model/store/storetest model/usecase"
  [model/hostile]=""
  [ui/screen]="model/item model/process model/report model/store"
)

while read -r pkg imports; do
  rel=${pkg#"$mod"/}
  if [ -z "${may[$rel]+set}" ]; then
    [[ $rel == model/* ]] && complain "$rel is not in the table of scripts/check-layers.sh (say what it may import)"
    allowed=""
  else
    allowed=" ${may[$rel]} "
  fi
  for imp in $imports; do
    [[ $imp == "$mod"/* ]] || continue
    dep=${imp#"$mod"/}
    if [[ $dep == *test && $dep == */*test && $rel != *test ]]; then
      complain "$rel imports the test-support package $dep outside its tests"
    fi
    if [[ $rel == model/* && " $allowed " != *" $dep "* ]]; then
      complain "$rel imports $dep, which docs/architecture.md does not allow"
    fi
  done
done < <(go list -f '{{.ImportPath}} {{join .Imports " "}}' ./model/... ./ui/... ./cmd/...)

bad=$(go list -deps ./model/... | grep -E "^fyne.io/|^$mod/(ui|assets)(/|$)" || true)
[ -z "$bad" ] || complain "model/ depends on: $bad"
bad=$(go list -deps ./cmd/delegatectl | grep -E "^fyne.io/|^$mod/ui(/|$)" || true)
[ -z "$bad" ] || complain "delegatectl depends on: $bad"
bad=$(go list -deps ./ui/screen | grep -E "^$mod/(ui|assets)$" || true)
[ -z "$bad" ] || complain "ui/screen depends on: $bad (a screen's host must not know the shell)"
CGO_ENABLED=0 go build -o /dev/null ./cmd/delegatectl || complain "delegatectl does not build without cgo"
[ $fail -eq 0 ] && echo "check-layers: ok"
exit $fail
