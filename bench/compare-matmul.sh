#!/usr/bin/env bash
# MatMul GFLOP/s, ours (SpanOps.MatMul) against torch.matmul/OpenBLAS on 2 threads, measured side by
# side: ROUNDS alternating runs of each, best per size and type (the best is the least disturbed by
# other load on a shared machine), with the load average before and after. Both sides: one untimed
# round, then the best of 5 rounds of 2 GFLOP. torch's calls also pay Python's dispatch (about 0.65 us,
# 6-12% of a call at n = 64, under 2% from n = 128), so a second table compares against OpenBLAS's
# cblas_?gemm called directly from our process, in 3 x ROUNDS alternating windows of 60 ms (best
# windows, and the median of neighbouring windows' ratios; see VersusOpenBlas.cs). Needs:
# apt-get install -y python3-torch libopenblas0-pthread.
#   bash bench/compare-matmul.sh [ROUNDS] [CORETYPE]
# CORETYPE, when given, is passed to OpenBLAS as OPENBLAS_CORETYPE (the runs that call OpenBLAS): SkylakeX selects
# its AVX-512 kernels, which its CPU detection does not pick on every AVX-512 machine (it reports the
# core it used in the first line of the output).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
coretype="${2:-}"
dotnet build bench/DiffGen.Benchmarks.Primitives -c Release -v q -nologo >/dev/null
ours=bench/DiffGen.Benchmarks.Primitives/bin/Release/net10.0/DiffGen.Benchmarks.Primitives.dll
log="$(mktemp)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$rounds"); do
  dotnet "$ours" --gflops | sed -n 's/^n= *\([0-9]*\) *f64 *\([0-9.]*\) *f32 *\([0-9.]*\).*/ours \1 \2 \3/p' >>"$log"
  if [ -n "$coretype" ]; then
    OPENBLAS_CORETYPE="$coretype" /usr/bin/python3 bench/pytorch/matmul.py >"$log.torch"
  else
    /usr/bin/python3 bench/pytorch/matmul.py >"$log.torch"
  fi
  sed -n 's/^n= *\([0-9]*\) *f64 *\([0-9.]*\) *f32 *\([0-9.]*\).*/blas \1 \2 \3/p' "$log.torch" >>"$log"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
head -n 1 "$log.torch"
awk '{ k=$1" "$2; if ($3>f64[k]) f64[k]=$3; if ($4>f32[k]) f32[k]=$4; n[$2]=1 }
     END { printf "%6s %10s %10s %7s %10s %10s %7s\n", "n", "ours f64", "BLAS f64", "ratio", "ours f32", "BLAS f32", "ratio";
           for (s in n) printf "%6d %10.1f %10.1f %6.2fx %10.1f %10.1f %6.2fx\n", s, f64["ours "s], f64["blas "s], f64["ours "s]/f64["blas "s],
                                 f32["ours "s], f32["blas "s], f32["ours "s]/f32["blas "s] }' "$log" | sort -n
rm -f "$log" "$log.torch"
echo
echo "against OpenBLAS called directly (no Python dispatch), $((3 * rounds)) alternating windows:"
if [ -n "$coretype" ]; then
  OPENBLAS_CORETYPE="$coretype" dotnet "$ours" --vs-openblas "$((3 * rounds))"
else
  dotnet "$ours" --vs-openblas "$((3 * rounds))"
fi
