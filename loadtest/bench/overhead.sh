#!/usr/bin/env bash
# Gateway overhead over a fast mock upstream, all on loopback: starts the mock and a gateway routed to it,
# runs the open-loop benchmark (mock directly, gateway HTTP, gateway gRPC), prints a Markdown table, stops
# both. Usage: loadtest/bench/overhead.sh [RPS] [MEASURED_SECONDS] [WARMUP_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."

rps="${1:-1000}"
duration="${2:-30}"
warmup="${3:-10}"
mock_port=19100
gateway_port=18080
api_key="bench-key-$(date +%s%N)"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Policy on, as in production: a key with request and token limits and a budget (so every call is
# tokenized, admitted and settled), a price for the model, metrics and the request log.
cat > "$work/slipstream.yaml" <<YAML
auth:
  api_keys:
    - id: bench
      key: ${api_key}
      tenant: bench
      limits:
        requests_per_minute: 10000000
        tokens_per_minute: 10000000000
      budget:
        daily_micros_usd: 1000000000000
providers:
  - name: mock
    kind: openai-compatible
    base_url: http://127.0.0.1:${mock_port}/v1
models:
  - alias: mock
    provider: mock
    model: mock-model
pricing:
  - model: mock
    input: 150000
    output: 600000
YAML

./slipstream build   # once, before anything starts or is timed
./slipstream mock-upstream --port "$mock_port" >"$work/mock.log" 2>&1 & pids+=($!)
./slipstream serve --config "$work/slipstream.yaml" --port "$gateway_port" >"$work/gateway.log" 2>&1 & pids+=($!)
ready=
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:${gateway_port}/health" >/dev/null &&
     curl -s -o /dev/null "http://127.0.0.1:${mock_port}/"; then ready=yes; break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "overhead.sh: the mock or the gateway did not start; their logs:" >&2
  cat "$work/mock.log" "$work/gateway.log" >&2
  exit 1
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; JDK: $(./slipstream jdk)"
./slipstream bench-overhead --api-key "$api_key" --mock-url "http://127.0.0.1:${mock_port}" \
  --gateway-url "http://127.0.0.1:${gateway_port}" --rps "$rps" --duration-s "$duration" --warmup-s "$warmup"
