#!/usr/bin/env bash
# Soak: a gateway (loadtest/bench/gateway.yaml, policy on) routed to the mock upstream, which fails on a
# wall-clock schedule (the first FAULT_S seconds of every EVERY_S; FAULT_KIND=ERROR answers HTTP 500,
# STALL answers late), under a fixed open-loop rate of gRPC Complete calls for MINUTES. Prints, per 30 s,
# the calls, errors in and outside the injected faults, p50/p99/max; and the gateway's heap after a full GC
# (jcmd GC.run, then /metrics) at the start and at the end. Exit 1 when an error fell outside the faults.
# Usage: [FAULT_KIND=ERROR|STALL] [WARMUP_S=20] loadtest/bench/soak.sh [MINUTES] [RPS] [EVERY_S] [FAULT_S]
set -euo pipefail
cd "$(dirname "$0")/../.."
source loadtest/bench/lib.sh

minutes="${1:-10}"
rps="${2:-1000}"
every="${3:-60}"
fault="${4:-5}"
kind="${FAULT_KIND:-ERROR}"
mock_port=19130 gateway_port=19131

./slipstream build
start_mock "$mock_port" --fault-every-s "$every" --fault-duration-s "$fault" --fault-kind "$kind"
start_gateway "$gateway_port" "$mock_port"
wait_for "http://127.0.0.1:${mock_port}/" "http://127.0.0.1:${gateway_port}/health"
warm_up_gateway "$gateway_port" "${WARMUP_S:-20}"

machine_line
timeout $((minutes * 60 + 180)) ./slipstream loadtest soak --config loadtest/ghz/complete.json \
  --host "127.0.0.1:${gateway_port}" --rps "$rps" -z "${minutes}m" --interval 30s \
  --fault-every-s "$every" --fault-duration-s "$fault" \
  --gateway-metrics "http://127.0.0.1:${gateway_port}/metrics" --gateway-pid "$gateway_pid" 2>/dev/null
