#!/usr/bin/env bash
# Build-time cost of the DiffGen generator and analyzer on a synthetic project (default 200
# [Differentiable] methods, 7 repetitions): cold run, one-method edit (which pipeline steps rerun),
# unrelated edit, analyzer on the whole compilation and on one document. Prints a table in ms.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/DiffGen.Benchmarks.BuildTime -- "${1:-200}" "${2:-7}"
