#!/usr/bin/env bash
# GPU check kit (issue 14): publishes bench/DiffGen.GpuCheck self-contained for linux-x64 (the .NET runtime and ILGPU
# inside, no SDK needed on the target), smoke-tests the published binary here on ILGPU's CPU accelerator with quick
# sizes, packs it into one tarball and prints how to run it on a machine with an NVIDIA GPU. The program prints one
# line per item (PASS/FAIL: parity of every optimizer on the device against the CPU path, and the fused-Adam bandwidth
# against a device copy at 10M and 100M parameters) and exits non-zero if any item failed.
#   bash bench/gpu-check.sh [OUTDIR]        (default: out/gpu-check)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/gpu-check}"
rm -rf "$out"
mkdir -p "$out"
dotnet publish bench/DiffGen.GpuCheck -c Release -r linux-x64 --self-contained -v q -nologo -o "$out/DiffGen.GpuCheck" >/dev/null
echo "== smoke test of the published binary on ILGPU's CPU accelerator (--quick) =="
"$out/DiffGen.GpuCheck/DiffGen.GpuCheck" --accelerator cpu --quick
tar -C "$out" -czf "$out/DiffGen.GpuCheck-linux-x64.tar.gz" DiffGen.GpuCheck
cat <<INFO

Published: $out/DiffGen.GpuCheck/ and $out/DiffGen.GpuCheck-linux-x64.tar.gz ($(du -h "$out/DiffGen.GpuCheck-linux-x64.tar.gz" | cut -f1))
On the GPU machine (linux-x64, NVIDIA driver installed; no .NET SDK or CUDA toolkit needed, ILGPU uses the driver):
  tar xzf DiffGen.GpuCheck-linux-x64.tar.gz
  ./DiffGen.GpuCheck/DiffGen.GpuCheck --accelerator cuda      # parity of every optimizer, Adam at 10M and 100M
  ./DiffGen.GpuCheck/DiffGen.GpuCheck --accelerator cuda --quick   # a fast first look (Adam at 1M)
Exit code 0: every item passed; 1: an item failed (its FAIL line says which and by how much); 2: no CUDA device
(--accelerator auto falls back to the CPU accelerator instead).
INFO
