#!/usr/bin/env bash
# Runs every shipped ghz config (loadtest/ghz/*.json) as it is — its rate, duration, warm-up and deadline —
# against a gateway from loadtest/bench/gateway.yaml routed to the mock upstream, all on 127.0.0.1, and
# prints a Markdown table. Only the host is replaced (the script's ports); the session-turn config's data
# file is written first by `loadtest sessions`.
# Usage: loadtest/bench/configs.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source loadtest/bench/lib.sh

mock_port=19150 gateway_port=19151
./slipstream build
start_mock "$mock_port"
start_gateway "$gateway_port" "$mock_port"
wait_for "http://127.0.0.1:${mock_port}/" "http://127.0.0.1:${gateway_port}/health"
warm_up_gateway "$gateway_port" "${WARMUP_S:-20}"
./slipstream loadtest sessions --config loadtest/ghz/session-turn.json --host "127.0.0.1:${gateway_port}" \
  --count 500 2>/dev/null

machine_line
echo
echo "| config | load | achieved req/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|"
for config in loadtest/ghz/complete.json loadtest/ghz/stream-complete.json loadtest/ghz/session-turn.json \
              loadtest/ghz/execution-decision.json; do
  report="$bench_work/report.json"
  rm -f "$report"
  load=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print("open loop %s/s, %s, first %s calls left out" % (c["rps"], c["duration"], c["skipFirst"]))' "$config")
  timeout 300 ./slipstream loadtest --config "$config" --host "127.0.0.1:${gateway_port}" -O json -o "$report" \
    >/dev/null 2>"$bench_work/runner.err" || true
  if [ -s "$report" ]; then
    report_row "$(basename "$config")" "$load" "$report"
  else
    echo "| $(basename "$config") | ${load} | – | – | – | run failed: $(tail -n1 "$bench_work/runner.err") |"
  fi
done
