#!/usr/bin/env python3
"""torch.matmul GFLOP/s at the sizes of bench/DiffGen.Benchmarks.Primitives, on 2 threads.

The baseline for SpanOps.MatMul: Debian's python3-torch calls OpenBLAS (libopenblas0-pthread) for
CPU GEMM. Install: apt-get install -y python3-torch libopenblas0-pthread; run with the system python:
    /usr/bin/python3 bench/pytorch/matmul.py
OPENBLAS_CORETYPE=SkylakeX selects OpenBLAS's AVX-512 kernels where its CPU detection does not.
Each size: one untimed round, then the best of 5 rounds of repeated C = A @ B (2 GFLOP per round),
GFLOP/s = 2 n^3 / time: the scheme of our side (DiffGen.Benchmarks.Primitives --gflops). Each call
here also pays Python's and torch's dispatch, about 0.65 us on the 2-core AVX-512 machine (a 1 x 1
product), which is 6% of the time at n = 64 in double and 12% in float, under 2% from n = 128:
bench/compare-matmul.sh therefore also compares against OpenBLAS called directly, without it.
"""
import ctypes
import ctypes.util
import time

import torch

SIZES = (64, 96, 128, 160, 192, 256, 384, 512, 768, 1024)


def gflops(n, dtype, rounds=5):
    g = torch.Generator().manual_seed(42)
    a = torch.rand((n, n), generator=g, dtype=dtype)
    b = torch.rand((n, n), generator=g, dtype=dtype)
    c = torch.empty((n, n), dtype=dtype)
    flops = 2.0 * n ** 3
    reps = max(3, int(2e9 / flops))
    best = float("inf")
    for r in range(-1, rounds):  # round -1 is an untimed warm-up (thread pool, page faults), as on our side
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.matmul(a, b, out=c)
        if r >= 0:
            best = min(best, (time.perf_counter() - t0) / reps)
    return flops / best / 1e9


def openblas_description():
    """OpenBLAS's own description (version, kernel chosen for this CPU, threads), when it is loaded."""
    for name in ("libopenblas.so.0", ctypes.util.find_library("openblas")):
        try:
            lib = ctypes.CDLL(name)
        except (OSError, TypeError):
            continue
        lib.openblas_get_config.restype = ctypes.c_char_p
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return (f"{lib.openblas_get_config().decode()}, core {lib.openblas_get_corename().decode()}, "
                f"{lib.openblas_get_num_threads()} threads")
    return "OpenBLAS not found"


def main():
    torch.set_num_threads(2)
    print(f"torch {torch.__version__}, intra-op threads={torch.get_num_threads()}; {openblas_description()}")
    for n in SIZES:
        f64 = gflops(n, torch.float64)
        f32 = gflops(n, torch.float32)
        print(f"n={n:5d}  f64 {f64:7.1f}  f32 {f32:7.1f}  GFLOP/s")


if __name__ == "__main__":
    main()
