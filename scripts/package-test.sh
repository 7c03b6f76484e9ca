#!/usr/bin/env bash
# Builds the Debian package, installs it on this machine, runs the binary the way the installed
# systemd unit does (its User, WorkingDirectory, Environment and ExecStart, read from the unit),
# checks it serves, and purges the package, checking that nothing is left behind.
# Needs root (dpkg); run by .ci/run after the test suite. Leaves the machine as it found it.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${LADDER_BUILD_DIR:-build}
fail() { echo "package-test: FAIL: $*" >&2; [[ -f ${log:-} ]] && cat "$log" >&2; exit 1; }
[[ $(id -u) == 0 ]] || fail "needs root (dpkg -i)"
[[ $(dpkg-query -W -f='${Status}' ladder 2>/dev/null) == *"install ok installed"* ]] &&
  fail "a ladder package is already installed here; not touching it"

rm -f "$build_dir"/ladder_*.deb
(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls "$build_dir"/ladder_*.deb)
echo "package-test: built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
# Read whole outputs before matching: `producer | grep -q` fails under pipefail when grep stops
# reading early and the producer gets SIGPIPE.
info=$(dpkg-deb --info "$deb")
grep -q "Depends:.*adduser" <<<"$info" || fail "the package does not depend on adduser: $info"
conffiles=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)
grep -qx /etc/ladder/ladder.toml <<<"$conffiles" || fail "/etc/ladder/ladder.toml is not a conffile"

server=""
log=$(mktemp)
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  dpkg --purge ladder >/dev/null 2>&1 || true
  rm -f "$log"
}
trap cleanup EXIT
dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
unit=/lib/systemd/system/ladder.service
[[ -x /usr/bin/ladder && -f $unit && -f /etc/ladder/ladder.toml ]] || fail "files missing after install"
getent passwd ladder >/dev/null || fail "no ladder user after install"

# PostgreSQL support is a module the binary loads when a postgresql:// database is opened, so
# the binary itself does not load libpq (nor libcurl, loaded when a notification is sent).
[[ -f /usr/lib/ladder/ladder-postgres.so ]] || fail "no PostgreSQL module after install"
libraries=$(ldd /usr/bin/ladder)
[[ $libraries != *libpq* && $libraries != *libcurl* ]] || fail "/usr/bin/ladder links libpq or libcurl"
if [[ -n ${LADDER_TEST_POSTGRES:-} ]]; then  # scripts/with-postgres.sh started a server
  /usr/bin/ladder load --database "$LADDER_TEST_POSTGRES" /usr/share/ladder/examples/*.yaml >/dev/null ||
    fail "the installed binary cannot load the examples into PostgreSQL"
  stored=$(/usr/bin/ladder frameworks --database "$LADDER_TEST_POSTGRES")
  [[ $stored == *engineering* ]] || fail "PostgreSQL: the stored frameworks are not listed: $stored"
  echo "package-test: the installed binary stores frameworks in PostgreSQL through its module"
fi
[[ $(stat -c %U:%a /var/lib/ladder) == ladder:750 ]] || fail "state directory: $(stat -c %U:%a /var/lib/ladder)"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
fi

# What the unit says, read from the installed file (one value each; Environment may repeat).
unit_value() { sed -n "s/^$1=//p" "$unit"; }
user=$(unit_value User)
workdir=$(unit_value WorkingDirectory)
read -ra exec_start <<<"$(unit_value ExecStart)"
mapfile -t environment < <(unit_value Environment)
[[ $user == ladder && -n $workdir && ${exec_start[0]} == /usr/bin/ladder ]] || fail "unit: $user $workdir ${exec_start[*]}"

# The service user cannot change its own settings.
setpriv --reuid="$user" --regid="$user" --init-groups sh -c 'test -r /etc/ladder/ladder.toml' ||
  fail "the service user cannot read its settings"
setpriv --reuid="$user" --regid="$user" --init-groups sh -c 'test -w /etc/ladder/ladder.toml' &&
  fail "the service user can write its settings"

# The operator turns metrics on in the settings file, as its comment says.
sed -i 's/^# metrics-token = .*/metrics-token = "package-test-scraper-token"/' /etc/ladder/ladder.toml
grep -q '^metrics-token = ' /etc/ladder/ladder.toml || fail "ladder.toml has no metrics-token line to set"

# Start as the unit would, on a free port (an override the way /etc/default/ladder gives one).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$workdir" && exec setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs \
  env -i PATH=/usr/bin:/bin "${environment[@]}" LADDER_LISTEN="127.0.0.1:$port" LADDER_PUBLIC=1 \
  "${exec_start[@]}") 2>"$log" &
server=$!
for _ in $(seq 400); do grep -q "serving" "$log" && break; sleep 0.05; done
examples=$(find /usr/share/ladder/examples -maxdepth 1 -name '*.yaml' | wc -l)
grep -q "serving $examples frameworks at http://127.0.0.1:$port/" "$log" ||
  fail "the service did not start with the $examples examples"
[[ $(curl -s "http://127.0.0.1:$port/healthz") == *ok* ]] || fail "/healthz"
home=$(curl -s "http://127.0.0.1:$port/")
for f in /usr/share/ladder/examples/*.yaml; do
  name=$(sed -n '/^framework:/,/^[^ ]/s/^  name: *//p' "$f" | head -1)
  grep -qF "$name" <<<"$home" || fail "home page does not list the example '$name'"
done
metrics=$(curl -s -H "Authorization: Bearer package-test-scraper-token" "http://127.0.0.1:$port/metrics")
grep -q '^ladder_http_requests_total{code="200",method="GET",route="/healthz"} ' <<<"$metrics" ||
  fail "/metrics with the token from ladder.toml: $(head -c 300 <<<"$metrics")"
[[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics") == 401 ]] ||
  fail "/metrics without the token"
[[ $(stat -c %U /var/lib/ladder/ladder.db) == ladder ]] || fail "the database is not the service user's"
kill -TERM "$server"
wait "$server" || fail "the service did not stop cleanly on SIGTERM"
server=""
echo "package-test: installed, served as '$user' from $workdir, stopped"

# Purge: files, data, settings and the user are gone.
dpkg --purge ladder >/dev/null || fail "dpkg --purge failed"
for path in /usr/bin/ladder "$unit" /etc/ladder /var/lib/ladder /usr/share/ladder; do
  [[ ! -e $path ]] || fail "$path is left after purge"
done
getent passwd ladder >/dev/null && fail "the ladder user is left after purge"
echo "package-test: ok (purged cleanly)"
