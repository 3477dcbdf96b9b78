#!/usr/bin/env bash
# Session load+append latency against a loopback redis-server started for the run (no persistence, so the
# figure is the store's own cost), then stops it. Usage: loadtest/bench/sessions.sh [TURNS_PER_S] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."

rps="${1:-1000}"
duration="${2:-30}"
port=16379
work="$(mktemp -d)"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

echo "machine: $(nproc) cores; $(redis-server --version | cut -d' ' -f1-3)"
./slipstream bench-sessions --redis "redis://127.0.0.1:${port}" --rps "$rps" --duration-s "$duration"
