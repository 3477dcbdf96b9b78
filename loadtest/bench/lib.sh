# shellcheck shell=bash
# Shared by the benchmark scripts (source it from the repository root): processes started in the background
# on 127.0.0.1 only, every one stopped when the script exits, however it exits.

# The key of loadtest/bench/gateway.yaml, which the configs in loadtest/ghz/ send.
BENCH_KEY=loadtest-key-0123456789abcdef
bench_work="$(mktemp -d)"
bench_pids=()
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$bench_work"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# start_mock PORT [MockLlmServer options…]
start_mock() {
  local port="$1"; shift
  ./slipstream mock-upstream --port "$port" "$@" >"$bench_work/mock-$port.log" 2>&1 &
  bench_pids+=($!)
}

# start_gateway PORT MOCK_PORT: loadtest/bench/gateway.yaml routed to the mock; sets gateway_pid.
start_gateway() {
  local port="$1" mock_port="$2"
  MOCK_PORT="$mock_port" ./slipstream serve --config loadtest/bench/gateway.yaml --port "$port" \
    >"$bench_work/gateway-$port.log" 2>&1 &
  gateway_pid=$!
  bench_pids+=("$gateway_pid")
}

# wait_for URL…: each answers any HTTP status within 60 s, or the logs are shown and the script fails.
wait_for() {
  local url
  for url in "$@"; do
    local ready=
    for _ in $(seq 1 120); do
      if curl -s -o /dev/null --max-time 1 "$url"; then ready=yes; break; fi
      sleep 0.5
    done
    if [ -z "$ready" ]; then
      echo "$(basename "$0"): $url did not come up; logs:" >&2
      tail -n 30 "$bench_work"/*.log >&2
      exit 1
    fi
  done
}

machine_line() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; JDK: $(./slipstream jdk); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# warm_up_gateway PORT SECONDS: unmeasured closed-loop calls on both of the gateway's paths, so the JIT has
# compiled them before anything is timed.
warm_up_gateway() {
  local port="$1" seconds="$2"
  echo "warming the gateway up (${seconds} s per path)…" >&2
  timeout $((seconds + 60)) ./slipstream loadtest --config loadtest/ghz/complete.json --host "127.0.0.1:${port}" \
    --rps 0 -c 16 -z "${seconds}s" -t 10s >/dev/null 2>&1 || true
  timeout $((seconds + 60)) ./slipstream loadtest --http "http://127.0.0.1:${port}/v1/chat/completions" \
    -m "{\"authorization\":\"Bearer ${BENCH_KEY}\"}" --rps 0 -c 16 -z "${seconds}s" -t 10s \
    -d '{"model":"mock","max_tokens":64,"messages":[{"role":"user","content":"warm-up"}]}' >/dev/null 2>&1 || true
}

# report_row NAME LABEL REPORT.json: a Markdown row (achieved req/s, p50, p99, errors) from a runner's JSON report.
report_row() {
  python3 - "$3" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
lat = {round(p["percentage"], 1): p["latency"] / 1e6 for p in r["latencyDistribution"]}
errors = sum(r["errorDistribution"].values())
kinds = "; ".join(f"{n}× {e[:60]}" for e, n in sorted(r["errorDistribution"].items(), key=lambda x: -x[1])[:2])
dropped = r.get("dropped", 0)
fmt = lambda v: "–" if v is None else f"{v:.2f}"
print(f"| {sys.argv[2]} | {sys.argv[3]} | {r['rps']:.0f} | {fmt(lat.get(50.0))} | {fmt(lat.get(99.0))} | "
      f"{errors}{f' ({kinds})' if errors else ''}{f'; {dropped} dropped' if dropped else ''} |")
PY
}
