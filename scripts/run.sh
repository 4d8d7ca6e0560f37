#!/usr/bin/env bash
# Installs what is missing, builds dermasim (Release) and launches it on the
# bundled default case. Extra arguments go to dermasim.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
exec ./build/dermasim "$@"
