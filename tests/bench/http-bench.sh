#!/usr/bin/env bash
# HTTP throughput: hello-world Wagi and Spin 1.x apps under nomad-wasm up vs a bare Kestrel
# endpoint returning the same bytes, measured with wrk on loopback in one run.
# Options: --duration <s> (default 10) --connections <n> (32) --threads <n> (2) --rounds <n> (2)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
exec dotnet run -c Release --project tests/bench/NomadWasm.HttpBench -- "$@"
