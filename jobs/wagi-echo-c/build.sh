#!/usr/bin/env bash
# Builds echo.wasm (a WASI preview-1 command module) from echo.c.
set -euo pipefail
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -O2 -fuse-ld=lld -Wall -Wextra -Werror echo.c -o echo.wasm
