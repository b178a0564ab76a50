#!/usr/bin/env bash
# The runtime on its two package targets, side by side: MatMul GFLOP/s (DiffGen.Benchmarks.Primitives --gflops)
# and the Adam step (DiffGen.Benchmarks.Optimizers --best-of: best of 20 steps at 10M float32), each published
# self-contained for net8.0 and net10.0 (linux-x64), so the net8.0 build runs on the real .NET 8 runtime from
# NuGet's runtime pack even where only .NET 10 is installed. ROUNDS alternating runs; the best GEMM figure per
# size and type is kept (the least disturbed by other load on a shared machine), and the best Adam step.
#   bash bench/compare-targets.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for tfm in net8.0 net10.0; do
  for b in Primitives Optimizers; do
    dotnet publish "bench/DiffGen.Benchmarks.$b" -c Release -f "$tfm" -r linux-x64 --self-contained -v q -nologo \
      -o "$out/$b-$tfm" >/dev/null
  done
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$rounds"); do
  for tfm in net8.0 net10.0; do
    "$out/Primitives-$tfm/DiffGen.Benchmarks.Primitives" --gflops |
      sed -n "s/^n= *\([0-9]*\) *f64 *\([0-9.]*\) *f32 *\([0-9.]*\).*/$tfm \1 \2 \3/p" >>"$out/gemm.log"
    "$out/Optimizers-$tfm/DiffGen.Benchmarks.Optimizers" --best-of |
      sed -n "s/^adam N=[0-9]* best \([0-9.]*\) ms.*/$tfm \1/p" >>"$out/adam.log"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
awk '{ k=$1" "$2; if ($3>f64[k]) f64[k]=$3; if ($4>f32[k]) f32[k]=$4; n[$2]=1 }
     END { printf "%6s %12s %12s %7s %12s %12s %7s\n", "n", "net8.0 f64", "net10.0 f64", "8/10", "net8.0 f32", "net10.0 f32", "8/10";
           for (s in n) printf "%6d %12.1f %12.1f %6.2fx %12.1f %12.1f %6.2fx\n", s, f64["net8.0 "s], f64["net10.0 "s], f64["net8.0 "s]/f64["net10.0 "s],
                                 f32["net8.0 "s], f32["net10.0 "s], f32["net8.0 "s]/f32["net10.0 "s] }' "$out/gemm.log" | sort -n
awk '{ if (!($1 in best) || $2 < best[$1]) best[$1] = $2 }
     END { printf "Adam, 10M float32, best step: net8.0 %.2f ms, net10.0 %.2f ms, net8.0/net10.0 time %.2fx\n",
           best["net8.0"], best["net10.0"], best["net8.0"] / best["net10.0"] }' "$out/adam.log"
