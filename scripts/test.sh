#!/usr/bin/env bash
# Installs what is missing, builds dermasim and runs the whole test suite with
# ctest. `--sanitize` builds and runs it under AddressSanitizer and
# UndefinedBehaviorSanitizer instead, in build-sanitize/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

build_dir=build
config=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-sanitize
  config=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DDERMASIM_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi

cmake -S . -B "$build_dir" "${config[@]}"
cmake --build "$build_dir" -j"$(nproc)"

# Rendering tests need an X display; on a headless machine Xvfb provides one
# and Mesa's llvmpipe renders in software.
run=(ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"
else
  "${run[@]}"
fi
