#!/usr/bin/env bash
# Installs the Debian 12 packages dermasim needs, only those missing.
# Runs as root, or through sudo when it is available.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libglm-dev libbullet-dev doctest-dev libyaml-cpp-dev libsqlite3-dev libcurl4-openssl-dev
  libglfw3-dev libimgui-dev python3-glad libgl-dev libsdl2-dev zlib1g-dev
  xvfb xauth libgl1-mesa-dri mesa-utils
  # The xAPI validator test (tests/xapi) runs on Node.js.
  nodejs
  # Fault tests (tests/faults) check databases with the sqlite3 shell; the
  # fuzz targets (scripts/fuzz.sh) build with clang's libFuzzer.
  sqlite3 clang-14 libclang-rt-14-dev
)
# Debian ships npm apart from nodejs; a NodeSource nodejs bundles npm and
# conflicts with Debian's package, so npm is asked for only when missing.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (sudo is not installed)" >&2; exit 1; }
  as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
