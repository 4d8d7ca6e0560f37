#!/usr/bin/env bash
# The soak: the interactive simulator driven by scripted input (attempt after
# attempt of the default case's good script, in real time at 60 frames a
# second) for MINUTES (default 30) under its own Xvfb. Passes when resident
# memory after the warm-up stays within 10% of its value at the end of the
# warm-up and no frame after it takes over 250 ms. Not part of CI.
# The warm-up (6 minutes by default) must cover the first completed attempts,
# every screen visited once and the allocator and driver settled: a 120 s
# warm-up ended before the first attempt finished, and the settling that
# followed (measured with heaptrack: no leak) read as 10.2% growth.
#   bash scripts/soak.sh [MINUTES] [WARMUP_SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
warmup=${2:-360}
[ -x build/dermasim_gui_driver ] || { echo "soak: build first (bash scripts/test.sh builds build/)"; exit 2; }
work=$(mktemp -d /tmp/dermasim-soak-XXXXXX)
xvfb=""
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
build/dermasim_gui_driver --data "$work/data" --seconds $((minutes * 60)) --warmup-s "$warmup" | tee "$work/soak.log" |
  grep -v '^completed'
driver_status=${PIPESTATUS[0]}
result=$(tail -1 "$work/soak.log")
# A driver that stopped early prints its reason, not the figures.
if [ "$driver_status" -ne 0 ] || [ "${result:0:1}" != "{" ]; then
  echo "soak: FAILED: the driver stopped (exit $driver_status) before printing its figures; last line: $result"
  exit 1
fi
python3 - "$result" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
growth = r["rss_mb_max_after_warmup"] / r["rss_mb_at_warmup"] - 1.0
ok = growth <= 0.10 and r["frame_ms_max_after_warmup"] <= 250.0
print("soak: %.0f min, %d attempts, resident memory %.1f MB after warm-up, at most %.1f MB (%+.1f%%), "
      "frames median %.1f ms, p99 %.1f ms, slowest %.1f ms: %s" % (
      r["duration_s"] / 60, r["attempts_completed"], r["rss_mb_at_warmup"], r["rss_mb_max_after_warmup"],
      100 * growth, r["frame_ms_median"], r["frame_ms_p99"], r["frame_ms_max_after_warmup"], "passed" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PY
