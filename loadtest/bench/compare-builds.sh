#!/usr/bin/env bash
# Before/after: the same loads against gateways built from two checkouts (e.g. two git worktrees), one after
# the other on 127.0.0.1: gRPC and HTTP open loop at RPS (HTTP with a 64-connection client pool, as SDK
# clients have), then HTTP and gRPC saturation at 64 concurrent calls. Each gateway runs
# loadtest/bench/gateway.yaml against its own mock upstream and is stopped before the next starts.
# Usage: loadtest/bench/compare-builds.sh BEFORE_DIR AFTER_DIR [RPS]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BEFORE_DIR AFTER_DIR [RPS]" >&2; exit 2; }
before="$(cd "$1" && pwd)" after="$(cd "$2" && pwd)" rps="${3:-2000}"

measure() (
  cd "$1"
  source loadtest/bench/lib.sh
  local mock_port=19320 gw=19321
  ./slipstream build >/dev/null
  ./slipstream mock-upstream --port "$mock_port" >"$bench_work/mock.log" 2>&1 & bench_pids+=($!)
  start_gateway "$gw" "$mock_port"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$gw/health" >/dev/null && break; sleep 0.5; done
  warm_up_gateway "$gw" 15
  local auth="{\"authorization\":\"Bearer ${BENCH_KEY}\"}"
  local body='{"model":"mock","max_tokens":64,"messages":[{"role":"user","content":"Slice a 5 BTC buy over the next hour; reply in one sentence."}]}'
  local http=(--http "http://127.0.0.1:$gw/v1/chat/completions" -m "$auth" -d "$body")
  local grpc=(--config loadtest/ghz/complete.json --host "127.0.0.1:$gw" --skipFirst 0)
  summary() { grep -E 'Requests/sec|50 % in|99 % in' | tr -s ' \t\n' ' '; echo; }
  echo "## $1"
  echo -n "gRPC open loop ${rps}/s: "
  timeout 100 ./slipstream loadtest "${grpc[@]}" --rps "$rps" -z 30s --warmup 10s -t 10s 2>/dev/null | summary
  echo -n "HTTP open loop ${rps}/s, 64 connections: "
  timeout 100 ./slipstream loadtest "${http[@]}" --http-connections 64 --rps "$rps" -z 30s --warmup 10s -t 10s \
    2>/dev/null | summary
  echo -n "HTTP saturation, 64 concurrent: "
  timeout 100 ./slipstream loadtest "${http[@]}" --rps 0 -c 64 -z 25s --warmup 5s -t 10s 2>/dev/null | summary
  echo -n "gRPC saturation, 64 concurrent: "
  timeout 100 ./slipstream loadtest "${grpc[@]}" --rps 0 -c 64 -z 25s --warmup 5s -t 10s 2>/dev/null | summary
)

measure "$before"
measure "$after"
