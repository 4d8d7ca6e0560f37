#!/usr/bin/env bash
# kill -9 in a loop during `records add`, `simulate` and an interactive
# attempt (the GUI driven by scripted input, under Xvfb), each run followed by
# PRAGMA integrity_check and a count showing no completed attempt was lost.
#   bash tests/faults/kill_loop.sh BUILD_DIR [RUNS]     (RUNS per phase, default 10)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: kill_loop.sh BUILD_DIR [RUNS]}" && pwd)
runs=${2:-10}
ds=$build/dermasim
scen=$root/scenarios/postpartum_abdomen_rubra.yaml
short=$root/tests/fuzz/corpus/script_text/short_attempt.yaml
work=$(mktemp -d /tmp/dermasim-kill-XXXXXX)
xvfb=""
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
fail() { echo "kill_loop: FAILED: $*"; exit 1; }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] || fail "$1: integrity_check: $(sqlite3 "$1" 'PRAGMA integrity_check' | head -3)"; }
completed() { sqlite3 "$1" "SELECT count(*) FROM attempts WHERE status = 'completed'"; }
pause() { sleep "0.$(printf '%03d' $((RANDOM % ${1:-1000})))"; }
# One X server for the GUI phase, on a free display, so that a kill reaches
# the simulator itself and nothing is left running.
start_x() {
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
  xvfb=$!
  for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=:$(cat "$work/display")
}

"$ds" simulate --scenario "$scen" --script "$short" --out "$work/short.dsrec" >/dev/null || fail "simulate"

# 1. records add: an add that returned 0 before the kill is stored, whatever
# the next kill interrupts.
db=$work/add.db
finished=()
for i in $(seq 1 "$runs"); do
  cp "$work/short.dsrec" "$work/a$i.dsrec"
  "$ds" records add --session "$work/a$i.dsrec" --scenario "$scen" --trainee "t$i" --db "$db" >/dev/null 2>&1 &
  pid=$!
  pause 800
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null && finished+=("t$i")
  [ -f "$db" ] || continue
  integrity "$db"
done
for t in "${finished[@]}"; do
  [ "$(sqlite3 "$db" "SELECT count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE t.name = '$t' AND a.status = 'completed'")" = 1 ] ||
    fail "records add: $t returned 0 but its attempt is not stored"
done
echo "records add: $runs runs killed at random, ${#finished[@]} had finished; integrity ok, $(completed "$db") completed attempts stored, none lost"

# 2. simulate: a recording either is not there or reads back whole.
whole=0
for i in $(seq 1 "$runs"); do
  "$ds" simulate --scenario "$scen" --script "$short" --out "$work/s$i.dsrec" >/dev/null 2>&1 &
  pid=$!
  pause 700
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  if [ -f "$work/s$i.dsrec" ]; then
    "$ds" replay --session "$work/s$i.dsrec" --scenario "$scen" --verify >/dev/null 2>&1 || fail "simulate: s$i.dsrec is damaged"
    whole=$((whole + 1))
  fi
done
echo "simulate: $runs runs killed at random, $whole recordings written, each replays and verifies; the rest left no recording"

# 3. The interactive simulator mid-attempt: every attempt it reported stored
# is stored; journals become interrupted attempts at the next start.
data=$work/gui
db=$work/gui.db
reported=0
start_x
for i in $(seq 1 "$runs"); do
  "$build/dermasim_gui_driver" --data "$data" --db "$db" --seconds 60 --script "$short" >"$work/gui$i.log" 2>&1 &
  pid=$!
  sleep $((3 + RANDOM % 4)).$((RANDOM % 10))
  kill -9 $pid
  wait $pid 2>/dev/null
  n=$(grep -c '^completed' "$work/gui$i.log")
  reported=$((reported + n))
  integrity "$db"
  [ "$(completed "$db")" -ge "$reported" ] || fail "GUI: $reported attempts reported stored, $(completed "$db") in the database"
done
journals=$(find "$data" -name '*.journal' | wc -l)
# One more start recovers the journals the kills left.
"$build/dermasim_gui_driver" --data "$data" --db "$db" --seconds 0 >/dev/null 2>&1
integrity "$db"
[ "$(find "$data" -name '*.journal' | wc -l)" = 0 ] || fail "GUI: journals left after recovery"
interrupted=$(sqlite3 "$db" "SELECT count(*) FROM attempts WHERE status = 'interrupted' AND ended_utc IS NOT NULL")
[ "$interrupted" -ge "$journals" ] || fail "GUI: $journals journals but $interrupted interrupted attempts kept"
echo "GUI: $runs runs killed mid-session, $reported attempts reported stored and $(completed "$db") completed in the database; $interrupted attempts kept as interrupted (each start recovers the journals the last kill left); integrity ok"
echo "kill_loop: passed"
