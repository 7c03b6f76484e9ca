#!/usr/bin/env bash
# Installs everything Ladder needs on Debian 12 (as root) and builds it into build/.
# Idempotent: packages already present are skipped, the build is incremental.
#   LADDER_BUILD_DIR   build directory (default: build)
#   LADDER_BUILD_TYPE  CMake build type (default: Release)
#   LADDER_CMAKE_ARGS  extra CMake arguments (e.g. -DLADDER_SANITIZE=ON)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ pkg-config ccache clang-format
  libmicrohttpd-dev zlib1g-dev libcpp-httplib-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3 libpq-dev libsoci-dev postgresql
  libkainjow-mustache-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libgumbo-dev
  libyaml-cpp-dev libcli11-dev libspdlog-dev libfmt-dev libsodium-dev libxlsxwriter-dev
  libzip-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang-14 libclang-rt-14-dev libicu-dev
  wrk nginx-light chromium nodejs npm python3 python3-jsonschema python3-openpyxl python3-yaml
  libtomlplusplus-dev dpkg-dev adduser prometheus-cpp-dev prometheus
  libcurl4-openssl-dev python3-aiosmtpd
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from elsewhere than Debian (e.g. a preinstalled Node): accept the commands.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ -f package.json ]]; then
  if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi

build_dir=${LADDER_BUILD_DIR:-build}
if [[ ! -f $build_dir/build.ninja ]]; then
  # shellcheck disable=SC2086
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${LADDER_BUILD_TYPE:-Release}" \
    ${LADDER_CMAKE_ARGS:-} >/dev/null
fi
cmake --build "$build_dir"
