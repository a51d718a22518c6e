#!/usr/bin/env bash
# End-to-end check of the submission package, as a new user would do it:
# a sample workspace, five approved comments and one approved Opinion
# amendment, export; then LibreOffice converts contribution.docx to PDF,
# pdftotext checks its text (revisions included), the package verifies and
# stops verifying after one byte of the zip is changed.
#
#   scripts/e2e-export.sh BIN_DIR            # BIN_DIR holds delegatectl
#   SCREENSHOT=1 scripts/e2e-export.sh BIN_DIR   # also refresh docs/screenshots/contribution-page1.png
#
# Needs: libreoffice (libreoffice-writer-nogui), pdftotext and pdftoppm (poppler-utils).
set -euo pipefail

BIN_DIR=${1:?usage: scripts/e2e-export.sh BIN_DIR}
CTL="$(cd "$BIN_DIR" && pwd)/delegatectl"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export DELEGATE_WORKSPACE="$WORK/ws" LANG=${LANG:-C.UTF-8}
fail() { echo "e2e-export: FAIL: $*" >&2; exit 1; }
step() { echo "e2e-export: $*"; }

for tool in libreoffice pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install libreoffice-writer-nogui poppler-utils)"
done

step "sample workspace"
"$CTL" init --user-name "Amélie Dœ" --user-email amelie@xyz.example --entity "République de Xyz" --country Xyz >/dev/null
"$CTL" draft import "$ROOT/assets/samples/draft2.docx" >/dev/null

ids=()
add() { ids+=("$("$CTL" comment add "$@" | awk '{print $3}')"); }
add --para "§1.1 ¶3" --kind general --body "The report should explain how the comments of experts and of the public consultation are weighed."
add --para 12 --quote "older persons" --kind substantive --action MOD --existing "older persons, persons with disabilities" \
    --proposed "older persons, women in rural areas, persons with disabilities" --reasons "Rural women face the widest gap." --body "Name rural women."
add --para 20 --quote "engineering and computer science" --kind editorial --action MOD --existing "engineering and computer science" \
    --proposed "science, technology, engineering and mathematics" --reasons "Use the common term STEM covers." --body "Broaden the fields."
add --para 78 --quote "roaming between networks" --kind substantive --action ADD \
    --proposed "and the priority restoration of power to telecommunication sites" --reasons "Power cuts are the first cause of outages." --body "Add power."
add --para "§2.3 ¶29" --kind question --body "Which of these approaches has been evaluated, and with what results?"

cat > "$WORK/op3.toml" <<'TOML'
amends = 3
title = "Resilience of telecommunications/ICTs"
sub_theme = 3
reasons = "Plans only help if they are tested; routes need diversity on land as well as at sea."

[[preamble]]
keyword = "considering"
items = [
  "that societies depend on telecommunications/ICTs for public safety, economic activity and public services",
  "that natural hazards, technical failures and deliberate attacks can disrupt networks and services",
  "that climate change is increasing the frequency and intensity of some hazards",
]

[[preamble]]
keyword = "recognizing"
items = [
  "that small island developing States and landlocked developing countries are particularly exposed to disruption of international connectivity",
  "that the timely repair of submarine cables requires cooperation among many actors",
]

[[operative]]
heading = "is of the view"
[[operative.items]]
text = "that national resilience frameworks should be based on an assessment of risks and of the criticality of networks"
[[operative.items]]
text = "that international cooperation can strengthen resilience, including through mutual assistance and the exchange of good practice"

[[operative]]
heading = "invites"
addressee = "Member States"
[[operative.items]]
text = "to develop, regularly test and update national emergency telecommunication plans"
[[operative.items]]
text = "to facilitate the repair of submarine cables, including through timely issuing of permits"
[[operative.items]]
text = "to consider measures that ensure diversity of routes for critical international and terrestrial links"
TOML
ids+=("$("$CTL" opinion add "$WORK/op3.toml" | awk '{print $4}')")
for id in "${ids[@]}"; do
  "$CTL" edit "$id" --status ready-for-review >/dev/null
  "$CTL" edit "$id" --status approved >/dev/null
done

step "export (${#ids[@]} items)"
COVER=(--title "Comments on the 2nd draft of the Secretary-General's report" \
  --summary "République de Xyz comments on sub-themes 1 and 3 and proposes amendments to draft Opinion 3." \
  --action-required "The IEG is invited to consider this contribution." --now 2024-12-10)
"$CTL" export --out "$WORK/dry1" --dry-run "${COVER[@]}" >/dev/null
"$CTL" export --out "$WORK/dry2" --dry-run "${COVER[@]}" >/dev/null
cmp "$WORK"/dry1/*.zip "$WORK"/dry2/*.zip || fail "two exports of the same commit differ"
"$CTL" export --out "$WORK/out" --clean-copy "${COVER[@]}"
ZIP=$(ls "$WORK"/out/*.zip)
"$CTL" list | grep -c submitted | grep -qx "${#ids[@]}" || fail "items not marked submitted"
git -C "$DELEGATE_WORKSPACE" tag | grep -qx "$(basename "$ZIP" .zip)" || fail "no tag for the package"

step "message.eml"
EML="$WORK/out/message.eml"
grep -q '^To: <wtpf@itu.int>' "$EML" || fail "message.eml is not to wtpf@itu.int"
grep -q '^X-Unsent: 1' "$EML" || fail "message.eml has no X-Unsent: 1"
grep -q 'filename="contribution.docx"' "$EML" || fail "message.eml has no attachment"

step "LibreOffice: contribution.docx -> PDF"
LO_PROFILE=$(mktemp -d)
libreoffice --headless "-env:UserInstallation=file://$LO_PROFILE" --convert-to pdf --outdir "$WORK/pdf" \
  "$WORK/out/contribution.docx" >/dev/null 2>&1 || fail "LibreOffice could not convert contribution.docx"
rm -rf "$LO_PROFILE"
PDF="$WORK/pdf/contribution.pdf"
[ -s "$PDF" ] || fail "no PDF"
TEXT=$(pdftotext "$PDF" - | tr -s " \n" "  ")
for want in "Source:" "République de Xyz" "Summary:" "Action required:" "References:" "Original: English" \
  "Specific comments" "women in rural areas" "priority restoration of power" "DRAFT OPINION 3" "regularly test" "considering"; do
  grep -qF "$want" <<<"$TEXT" || fail "the PDF lacks \"$want\""
done
step "PDF has $(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages:/{print $2}') pages"

if [ -n "${SCREENSHOT:-}" ]; then
  pdftoppm -png -r 80 -f 1 -l 1 "$PDF" "$WORK/page"
  mkdir -p "$ROOT/docs/screenshots"
  cp "$WORK"/page-*1.png "$ROOT/docs/screenshots/contribution-page1.png"
  pdftoppm -png -r 80 -f 2 -l 2 "$PDF" "$WORK/page2" && cp "$WORK"/page2-*2.png "$ROOT/docs/screenshots/contribution-page2.png"
  step "wrote docs/screenshots/contribution-page1.png and contribution-page2.png"
fi

step "package verify"
"$CTL" package verify "$ZIP" >/dev/null || fail "the package does not verify"
BAD="$WORK/tampered.zip"
cp "$ZIP" "$BAD"
SIZE=$(stat -c %s "$BAD")
printf '\x58' | dd of="$BAD" bs=1 seek=$((SIZE / 2)) conv=notrunc status=none
cmp -s "$ZIP" "$BAD" && printf '\x59' | dd of="$BAD" bs=1 seek=$((SIZE / 2)) conv=notrunc status=none
if "$CTL" package verify "$BAD" >/dev/null 2>&1; then fail "a package with one byte changed verified"; fi

step "package import into a coordinator's workspace"
DELEGATE_WORKSPACE="$WORK/coord" "$CTL" init --user-name "Kofi Mensah" --user-email kofi@xyz.example --entity "République de Xyz" >/dev/null
DELEGATE_WORKSPACE="$WORK/coord" "$CTL" package import "$ZIP" | grep -q "imported 5 comments and 1 Opinion" || fail "import"
step "OK"
