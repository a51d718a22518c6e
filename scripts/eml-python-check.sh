#!/bin/sh
# eml-python-check.sh: writes the e-mails of model/export's
# TestHeadersRoundTrip (names and subjects that look like encoded words,
# 5000-character headers, other scripts) and reads them back with
# Python's email package (policy=email.policy.default), a second MIME
# parser beside Go's: each display name and subject must decode to what
# was typed, with no header defect. Exits 0 with a note when python3 is
# missing.
set -eu
cd "$(dirname "$0")/.."
if ! command -v python3 >/dev/null 2>&1; then
	echo "eml-python-check: no python3, skipped"
	exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
DELEGATE_EML_DIR="$dir" go test ./model/export -run '^TestHeadersRoundTrip$' -count=1 >/dev/null
python3 - "$dir/expect.json" <<'PY'
import email, email.policy, json, sys
bad = known = 0
for c in json.load(open(sys.argv[1])):
    with open(c["file"], "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    got = {"subject": str(m["Subject"]),
           "from": m["From"].addresses[0].display_name,
           "cc": m["Cc"].addresses[0].display_name}
    defects = [(k, d) for k in ("Subject", "From", "Cc") for d in m[k].defects]
    ok = not defects
    for k in ("subject", "from", "cc"):
        if got[k] == c[k]:
            continue
        ok = False
        if k != "subject" and c["python_names"]:
            known += 1
            print(f"KNOWN {c['case']}: {k}: {c['python_names']} (Python's reading; RFC 2047 and Go read it as typed)")
            continue
        bad += 1
        print(f"FAIL {c['case']}: {k} reads {got[k][:60]!r}, typed {c[k][:60]!r}")
    if defects:
        bad += 1
        print(f"FAIL {c['case']}: defects {defects}")
    if ok:
        print(f"ok   {c['case']}")
print(f"python {sys.version.split()[0]}: {bad} problem(s), {known} known difference(s) of Python's display-name reading")
sys.exit(1 if bad else 0)
PY
