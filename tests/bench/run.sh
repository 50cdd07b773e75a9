#!/usr/bin/env bash
# Builds the benchmark kernels natively (clang-14 -O2) and to wasm32-wasi (clang-14 -O2, reactor),
# then runs the harness in Release: native vs this engine vs Node, one table.
# Usage: tests/bench/run.sh [--runs N] [--only fib,sha256] [--skip-node] [--skip-native] [--instantiate-iterations N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
mkdir -p "$out"
kernels=(fib matmul stream nbody mandelbrot sha256 hashtable)
srcs=()
for k in "${kernels[@]}"; do srcs+=("$here/kernels/$k.c"); done
clang-14 -O2 -Wall -Werror -o "$out/kernels-native" "$here/kernels/native_main.c" "${srcs[@]}" -lm
clang-14 --target=wasm32-wasi -O2 -Wall -Werror -fuse-ld=lld -mexec-model=reactor -o "$out/kernels.wasm" "${srcs[@]}" -lm
dotnet run -c Release --project "$here/NomadWasm.Bench/NomadWasm.Bench.csproj" -- --dir "$here" "$@"
