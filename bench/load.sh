#!/usr/bin/env bash
# Load benchmark of the data plane against the loopback upstream simulator, with nginx as the reference
# proxy. See bench/README.md for what is measured and how to read it.
#
#   for p in src/ControlPlane src/DataPlane tests/Simulator bench/Floor; do dotnet build -c Release $p; done
#   bench/load.sh                       # full run, ~6.5 min
#   DURATION=3 WARMUP=1 ROUNDS=1 bench/load.sh  # smoke run, ~1 min
#
# Environment (all optional):
#   DURATION=10        seconds of each measured wrk run
#   WARMUP=5           seconds of wrk against each target before it is measured (JIT, pools, connections)
#   DP_WARMUP=60       seconds of wrk (CONNECTIONS connections) against the data plane once, before any measurement:
#                      the JIT's tiering and dynamic PGO take about a minute on one core (bench/README.md)
#   CONNECTIONS=64     connections of the throughput runs
#   ROUNDS=3           rounds of the throughput runs (nginx, data plane, floors in turn); the report gives each
#                      round and the median, since one pair of runs moves by up to a fifth here (bench/README.md)
#   WRK_THREADS=1      wrk threads (wrk shares its core with the simulator)
#   TTFT_REQUESTS=200  sequential streaming requests per target for time to first token
#   DP_CPU=0           the core for the data plane and nginx (the proxies under test)
#   LOAD_CPU=1         the core for the simulator, wrk and the TTFT client
#   CONFIGURATION=Release
#   BUILD=0            1 builds the three projects first
#   KEEP=0             1 keeps the temp folder (logs, database, nginx config) after the run
#   DP_ARGS=           extra data-plane arguments, e.g. --DataPlane:RecordUsage=false
#   DP_ENV=            extra environment of the data plane and the floors only, e.g. DOTNET_gcServer=0 (DOTNET_*
#                      variables exported to this script reach every process, the simulator included)
#   PROFILE=0          1: after the checks, print the data plane's pid and only run wrk (CONNECTIONS connections)
#                      against it for PROFILE_SECONDS (60) so a profiler can attach; no measurements, no report;
#                      PROFILE_WARMUP=N runs wrk N seconds first, unmeasured (JIT tiering, pools);
#                      PROFILE_TARGET=nginx, floor-httpclient or floor-sockets profiles that process instead
# Targets are 127.0.0.1 only. Every process this script starts is stopped on exit, even on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
DP_WARMUP="${DP_WARMUP:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
ROUNDS="${ROUNDS:-3}"
WRK_THREADS="${WRK_THREADS:-1}"
TTFT_REQUESTS="${TTFT_REQUESTS:-200}"
DP_CPU="${DP_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
CONFIGURATION="${CONFIGURATION:-Release}"
BUILD="${BUILD:-0}"
KEEP="${KEEP:-0}"
export BENCH_KEY="${BENCH_KEY:-plt_bench_0123456789abcdefghijklmnopqrstuvwxyz}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Runtime knobs that change the numbers (DOTNET_ThreadPool_*, DOTNET_gcServer, ...) are part of the command.
dotnet_env="$(env | grep -E '^(DOTNET_|COMPlus_)' | grep -v -E '^DOTNET_(CLI_|NOLOGO=|GENERATE_ASPNET_CERTIFICATE=|SKIP_FIRST_TIME_EXPERIENCE=|ROOT)' | sort | tr '\n' ' ' || true)"
command_line="$(printf '%q ' env $dotnet_env DURATION="$DURATION" WARMUP="$WARMUP" DP_WARMUP="$DP_WARMUP" CONNECTIONS="$CONNECTIONS" ROUNDS="$ROUNDS" WRK_THREADS="$WRK_THREADS" \
  TTFT_REQUESTS="$TTFT_REQUESTS" DP_CPU="$DP_CPU" LOAD_CPU="$LOAD_CPU" DP_ARGS="${DP_ARGS:-}" DP_ENV="${DP_ENV:-}" bench/load.sh)"

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "load.sh: ROUNDS must be a whole number of at least 1, not '$ROUNDS'" >&2; exit 2; }
for tool in dotnet wrk nginx taskset python3 curl; do
  command -v "$tool" >/dev/null || { echo "load.sh: '$tool' is missing (apt-get install -y wrk nginx-light util-linux python3 curl)" >&2; exit 2; }
done
nginx_bin="$(command -v nginx)"

dll() { echo "$root/$1/bin/$CONFIGURATION/net10.0/$2.dll"; }
simulator="$(dll tests/Simulator Platform.Simulator)"
controlplane="$(dll src/ControlPlane Platform.ControlPlane)"
dataplane="$(dll src/DataPlane Platform.DataPlane)"
floor="$(dll bench/Floor Platform.Bench.Floor)"
if [[ "$BUILD" == 1 ]]; then
  for project in src/ControlPlane src/DataPlane tests/Simulator bench/Floor; do
    dotnet build "$project" -c "$CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly
  done
fi
for file in "$simulator" "$controlplane" "$dataplane" "$floor"; do
  [[ -f "$file" ]] || { echo "load.sh: $file is missing; build first (or BUILD=1)" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/platform-bench.XXXXXX")"
chmod 755 "$work"
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive == 0 ]] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [[ "$KEEP" == 1 || $status != 0 ]]; then
    echo "load.sh: logs and data kept in $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
SIM_PORT="$(free_port)"
DP_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
declare -A floor_port=([httpclient]="$(free_port)" [sockets]="$(free_port)") floor_pid=()
ports=("$SIM_PORT" "$DP_PORT" "$NGINX_PORT" "${floor_port[@]}")
[[ "$(printf '%s\n' "${ports[@]}" | sort -u | wc -l)" == "${#ports[@]}" ]] || { echo "load.sh: two free ports collided; run again" >&2; exit 1; }
export SIMULATOR_URL="http://127.0.0.1:$SIM_PORT"

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null --max-time 2 "$2" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "load.sh: $1 did not become ready at $2; see $work/$1.log" >&2
  tail -20 "$work/$1.log" >&2 || true
  return 1
}

echo "==> simulator on 127.0.0.1:$SIM_PORT (core $LOAD_CPU)"
(cd "$root/tests/Simulator" && exec taskset -c "$LOAD_CPU" dotnet "$simulator" --urls="$SIMULATOR_URL") >"$work/simulator.log" 2>&1 &
pids+=("$!")

echo "==> database in $work/data"
mkdir -p "$work/data"
export Database__Provider=Sqlite Database__DataDirectory="$work/data"
dotnet "$controlplane" migrate --Database:DataDirectory="$work/data" >"$work/migrate.log" 2>&1 \
  || { cat "$work/migrate.log" >&2; exit 1; }
dotnet "$controlplane" config apply bench/bench.yaml --allow-plaintext-keys --Database:DataDirectory="$work/data" >"$work/config.log" 2>&1 \
  || { cat "$work/config.log" >&2; exit 1; }

echo "==> data plane on 127.0.0.1:$DP_PORT (core $DP_CPU)"
(cd "$root/src/DataPlane" && exec env ${DP_ENV:-} taskset -c "$DP_CPU" dotnet "$dataplane" --urls="http://127.0.0.1:$DP_PORT" \
  --Database:Provider=Sqlite --Database:DataDirectory="$work/data" --Logging:LogLevel:Default=Warning ${DP_ARGS:-}) >"$work/dataplane.log" 2>&1 &
pids+=("$!")
dataplane_pid="$!"

# The floor: Kestrel forwarding with no product code, once with HttpClient and once with bare sockets (bench/Floor).
for client in "${!floor_port[@]}"; do
  port="${floor_port[$client]}"
  echo "==> floor ($client) on 127.0.0.1:$port (core $DP_CPU)"
  (cd "$root/bench/Floor" && exec env FLOOR_UPSTREAM="$SIMULATOR_URL" FLOOR_CLIENT="$client" ${DP_ENV:-} \
    taskset -c "$DP_CPU" dotnet "$floor" --urls="http://127.0.0.1:$port") >"$work/floor-$client.log" 2>&1 &
  pids+=("$!")
  floor_pid[$client]="$!"
done

echo "==> nginx on 127.0.0.1:$NGINX_PORT (core $DP_CPU)"
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
user_line=""
[[ "$(id -u)" == 0 ]] && user_line="user root;"
cat >"$work/nginx/nginx.conf" <<NGINX
# Generated by bench/load.sh: the reference reverse proxy, one worker, keep-alive to the simulator.
$user_line
daemon off;
master_process on;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/client_body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  keepalive_requests 1000000;
  upstream simulator {
    server 127.0.0.1:$SIM_PORT;
    keepalive 128;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://simulator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_request_buffering off;
    }
  }
}
NGINX
taskset -c "$DP_CPU" "$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/logs/error.log" >"$work/nginx.log" 2>&1 &
pids+=("$!")
nginx_master_pid="$!"

wait_ready simulator "$SIMULATOR_URL/v1/models"
wait_ready dataplane "http://127.0.0.1:$DP_PORT/readyz"
wait_ready nginx "http://127.0.0.1:$NGINX_PORT/v1/models"
for client in "${!floor_port[@]}"; do wait_ready "floor-$client" "http://127.0.0.1:${floor_port[$client]}/readyz"; done

# One call through each path, so a misconfiguration fails here and not as a wall of non-2xx.
check() { # name port model
  local status
  status="$(curl -sS -o "$work/check-$1.json" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$2/v1/chat/completions" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_KEY" \
    -d "{\"model\":\"$3\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in one short sentence.\"}],\"max_tokens\":32}")"
  [[ "$status" == 200 ]] || { echo "load.sh: $1 answered $status: $(cat "$work/check-$1.json")" >&2; exit 1; }
}
check simulator "$SIM_PORT" gpt-4o-mini
check nginx "$NGINX_PORT" gpt-4o-mini
check dataplane "$DP_PORT" route:bench
for client in "${!floor_port[@]}"; do check "floor-$client" "${floor_port[$client]}" gpt-4o-mini; done

if [[ "${PROFILE:-0}" == 1 ]]; then
  case "${PROFILE_TARGET:-dataplane}" in
    dataplane) target_pid="$dataplane_pid" target_port="$DP_PORT" target_model=route:bench ;;
    nginx) target_pid="$(pgrep -P "$nginx_master_pid" | head -1)" target_port="$NGINX_PORT" target_model=gpt-4o-mini ;;
    floor-httpclient | floor-sockets)
      client="${PROFILE_TARGET#floor-}"
      target_pid="${floor_pid[$client]}" target_port="${floor_port[$client]}" target_model=gpt-4o-mini ;;
    *) echo "load.sh: PROFILE_TARGET is dataplane, nginx, floor-httpclient or floor-sockets" >&2; exit 2 ;;
  esac
  echo "$target_pid" >"$work/target.pid"
  echo "==> PROFILE: ${PROFILE_TARGET:-dataplane} pid $target_pid (also in $work/target.pid); wrk, $CONNECTIONS connections, ${PROFILE_SECONDS:-60}s"
  cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$target_pid/stat"; }
  if (( ${PROFILE_WARMUP:-0} > 0 )); then
    echo "    warm-up: ${PROFILE_WARMUP}s, not measured"
    BENCH_MODEL="$target_model" timeout $((PROFILE_WARMUP + 30)) taskset -c "$LOAD_CPU" \
      wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${PROFILE_WARMUP}s" -s bench/chat.lua "http://127.0.0.1:$target_port" >/dev/null 2>&1 || true
  fi
  ticks_before="$(cpu_ticks)"
  BENCH_MODEL="$target_model" timeout $((${PROFILE_SECONDS:-60} + 30)) taskset -c "$LOAD_CPU" \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${PROFILE_SECONDS:-60}s" --latency -s bench/chat.lua "http://127.0.0.1:$target_port" >"$work/wrk-profile.txt" 2>&1
  line="$(grep '^RESULT ' "$work/wrk-profile.txt" | tail -1)"
  echo "$line"
  # CPU time the profiled process used per request: robust to other load on the machine, unlike req/s.
  requests="$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")"
  awk -v t="$(( $(cpu_ticks) - ticks_before ))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "PROFILE target CPU: %.1f s for %d requests = %.0f us/request\n", t / hz, n, (n > 0 ? 1e6 * t / hz / n : 0) }'
  exit 0
fi

declare -A result
# wrk_run label port model connections: warm up, measure, keep the RESULT line's fields as result[label.field].
wrk_run() {
  local label="$1" port="$2" model="$3" connections="$4" threads="$WRK_THREADS" line field
  (( threads > connections )) && threads="$connections"
  echo "    $label: $connections connection(s), ${WARMUP}s warm-up + ${DURATION}s"
  BENCH_MODEL="$model" timeout $((WARMUP + 30)) taskset -c "$LOAD_CPU" \
    wrk -t"$threads" -c"$connections" -d"${WARMUP}s" -s bench/chat.lua "http://127.0.0.1:$port" >/dev/null 2>&1 || true
  BENCH_MODEL="$model" timeout $((DURATION + 30)) taskset -c "$LOAD_CPU" \
    wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s bench/chat.lua "http://127.0.0.1:$port" >"$work/wrk-$label.txt" 2>&1
  line="$(grep '^RESULT ' "$work/wrk-$label.txt" | tail -1)"
  [[ -n "$line" ]] || { echo "load.sh: wrk printed no result for $label" >&2; cat "$work/wrk-$label.txt" >&2; exit 1; }
  for field in ${line#RESULT }; do result["$label.${field%%=*}"]="${field#*=}"; done
  local bad=$(( ${result[$label.non2xx]} + ${result[$label.connect_errors]} + ${result[$label.read_errors]} + ${result[$label.write_errors]} + ${result[$label.timeouts]} ))
  result["$label.errors"]="$bad"
  (( bad == 0 )) || echo "    WARNING: $label had $bad errors or non-2xx answers (see $work/wrk-$label.txt)" >&2
}

ttft_run() { # label port model
  local line field
  echo "    $1: $TTFT_REQUESTS sequential streaming requests"
  line="$(timeout 300 taskset -c "$LOAD_CPU" python3 bench/ttft.py --port "$2" --model "$3" --key "$BENCH_KEY" \
    --requests "$TTFT_REQUESTS" --warmup 50 | grep '^RESULT ' | tail -1)"
  [[ -n "$line" ]] || { echo "load.sh: ttft.py printed no result for $1" >&2; exit 1; }
  for field in ${line#RESULT }; do result["$1.${field%%=*}"]="${field#*=}"; done
}

if (( DP_WARMUP > 0 )); then
  echo "==> data plane warm-up: ${DP_WARMUP}s, $CONNECTIONS connections, not measured"
  BENCH_MODEL=route:bench timeout $((DP_WARMUP + 30)) taskset -c "$LOAD_CPU" \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DP_WARMUP}s" -s bench/chat.lua "http://127.0.0.1:$DP_PORT" >/dev/null 2>&1 || true
fi

echo "==> (a) added latency, 1 connection"
wrk_run direct1 "$SIM_PORT" gpt-4o-mini 1
wrk_run nginx1 "$NGINX_PORT" gpt-4o-mini 1
wrk_run dataplane1 "$DP_PORT" route:bench 1
wrk_run floorHttp1 "${floor_port[httpclient]}" gpt-4o-mini 1
wrk_run floorSockets1 "${floor_port[sockets]}" gpt-4o-mini 1
echo "==> (b) throughput, $CONNECTIONS connections"
wrk_run directN "$SIM_PORT" gpt-4o-mini "$CONNECTIONS"
for round in $(seq "$ROUNDS"); do
  echo "    round $round of $ROUNDS"
  wrk_run "nginxN$round" "$NGINX_PORT" gpt-4o-mini "$CONNECTIONS"
  wrk_run "dataplaneN$round" "$DP_PORT" route:bench "$CONNECTIONS"
  wrk_run "floorHttpN$round" "${floor_port[httpclient]}" gpt-4o-mini "$CONNECTIONS"
  wrk_run "floorSocketsN$round" "${floor_port[sockets]}" gpt-4o-mini "$CONNECTIONS"
done
echo "==> (c) streaming time to first token"
ttft_run ttftDirect "$SIM_PORT" gpt-4o-mini
ttft_run ttftDataplane "$DP_PORT" route:bench

# ---- summary -------------------------------------------------------------------------------------
us() { awk -v v="$1" 'BEGIN { printf "%.0f", v }'; }
diff_us() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.0f", a - b }'; }
verdict() { awk -v v="$1" -v limit="$2" -v dir="$3" 'BEGIN { ok = (dir == "le") ? (v <= limit) : (v >= limit); print ok ? "pass" : "FAIL" }'; }
r() { echo "${result[$1]}"; }
added() { echo "$(diff_us "$(r $1.p50_us)" "$(r direct1.p50_us)") / $(diff_us "$(r $1.p99_us)" "$(r direct1.p99_us)")"; }
# median value...: the middle one, or the mean of the two middle ones.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.6g", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# quotient a b: a / b with two decimals (0 when b is 0).
quotient() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# rounds label field: the field of every throughput round of label, space-separated.
rounds() { local round; for round in $(seq "$ROUNDS"); do printf '%s ' "$(r "$1N$round.$2")"; done; }
# round_ratios label over: label's req/s over over's, round by round (the two ran one after the other).
round_ratios() { local round; for round in $(seq "$ROUNDS"); do printf '%s ' "$(quotient "$(r "$1N$round.rps")" "$(r "$2N$round.rps")")"; done; }
round_errors() { local round sum=0; for round in $(seq "$ROUNDS"); do sum=$(( sum + $(r "$1N$round.errors") )); done; echo "$sum"; }
path_name() {
  case "$1" in
    direct*) echo "simulator direct" ;;
    nginx*) echo "through nginx (reference)" ;;
    dataplane*) echo "through the data plane" ;;
    floorHttp*) echo "floor: Kestrel + HttpClient, no product code" ;;
    floorSockets*) echo "floor: Kestrel + bare sockets, no product code" ;;
  esac
}

added_p50="$(diff_us "$(r dataplane1.p50_us)" "$(r direct1.p50_us)")"
added_p99="$(diff_us "$(r dataplane1.p99_us)" "$(r direct1.p99_us)")"
nginx_added_p50="$(diff_us "$(r nginx1.p50_us)" "$(r direct1.p50_us)")"
nginx_added_p99="$(diff_us "$(r nginx1.p99_us)" "$(r direct1.p99_us)")"
# The rounds are passed unquoted on purpose: median takes one argument per round.
ratio="$(median $(round_ratios dataplane nginx))"
ttft_p50="$(diff_us "$(r ttftDataplane.ttft_p50_us)" "$(r ttftDirect.ttft_p50_us)")"
ttft_p99="$(diff_us "$(r ttftDataplane.ttft_p99_us)" "$(r ttftDirect.ttft_p99_us)")"
cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -1)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p bench/results
report="bench/results/$stamp.md"

{
  echo "# Data-plane load benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| cores (nproc) | $(nproc) |"
  echo "| CPU | ${cpu_model:-unknown} |"
  echo "| memory | $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |"
  echo "| kernel | $(uname -r) |"
  echo "| dotnet | $(dotnet --version) (runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')) |"
  echo "| wrk / nginx | $(wrk -v 2>&1 | head -1 | awk '{ print $2 }') / $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///') |"
  echo "| pinning | data plane and nginx on core $DP_CPU; simulator, wrk and the TTFT client on core $LOAD_CPU |"
  echo "| warm-up | data plane ${DP_WARMUP}s at $CONNECTIONS connections before its first measurement; every run ${WARMUP}s before it is measured |"
  echo "| command | \`$command_line\` |"
  echo
  echo "## (a) Added latency, 1 connection, non-streaming (wrk --latency, ${DURATION}s)"
  echo
  echo "| path | req/s | p50 µs | p90 µs | p99 µs | added p50 / p99 µs | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for label in direct1 nginx1 dataplane1 floorHttp1 floorSockets1; do
    echo "| $(path_name $label) | $(r $label.rps) | $(r $label.p50_us) | $(r $label.p90_us) | $(r $label.p99_us) | $(added $label) | $(r $label.errors) |"
  done
  echo
  echo "Added by the data plane: **p50 $added_p50 µs** (target ≤ 100: $(verdict "$added_p50" 100 le)), **p99 $added_p99 µs** (target ≤ 250: $(verdict "$added_p99" 250 le))."
  echo "Added by nginx on the same path, for reference: p50 $nginx_added_p50 µs, p99 $nginx_added_p99 µs (the floor of the extra hop across cores)."
  echo "The two floor rows are Kestrel forwarding with no product code (bench/Floor): what any data plane on this web stack pays."
  echo
  echo "## (b) Throughput, $CONNECTIONS connections, $WRK_THREADS wrk thread(s), non-streaming (${DURATION}s, $ROUNDS rounds)"
  echo
  echo "Each round measures nginx, the data plane and the two floors in turn; ratios are taken within a round."
  echo
  echo "| path | median req/s | req/s by round | median p50 µs | median p99 µs | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| simulator direct (once) | $(r directN.rps) | | $(r directN.p50_us) | $(r directN.p99_us) | $(r directN.errors) |"
  for label in nginx dataplane floorHttp floorSockets; do
    echo "| $(path_name $label) | $(median $(rounds $label rps)) | $(rounds $label rps) | $(median $(rounds $label p50_us)) | $(median $(rounds $label p99_us)) | $(round_errors $label) |"
  done
  echo
  echo "Data plane / nginx: **$ratio**, the median of $(round_ratios dataplane nginx)(target ≥ 0.33: $(verdict "$ratio" 0.33 ge))."
  echo "Floor / nginx: $(median $(round_ratios floorHttp nginx)) with HttpClient, $(median $(round_ratios floorSockets nginx)) with bare sockets."
  echo "Data plane / floor with HttpClient: $(median $(round_ratios dataplane floorHttp)) (the share of the bare web stack's throughput the product keeps)."
  echo
  echo "## (c) Streaming time to first token, $TTFT_REQUESTS sequential requests on one keep-alive connection"
  echo
  echo "| path | first byte p50 µs | first token p50 µs | p90 µs | p99 µs | failures |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| simulator direct | $(r ttftDirect.ttfb_p50_us) | $(r ttftDirect.ttft_p50_us) | $(r ttftDirect.ttft_p90_us) | $(r ttftDirect.ttft_p99_us) | $(r ttftDirect.failures) |"
  echo "| through the data plane | $(r ttftDataplane.ttfb_p50_us) | $(r ttftDataplane.ttft_p50_us) | $(r ttftDataplane.ttft_p90_us) | $(r ttftDataplane.ttft_p99_us) | $(r ttftDataplane.failures) |"
  echo
  echo "Added to time to first token: **p50 $ttft_p50 µs**, **p99 $ttft_p99 µs** (target p50 ≤ 1000: $(verdict "$ttft_p50" 1000 le))."
} >"$report"

echo
cat "$report"
echo
echo "written to $report"
