#!/usr/bin/env bash
# Peer comparison on this machine, in one run: the same mock upstream reached directly, through nginx as a
# plain reverse proxy (the floor for any proxy hop), through Portkey's open-source gateway, and through
# Slipstream's HTTP and gRPC paths (loadtest/bench/gateway.yaml: policy on). The same two loads against each,
# with the same duration: open loop at a fixed rate, then a saturation run (closed loop at a fixed
# concurrency). Everything binds 127.0.0.1 and is stopped on exit; every run is bounded by its duration.
# Prints a Markdown table for docs/benchmarks.md.
# Usage: [TARGET_WARMUP_S=20] [COOL_DOWN_S=15] loadtest/bench/peers.sh [RPS] [SECONDS] [CONCURRENCY] [WARMUP_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source loadtest/bench/lib.sh

rps="${1:-1000}"
seconds="${2:-10}"
concurrency="${3:-64}"
warmup="${4:-5}"
target_warmup="${TARGET_WARMUP_S:-20}"
mock_port=19120 nginx_port=19121 portkey_port=19122 gateway_port=19123
portkey_version=1.15.2
portkey_dir="${SLIPSTREAM_BENCH_CACHE:-$HOME/.cache/slipstream}/portkey-${portkey_version}"
body='{"model":"MODEL","max_tokens":64,"messages":[{"role":"user","content":"Slice a 5 BTC buy over the next hour; reply in one sentence."}]}'

# nginx is the plain-proxy floor; install it the way the test command installs redis-server when missing.
if ! command -v nginx >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "peers.sh: installing nginx (apt)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null
fi
for tool in nginx node npm; do
  command -v "$tool" >/dev/null || { echo "peers.sh: needs $tool (see STACK.md)" >&2; exit 1; }
done

# Portkey, installed once outside the repository (npm's default registry; no lock file is written).
if [ ! -f "$portkey_dir/node_modules/@portkey-ai/gateway/build/start-server.js" ]; then
  echo "installing @portkey-ai/gateway ${portkey_version} into ${portkey_dir}…" >&2
  mkdir -p "$portkey_dir"
  cat >"$portkey_dir/package.json" <<JSON
{ "name": "slipstream-bench-portkey", "private": true,
  "dependencies": { "@portkey-ai/gateway": "${portkey_version}" },
  "overrides": { "@hono/node-server": "1.13.5" } }
JSON
  (cd "$portkey_dir" && timeout 600 npm install --no-package-lock --no-audit --no-fund --loglevel=error)
fi
# Portkey's server listens on every interface; this preload pins its listen() to loopback.
cat >"$bench_work/loopback.mjs" <<'JS'
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number' && typeof rest[0] !== 'string') {
    if (rest[0] === undefined) rest.shift();
    return listen.call(this, port, '127.0.0.1', ...rest);
  }
  return listen.call(this, port, ...rest);
};
JS

# nginx: a plain reverse proxy with upstream keep-alive, run as this user from a temporary prefix.
mkdir -p "$bench_work/nginx/tmp"
cat >"$bench_work/nginx/nginx.conf" <<NGINX
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
worker_processes auto;
pid ${bench_work}/nginx/nginx.pid;
error_log ${bench_work}/nginx/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${bench_work}/nginx/tmp/body;
  proxy_temp_path ${bench_work}/nginx/tmp/proxy;
  fastcgi_temp_path ${bench_work}/nginx/tmp/fastcgi;
  uwsgi_temp_path ${bench_work}/nginx/tmp/uwsgi;
  scgi_temp_path ${bench_work}/nginx/tmp/scgi;
  upstream mock { server 127.0.0.1:${mock_port}; keepalive 256; }
  server {
    listen 127.0.0.1:${nginx_port};
    location / {
      proxy_pass http://mock;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX

./slipstream build
start_mock "$mock_port"
nginx -p "$bench_work/nginx" -c "$bench_work/nginx/nginx.conf" -g 'daemon off;' >"$bench_work/nginx.log" 2>&1 &
bench_pids+=($!)
(cd "$portkey_dir" && exec node --import "$bench_work/loopback.mjs" \
   node_modules/@portkey-ai/gateway/build/start-server.js --port="$portkey_port" --headless) \
   >"$bench_work/portkey.log" 2>&1 &
bench_pids+=($!)
start_gateway "$gateway_port" "$mock_port"
wait_for "http://127.0.0.1:${mock_port}/" "http://127.0.0.1:${nginx_port}/" "http://127.0.0.1:${portkey_port}/" \
  "http://127.0.0.1:${gateway_port}/health"
if ss -ltn 2>/dev/null | awk '{print $4}' | grep -E ":(${mock_port}|${nginx_port}|${portkey_port}|${gateway_port})$" | grep -Ev '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):'; then
  echo "peers.sh: a server listens beyond loopback (above); stopping" >&2
  exit 1
fi

mock_auth='{"authorization":"Bearer unused"}'
portkey_headers="{\"authorization\":\"Bearer unused\",\"x-portkey-provider\":\"openai\",\"x-portkey-custom-host\":\"http://127.0.0.1:${mock_port}/v1\"}"
gateway_auth="{\"authorization\":\"Bearer ${BENCH_KEY}\"}"
results="$bench_work/results.md"

# run_http NAME URL MODEL HEADERS: one row of the table, under the current load.
run_http() {
  local name="$1" url="$2" model="$3" headers="$4"
  row "$name" "${load_args[@]}" -- --http "$url" -m "$headers" -d "${body/MODEL/$model}"
}

# row NAME LOAD… -- TARGET…: runs the runner with a warm-up, bounded in time, and appends a table row.
row() {
  local name="$1" label="$load_label"; shift
  local load=() target=()
  while [ "$1" != "--" ]; do load+=("$1"); shift; done; shift
  target=("$@")
  local report="$bench_work/report.json"
  rm -f "$report"
  timeout $((seconds + warmup + 90)) ./slipstream loadtest "${target[@]}" "${load[@]}" -z "$((seconds + warmup))s" \
    --warmup "${warmup}s" -t 10s -O json -o "$report" >/dev/null 2>"$bench_work/runner.err" || true
  if [ ! -s "$report" ]; then
    echo "| ${name} | ${label} | – | – | – | run failed: $(tail -n1 "$bench_work/runner.err") |" >>"$results"
    return
  fi
  report_row "$name" "$label" "$report" >>"$results"
}

# The JVM and node targets compile their hot paths during the first thousands of calls: one unmeasured
# closed-loop pass over each proxy first, so the first row of the table does not pay for it alone.
warm_up_gateway "$gateway_port" "$target_warmup"
timeout $((target_warmup + 60)) ./slipstream loadtest --http "http://127.0.0.1:${portkey_port}/v1/chat/completions" \
  -m "$portkey_headers" -d "${body/MODEL/mock-model}" --rps 0 -c 16 -z "${target_warmup}s" -t 10s >/dev/null 2>&1 || true

for load in open saturation; do
  if [ "$load" = open ]; then
    load_args=(--rps "$rps"); load_label="open loop ${rps}/s"
  else
    load_args=(--rps 0 -c "$concurrency"); load_label="saturation, ${concurrency} concurrent"
  fi
  run_http "mock directly" "http://127.0.0.1:${mock_port}/v1/chat/completions" mock-model "$mock_auth"
  run_http "nginx (plain proxy)" "http://127.0.0.1:${nginx_port}/v1/chat/completions" mock-model "$mock_auth"
  run_http "Slipstream HTTP" "http://127.0.0.1:${gateway_port}/v1/chat/completions" mock "$gateway_auth"
  row "Slipstream gRPC" "${load_args[@]}" -- --config loadtest/ghz/complete.json --host "127.0.0.1:${gateway_port}" \
    --skipFirst 0
  # Last, then a pause: an overloaded Portkey keeps working through its backlog after the runner gave up,
  # and would take the CPU from whatever row came next.
  run_http "Portkey ${portkey_version}" "http://127.0.0.1:${portkey_port}/v1/chat/completions" mock-model "$portkey_headers"
  sleep "${COOL_DOWN_S:-15}"
done

machine_line
echo
echo "Same mock upstream (no added latency) behind each target; ${seconds} s measured after ${warmup} s warm-up per row;"
echo "open loop at ${rps} req/s (latency from each call's due time), saturation = closed loop with ${concurrency} concurrent calls (HTTP/1.1 connections; gRPC: one HTTP/2 connection)."
echo
echo "| target | load | achieved req/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|"
cat "$results"
