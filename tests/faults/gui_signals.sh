#!/usr/bin/env bash
# SIGINT (Ctrl+C), SIGTERM and SIGHUP (the terminal closing, a logout) end the
# interactive simulator cleanly: it leaves its main loop at the next frame,
# says so, and exits 128 + the signal's number, as a shell expects.
#   bash tests/faults/gui_signals.sh BUILD_DIR
set -uo pipefail
build=$(cd "${1:?usage: gui_signals.sh BUILD_DIR}" && pwd)
work=$(mktemp -d /tmp/dermasim-signals-XXXXXX)
xvfb=""
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
fail() { echo "gui_signals: FAILED: $*"; exit 1; }
# Under the sanitizer build, LeakSanitizer reports at exit what SDL's audio
# and game-controller subsystems and the GL driver (loaded at run time) keep;
# that would replace the exit status this test checks. Leaks in our code are
# the render and unit tests' business.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

for sig in INT TERM HUP; do
  "$build/dermasim" gui --data "$work/data" --mute >"$work/$sig.log" 2>&1 &
  pid=$!
  # Wait until the window is up and drawing (the recordings folder appears
  # once the first case is open), then a moment more.
  for _ in $(seq 100); do [ -f "$work/data/progress.db" ] && break; sleep 0.1; done
  sleep 2
  kill -0 $pid 2>/dev/null || fail "the simulator did not start: $(cat "$work/$sig.log")"
  start=$(date +%s%N)
  kill -s $sig $pid
  for _ in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  if kill -0 $pid 2>/dev/null; then
    kill -9 $pid
    fail "SIG$sig: still running 10 s later"
  fi
  wait $pid
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  want=$((128 + $(kill -l $sig)))
  [ $rc = $want ] || fail "SIG$sig: exit $rc, expected $want: $(cat "$work/$sig.log")"
  grep -q "quitting on signal" "$work/$sig.log" || fail "SIG$sig: no message: $(cat "$work/$sig.log")"
  echo "SIG$sig: quit cleanly in $ms ms, exit $rc: $(grep 'quitting' "$work/$sig.log")"
done
echo "gui_signals: passed"
