#!/usr/bin/env bash
# Builds hello.wasm: a core module (WASI reactor) with the Spin 1.x canonical-ABI exports.
set -euo pipefail
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld -Wall -Wextra -Werror -mexec-model=reactor hello.c -o hello.wasm
