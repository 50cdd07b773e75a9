#!/usr/bin/env bash
# Builds capabilities.wasm: a WASI reactor core module with the Spin 1.x canonical-ABI exports
# and imports from every legacy Spin interface.
set -euo pipefail
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld -Wall -Wextra -Werror -mexec-model=reactor \
  capabilities.c -o capabilities.wasm
