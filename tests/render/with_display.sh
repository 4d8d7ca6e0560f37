#!/bin/sh
# Runs a render test on the current X display, or on a private Xvfb when
# there is none. scripts/test.sh runs the whole suite under one Xvfb; giving
# each test its own `xvfb-run -a` races for display numbers under ctest -j.
if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
