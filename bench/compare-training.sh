#!/usr/bin/env bash
# Training throughput on Fashion-MNIST (MODEL: mlp, 784-256-128-10, or lenet, LeNet-5; batch 128, Adam), DiffGen
# against PyTorch on the same number of threads, measured side by side: ROUNDS alternating runs of each, best per side.
# PyTorch runs twice: as configured by default (OpenMP and OpenBLAS each with THREADS threads) and with OpenBLAS
# single-threaded inside PyTorch's OpenMP threads, which is much faster on a 2-core machine; the ratio against
# the faster one is the figure that counts.
# Needs: apt-get install -y python3-torch libopenblas0-pthread (and dataset-fashion-mnist for the full data;
# without it both sides use the sample's embedded subset).
#   bash bench/compare-training.sh [ROUNDS] [THREADS] [MODEL] [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
threads="${2:-2}"
model="${3:-mlp}"
steps="${4:-300}"
dotnet build bench/DiffGen.Benchmarks.Training -c Release -v q -nologo >/dev/null
ours=bench/DiffGen.Benchmarks.Training/bin/Release/net10.0/DiffGen.Benchmarks.Training.dll
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b > a ? b : a) }'; }
o=0 t=0 t1=0
uptime
for _ in $(seq "$rounds"); do
  o=$(best "$o" "$(dotnet "$ours" --model "$model" --threads "$threads" --steps "$steps" --rounds 1 | sed -n 's/^diffgen samples\/s //p')")
  t=$(best "$t" "$(OMP_NUM_THREADS="$threads" /usr/bin/python3 bench/pytorch/train.py --model "$model" --threads "$threads" --steps "$steps" --rounds 1 | sed -n 's/^pytorch samples\/s //p')")
  t1=$(best "$t1" "$(OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/pytorch/train.py --model "$model" --threads "$threads" --steps "$steps" --rounds 1 | sed -n 's/^pytorch samples\/s //p')")
done
uptime
awk -v o="$o" -v t="$t" -v t1="$t1" -v n="$threads" -v m="$model" 'BEGIN {
  printf "model=%s threads=%d  DiffGen %.0f samples/s\n", m, n, o
  printf "  PyTorch default threading        %7.0f samples/s  ratio %.2fx\n", t, o / t
  printf "  PyTorch, OpenBLAS single-thread  %7.0f samples/s  ratio %.2fx\n", t1, o / t1 }'
