#!/usr/bin/env bash
# The terminal matrix: starts each terminal Debian ships that runs under Xvfb (xterm,
# mlterm, kitty, alacritty, konsole), runs `painmap terminal --json`, the explorer
# (`/left temple` Enter) and `painmap show infraspinatus` in it, screenshots both, and
# checks that the body is drawn (its skin tone fills part of the map area) and that the
# terminal logged no graphics error (kitty's "Malformed GraphicsCommand" and the like).
#
#   scripts/terminal-matrix.sh [OUT_DIR]          # default: target/terminal-matrix
#   INSTALL=1 scripts/terminal-matrix.sh          # apt-get install what is missing
#
# Prints a Markdown table (also in OUT_DIR/table.md). Exit status: 0 when every terminal
# that started passed, 1 when one failed, 2 when none could start (no Xvfb).
# Needs: Xvfb, xdotool, ImageMagick (import, convert), python3.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/terminal-matrix}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# The binary of this checkout, built now (never a stale one left in target/).
if [ -z "${PAINMAP_BIN:-}" ]; then
  cargo build -q --bin painmap
  PAINMAP_BIN=$PWD/target/debug/painmap
fi
BIN=$PAINMAP_BIN

TERMINALS=${TERMINALS:-"xterm mlterm kitty alacritty konsole"}
need() { command -v "$1" >/dev/null 2>&1; }
if [ "${INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
  missing=""
  for t in $TERMINALS xdotool; do need "$t" || missing="$missing $t"; done
  need Xvfb || missing="$missing xvfb"
  need import || missing="$missing imagemagick"
  if [ -n "$missing" ]; then
    apt-get update -qq >/dev/null 2>&1
    for p in $missing; do
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" \
        >/dev/null 2>&1 || echo "note: $p could not be installed" >&2
    done
  fi
fi
need Xvfb && need xdotool && need import || { echo "needs Xvfb, xdotool and ImageMagick" >&2; exit 2; }

DISPLAY_NO=${DISPLAY_NO:-93}
export DISPLAY=:$DISPLAY_NO
Xvfb "$DISPLAY" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null' EXIT
sleep 1

# The share of "skin" pixels in the left 40% of the picture (the body map's side) or the
# whole picture (show): reddish light tones, the picture's skin (241,220,203) and the
# 256-colour palette's 180 (215,175,135) alike.
skin_share() { # FILE LEFT_FRACTION
  python3 - "$1" "$2" <<'PY'
import subprocess, sys
f, frac = sys.argv[1], float(sys.argv[2])
w, h = map(int, subprocess.check_output(["identify", "-format", "%w %h", f]).split())
cw = max(1, int(w * frac))
raw = subprocess.check_output(["convert", f, "-crop", f"{cw}x{h}+0+0", "-depth", "8", "rgb:-"])
n = len(raw) // 3
skin = 0
for i in range(0, len(raw), 3):
    r, g, b = raw[i], raw[i + 1], raw[i + 2]
    if r >= 170 and r - b >= 25 and r >= g >= b:
        skin += 1
print(f"{100 * skin / max(n, 1):.1f}")
PY
}

# Starts terminal $1 running the shell script $2; its stderr goes to $3.
launch() {
  local t=$1 script=$2 log=$3
  local env=(env LANG=C.UTF-8 COLORTERM=truecolor PAINMAP_MATRIX=1)
  case $t in
    # xterm drops a sixel picture over its maxGraphicSize (1000x1000 by default): raised
    # here as a user would in ~/.Xresources; see the README.
    xterm) "${env[@]}" xterm -ti vt340 -tn xterm-256color -xrm 'XTerm*maxGraphicSize: 2400x2400' -fa 'DejaVu Sans Mono' -fs 11 \
             -geometry 120x40+0+0 -e sh "$script" >/dev/null 2>"$log" & ;;
    mlterm) "${env[@]}" mlterm -g 120x40+0+0 -e sh "$script" >/dev/null 2>"$log" & ;;
    kitty) "${env[@]}" kitty -o initial_window_width=120c -o initial_window_height=40c \
             -o remember_window_size=no sh "$script" >/dev/null 2>"$log" & ;;
    alacritty) "${env[@]}" alacritty -o window.dimensions.columns=120 \
             -o window.dimensions.lines=40 -e sh "$script" >/dev/null 2>"$log" & ;;
    konsole) "${env[@]}" konsole --nofork -p TerminalColumns=120 -p TerminalRows=40 \
             -e sh "$script" >/dev/null 2>"$log" & ;;
  esac
  echo $!
}

rows=()
failed=0
started=0
for t in $TERMINALS; do
  if ! need "$t"; then
    rows+=("| $t | not installed | | | | | skipped |")
    continue
  fi
  ver=$("$t" --version 2>/dev/null | head -1 | tr -d '|' | cut -c1-40)
  [ -z "$ver" ] && ver=$("$t" -v 2>&1 | head -1 | tr -d '|' | cut -c1-40)
  script="$OUT/$t.sh"
  cat >"$script" <<SH
"$BIN" terminal --json >"$OUT/$t.json" 2>"$OUT/$t.painmap.err"
"$BIN" 2>>"$OUT/$t.painmap.err"
"$BIN" show infraspinatus --tp infraspinatus-main 2>>"$OUT/$t.painmap.err"
sleep 30
SH
  pid=$(launch "$t" "$script" "$OUT/$t.log")
  sleep 4
  win=$(xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
  [ -z "$win" ] && win=$(xdotool getactivewindow 2>/dev/null)
  if ! kill -0 "$pid" 2>/dev/null || [ -z "$win" ]; then
    rows+=("| $t | $ver | did not start | | | | skipped |")
    kill "$pid" 2>/dev/null
    continue
  fi
  started=$((started + 1))
  # Typed through XTEST into the focused window: xterm ignores sent events.
  xdotool windowactivate "$win" >/dev/null 2>&1
  xdotool windowfocus "$win" >/dev/null 2>&1
  xdotool type --delay 40 "/left temple" 2>/dev/null
  xdotool key Return 2>/dev/null
  sleep 3
  import -window root "$OUT/$t-explorer.png"
  xdotool key q 2>/dev/null
  sleep 4
  import -window root "$OUT/$t-show.png"
  kill "$pid" 2>/dev/null
  sleep 1
  chose=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['graphics'] + ' / ' + d['glyphs'] + ' (' + d['terminal'] + ' ' + (d['version'] or '?') + ')')" "$OUT/$t.json" 2>/dev/null || echo "?")
  ex=$(skin_share "$OUT/$t-explorer.png" 0.4)
  sh=$(skin_share "$OUT/$t-show.png" 1.0)
  errors=$(grep -ciE 'malformed|graphicscommand|invalid key|error' "$OUT/$t.log" "$OUT/$t.painmap.err" 2>/dev/null | awk -F: '{s+=$NF} END {print s+0}')
  verdict=pass
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 2 and float(sys.argv[2]) >= 2 else 1)" "$ex" "$sh"; then :; else verdict=FAIL; fi
  [ "$errors" -gt 0 ] && verdict=FAIL
  [ "$verdict" = FAIL ] && failed=1
  rows+=("| $t | $ver | $chose | $ex % | $sh % | $errors | $verdict |")
done

{
  echo "| terminal | version | painmap chose (graphics / glyphs) | skin, explorer map | skin, show | errors logged | result |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$OUT/table.md"
[ "$started" -eq 0 ] && exit 2
exit $failed
