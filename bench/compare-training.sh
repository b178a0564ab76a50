#!/usr/bin/env bash
# Training throughput of the Fashion-MNIST MLP (784-256-128-10, batch 128, Adam), DiffGen against PyTorch on the
# same number of threads, measured side by side: ROUNDS alternating runs of each, best per side.
# Needs: apt-get install -y python3-torch libopenblas0-pthread (and dataset-fashion-mnist for the full data;
# without it both sides use the sample's embedded subset).
#   bash bench/compare-training.sh [ROUNDS] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
threads="${2:-2}"
dotnet build bench/DiffGen.Benchmarks.Training -c Release -v q -nologo >/dev/null
ours=bench/DiffGen.Benchmarks.Training/bin/Release/net10.0/DiffGen.Benchmarks.Training.dll
best_ours=0 best_torch=0
for _ in $(seq "$rounds"); do
  o=$(dotnet "$ours" --threads "$threads" --rounds 1 | sed -n 's/^diffgen samples\/s //p')
  t=$(OMP_NUM_THREADS="$threads" /usr/bin/python3 bench/pytorch/mlp_train.py --threads "$threads" --rounds 1 | sed -n 's/^pytorch samples\/s //p')
  best_ours=$(awk -v a="$best_ours" -v b="$o" 'BEGIN { print (b > a ? b : a) }')
  best_torch=$(awk -v a="$best_torch" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
done
uptime
awk -v o="$best_ours" -v t="$best_torch" -v n="$threads" \
  'BEGIN { printf "threads=%d  DiffGen %.0f samples/s  PyTorch %.0f samples/s  ratio %.2fx\n", n, o, t, o / t }'
