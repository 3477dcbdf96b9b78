#!/usr/bin/env bash
# Gateway overhead over a fast mock upstream, all on loopback: starts the mock and a gateway routed to it
# (loadtest/bench/gateway.yaml: policy on), runs the open-loop benchmark (mock directly, gateway HTTP,
# gateway gRPC), prints a Markdown table, stops both.
# Usage: [GATEWAY_WARMUP_S=20] loadtest/bench/overhead.sh [RPS] [MEASURED_SECONDS] [WARMUP_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source loadtest/bench/lib.sh

rps="${1:-1000}"
duration="${2:-30}"
warmup="${3:-10}"
mock_port=19100
gateway_port=18080

./slipstream build   # once, before anything starts or is timed
start_mock "$mock_port"
start_gateway "$gateway_port" "$mock_port"
wait_for "http://127.0.0.1:${mock_port}/" "http://127.0.0.1:${gateway_port}/health"
warm_up_gateway "$gateway_port" "${GATEWAY_WARMUP_S:-20}"

machine_line
./slipstream bench-overhead --api-key "$BENCH_KEY" --mock-url "http://127.0.0.1:${mock_port}" \
  --gateway-url "http://127.0.0.1:${gateway_port}" --rps "$rps" --duration-s "$duration" --warmup-s "$warmup"
