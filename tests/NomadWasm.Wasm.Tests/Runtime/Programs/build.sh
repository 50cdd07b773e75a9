#!/bin/sh
# Builds the runtime test programs (C to wasm32, freestanding) and the native reference values.
set -eu
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -O2 -nostdlib -fuse-ld=lld -mbulk-memory -msign-ext -mnontrapping-fptoint \
  -Wl,--no-entry -Wl,--export-dynamic -o workload.wasm workload.c
