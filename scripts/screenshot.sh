#!/usr/bin/env bash
# Takes a screenshot of the real Delegate window under Xvfb at 1280x800 and
# fails when the window did not draw (missing window, or one flat colour).
# usage: scripts/screenshot.sh BINARY OUT.png [ENV=VALUE ...]
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
env "$@" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" "$bin" >"$tmp/app.log" 2>&1 &
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
import -window "$id" "$out"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
INNER
chmod +x "$tmp/inner.sh"
mkdir -p "$tmp/home" "$(dirname "$out")"
xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/inner.sh" "$bin" "$out" "$tmp" "$@"
colours=$(convert "$out" -format '%k' info:)
size=$(identify -format '%wx%h' "$out")
if [ "$colours" -lt 16 ]; then
  echo "screenshot: $out has only $colours colours: the window did not draw" >&2
  exit 1
fi
echo "screenshot: $out ($size, $colours colours)"
