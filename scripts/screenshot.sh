#!/usr/bin/env bash
# Takes a screenshot of the real Delegate window under Xvfb at 1280x800 and
# fails when the window did not draw (missing window, or one flat colour).
# usage: scripts/screenshot.sh BINARY OUT.png [ENV=VALUE ...]
# SHOT_XDO drives the window before the final capture, as a user would:
# steps separated by ";", each "click X Y" (window coordinates), "shot NAME"
# (an extra capture as NAME.png next to OUT.png, checked like OUT), "rootshot
# NAME" (the same, of the whole screen: another program's window), "wait S",
# or any xdotool command ("key ctrl+n", "type some text").
# SHOT_HOME keeps the app's home, config and data folders there (default: a
# temporary folder removed at the end), so a caller can check what was saved.
set -euo pipefail
bin=$1 out=$2
shift 2
export LANG=${LANG:-en_US.UTF-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/inner.sh" <<'INNER'
#!/usr/bin/env bash
set -u
bin=$1 out=$2 tmp=$3
shift 3
st=${SHOT_HOME:-$tmp}
env "$@" HOME="$st/home" XDG_CONFIG_HOME="$st/config" XDG_DATA_HOME="$st/data" "$bin" >"$tmp/app.log" 2>&1 &
pid=$!
id=""
for _ in $(seq 1 100); do
  id=$(xwininfo -root -tree 2>/dev/null | awk '/"Delegate"/ {print $1; exit}')
  [ -n "$id" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$id" ]; then
  echo "screenshot: the Delegate window never appeared" >&2
  cat "$tmp/app.log" >&2
  kill "$pid" 2>/dev/null
  exit 1
fi
sleep "${SHOT_DELAY:-3}"
IFS=';' read -ra steps <<<"${SHOT_XDO:-}"
for step in "${steps[@]}"; do
  read -ra w <<<"$step"
  [ ${#w[@]} -eq 0 ] && continue
  case ${w[0]} in
    click) xdotool mousemove --window "$id" "${w[1]}" "${w[2]}" click 1; sleep 1 ;;
    shot) import -window "$id" "$(dirname "$out")/${w[1]}.png"; echo "$(dirname "$out")/${w[1]}.png" >>"$tmp/shots" ;;
    rootshot) import -window root "$(dirname "$out")/${w[1]}.png"; echo "$(dirname "$out")/${w[1]}.png" >>"$tmp/shots" ;;
    wait) sleep "${w[1]}" ;;
    type) xdotool type --delay 20 "${step#*type }"; sleep 0.5 ;;
    *) xdotool "${w[@]}"; sleep 0.7 ;;
  esac
done
import -window "$id" "$out"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
INNER
chmod +x "$tmp/inner.sh"
mkdir -p "$tmp/home" "$(dirname "$out")"
[ -z "${SHOT_HOME:-}" ] || mkdir -p "$SHOT_HOME/home"
export SHOT_HOME
xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/inner.sh" "$bin" "$out" "$tmp" "$@"
check() {
  local colours size
  colours=$(convert "$1" -format '%k' info:)
  size=$(identify -format '%wx%h' "$1")
  if [ "$colours" -lt 16 ]; then
    echo "screenshot: $1 has only $colours colours: the window did not draw" >&2
    exit 1
  fi
  echo "screenshot: $1 ($size, $colours colours)"
}
if [ -f "$tmp/shots" ]; then
  while read -r f; do check "$f"; done <"$tmp/shots"
fi
check "$out"
