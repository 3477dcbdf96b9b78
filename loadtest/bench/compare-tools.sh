#!/usr/bin/env bash
# Checks the load runner's numbers against wrk and h2load on the same target: the mock upstream's
# POST /v1/chat/completions over HTTP/1.1 with a fixed reply latency, closed loop, the same connections and
# duration for each tool, one after another. Prints a Markdown table (throughput, p50, p99) and each
# figure's deviation from the mean of wrk and h2load, against the tolerance stated below; exit 1 when a
# figure is outside it. With the mock's latency the tools measure the same target instead of racing each
# other for the two cores (with MOCK_LATENCY_MS=0 the run compares the generators' own CPU efficiency).
# Usage: [MOCK_LATENCY_MS=10] loadtest/bench/compare-tools.sh [CONCURRENCY] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source loadtest/bench/lib.sh

concurrency="${1:-20}"
seconds="${2:-15}"
mock_port=19110
mock_latency_ms="${MOCK_LATENCY_MS:-10}"
url="http://127.0.0.1:${mock_port}/v1/chat/completions"
# Tolerance, relative to the mean of the two reference tools: throughput ±15 %, p50 ±25 % (or ±0.1 ms),
# p99 ±50 % (or ±1 ms): the tail of a 2-core machine shared by the target and the generator is noisy.
tol_rps=15 tol_p50=25 tol_p50_abs=0.1 tol_p99=50 tol_p99_abs=1.0

command -v wrk >/dev/null && command -v h2load >/dev/null || { echo "compare-tools.sh: needs wrk and h2load" >&2; exit 1; }
./slipstream build
start_mock "$mock_port" --latency-ms "$mock_latency_ms"
wait_for "http://127.0.0.1:${mock_port}/"

body='{"model":"mock-model","max_tokens":64,"messages":[{"role":"user","content":"Slice a 5 BTC buy over the next hour; reply in one sentence."}]}'
printf '%s' "$body" >"$bench_work/body.json"
cat >"$bench_work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.body = [[$body]]
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f\n", summary.requests / (summary.duration / 1e6),
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA

echo "warming the mock up (wrk, 5 s)…" >&2
wrk -t2 -c"$concurrency" -d5s -s "$bench_work/post.lua" "$url" >/dev/null

read -r _ wrk_rps wrk_p50 wrk_p99 < <(wrk -t2 -c"$concurrency" -d"${seconds}s" -s "$bench_work/post.lua" "$url" | grep '^RESULT')

# h2load prints no percentiles: they come from its per-request log (elapsed µs in the third column).
h2load --h1 -c"$concurrency" -m1 -t1 -D "$seconds" --warm-up-time=2 -d "$bench_work/body.json" \
  -H 'content-type: application/json' --log-file="$bench_work/h2load.log" "$url" >"$bench_work/h2load.out"
h2_rps=$(sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p' "$bench_work/h2load.out")
read -r h2_p50 h2_p99 < <(cut -f3 "$bench_work/h2load.log" | sort -n | awk '{ v[NR] = $1 } END {
  printf "%.3f %.3f\n", v[int(NR * 0.50)] / 1000, v[int(NR * 0.99)] / 1000 }')

# The runner: its own JVM warms up in the first calls, left out with --skipFirst.
./slipstream loadtest --http "$url" -D "$bench_work/body.json" --rps 0 -c "$concurrency" -z "$((seconds + 5))s" \
  --warmup 5s -O json -o "$bench_work/runner.json" 2>/dev/null
read -r run_rps run_p50 run_p99 < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
lat = {round(p["percentage"], 1): p["latency"] / 1e6 for p in r["latencyDistribution"]}
print("%.1f %.3f %.3f" % (r["rps"], lat[50.0], lat[99.0]))' "$bench_work/runner.json")

machine_line
echo
echo "Closed loop, ${concurrency} connections (HTTP/1.1, one request at a time each), ${seconds} s measured; mock upstream POST /v1/chat/completions answering after ${mock_latency_ms} ms."
echo
echo "| tool | req/s | p50 ms | p99 ms |"
echo "|---|---|---|---|"
echo "| wrk 4 (-t2 -c${concurrency}) | ${wrk_rps} | ${wrk_p50} | ${wrk_p99} |"
echo "| h2load --h1 (-c${concurrency} -m1) | ${h2_rps} | ${h2_p50} | ${h2_p99} |"
echo "| slipstream loadtest --http (-c${concurrency}) | ${run_rps} | ${run_p50} | ${run_p99} |"
echo
python3 - "$wrk_rps" "$h2_rps" "$run_rps" "$wrk_p50" "$h2_p50" "$run_p50" "$wrk_p99" "$h2_p99" "$run_p99" \
  "$tol_rps" "$tol_p50" "$tol_p50_abs" "$tol_p99" "$tol_p99_abs" <<'PY'
import sys
v = [float(x) for x in sys.argv[1:]]
checks = [("throughput", v[0:3], v[9], 0.0), ("p50", v[3:6], v[10], v[11]), ("p99", v[6:9], v[12], v[13])]
ok = True
for name, (wrk, h2, runner), pct, absolute in checks:
    reference = (wrk + h2) / 2
    deviation = 100 * (runner - reference) / reference
    within = abs(deviation) <= pct or abs(runner - reference) <= absolute
    ok &= within
    print(f"- {name}: runner {runner:g} vs reference {reference:g} (mean of wrk and h2load): {deviation:+.1f} % "
          f"(tolerance ±{pct:g} %{f' or ±{absolute:g} ms' if absolute else ''}): {'within' if within else 'OUTSIDE'}")
sys.exit(0 if ok else 1)
PY
