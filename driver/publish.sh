#!/usr/bin/env bash
# Publishes the spin driver plugin: one self-contained single-file executable named "spin"
# (Nomad loads plugin_dir/<file> only if the agent config has plugin "<file name>" {}, and
# jobs select the driver by the name PluginInfo reports, also "spin"). The same file is the
# task host: the driver runs it as `spin up ...`.
#
#   driver/publish.sh [output dir] [runtime id]     default: out/plugins linux-x64
#
# Then copy out/plugins/spin into the Nomad client's plugin_dir (chmod 755).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/plugins}"
rid="${2:-linux-x64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish driver/src/NomadWasm.Cli/NomadWasm.Cli.csproj \
  -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true \
  -p:IncludeNativeLibrariesForSelfExtract=true \
  -p:PublishReadyToRun="${READY_TO_RUN:-true}" \
  -p:DebugType=none \
  -o "$work" --nologo -v q

mkdir -p "$out"
install -m 0755 "$work/nomad-wasm" "$out/spin"
size=$(stat -c %s "$out/spin")
echo "published $out/spin ($((size / 1024 / 1024)) MiB, $rid)"
