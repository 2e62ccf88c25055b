#!/usr/bin/env bash
# Runs the whole platform on one machine, on the embedded SQLite default, with the demo tenant:
# the upstream simulator, the data plane and the control plane (API, dashboard, jobs).
# Ctrl-C stops everything. Ports and the data folder can be changed through the environment.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"

export PLATFORM_DATA="${PLATFORM_DATA:-$root/.data}"
SIM_PORT="${SIM_PORT:-5400}"
DATAPLANE_PORT="${DATAPLANE_PORT:-5300}"
CONTROLPLANE_PORT="${CONTROLPLANE_PORT:-5200}"
CONFIGURATION="${CONFIGURATION:-Release}"
export Database__Provider=Sqlite
export Database__DataDirectory="$PLATFORM_DATA"
export SIMULATOR_URL="http://127.0.0.1:$SIM_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$PLATFORM_DATA/logs"

echo "==> building ($CONFIGURATION)"
for project in src/ControlPlane src/DataPlane tests/Simulator; do
  dotnet build "$project" -c "$CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly
done
bin() { echo "$root/$1/bin/$CONFIGURATION/net10.0/$2.dll"; }
controlplane="$(bin src/ControlPlane Platform.ControlPlane)"

echo "==> migrating the database in $PLATFORM_DATA"
dotnet "$controlplane" migrate
echo "==> applying config/demo.yaml"
dotnet "$controlplane" config apply config/demo.yaml --allow-plaintext-keys

pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  exit 0
}
trap stop INT TERM EXIT

start() { # name project-dir dll url
  local name="$1" dir="$2" dll="$3" url="$4"
  (cd "$root/$dir" && exec dotnet "$dll" --urls="$url") >"$PLATFORM_DATA/logs/$name.log" 2>&1 &
  pids+=("$!")
}
start simulator tests/Simulator "$(bin tests/Simulator Platform.Simulator)" "$SIMULATOR_URL"
start dataplane src/DataPlane "$(bin src/DataPlane Platform.DataPlane)" "http://127.0.0.1:$DATAPLANE_PORT"
start controlplane src/ControlPlane "$controlplane" "http://127.0.0.1:$CONTROLPLANE_PORT"

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then echo "    $1 ready"; return 0; fi
    sleep 0.5
  done
  echo "    $1 did not become ready; see $PLATFORM_DATA/logs/$1.log" >&2
  return 1
}
echo "==> starting"
wait_ready simulator "$SIMULATOR_URL/v1/models"
wait_ready dataplane "http://127.0.0.1:$DATAPLANE_PORT/readyz"
wait_ready controlplane "http://127.0.0.1:$CONTROLPLANE_PORT/readyz"

demo_key="$(sed -n 's/^ *key: *\(plt_[A-Za-z0-9_]*\).*/\1/p' config/demo.yaml | head -1)"
cat <<INFO

Platform is running (data in $PLATFORM_DATA, logs in $PLATFORM_DATA/logs).
  Dashboard + control-plane API  http://127.0.0.1:$CONTROLPLANE_PORT   (OpenAPI: /api/v1/openapi.json)
  Data plane (OpenAI-compatible) http://127.0.0.1:$DATAPLANE_PORT/v1
  Upstream simulator             $SIMULATOR_URL
  Demo sign-in                   admin@demo.local / Demo!Passw0rd
  Demo API key                   $demo_key
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}" || true
echo "a process exited unexpectedly; see $PLATFORM_DATA/logs" >&2
exit 1
