#!/usr/bin/env bash
# Builds hello.wasm (a WASI preview-1 command module) from hello.c.
set -euo pipefail
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld -Wall -Wextra -Werror hello.c -o hello.wasm
