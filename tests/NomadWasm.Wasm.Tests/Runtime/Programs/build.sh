#!/bin/sh
# Builds the runtime test programs (C to wasm32, freestanding) and the native reference values.
set -eu
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -O2 -nostdlib -fuse-ld=lld -mbulk-memory -msign-ext -mnontrapping-fptoint \
  -Wl,--no-entry -Wl,--export-dynamic -o workload.wasm workload.c
python3 gen_big_app.py
clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld -Wl,--strip-debug -o big_app.wasm big_app.c
