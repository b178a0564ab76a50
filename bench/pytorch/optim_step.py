#!/usr/bin/env python3
"""torch.optim step time for 1M/10M/50M float32 parameters, as effective GB/s against a copy of the same bytes.

Counterpart of bench/DiffGen.Benchmarks.Optimizers (same optimizers, sizes and bytes-per-element accounting).
Run with Debian's python3-torch:  /usr/bin/python3 bench/pytorch/optim_step.py [--threads 2] [--repeats 5] [--sizes 1e6,1e7,5e7]
[--optimizers Adam,AdamW]
Prints one line per (optimizer, N): median step time, GB/s, and the ratio to the copy measured in the same run.
"""
import argparse
import os
import statistics
import time

import torch

# Bytes read + written per element per step (float32), as in BandwidthColumn.cs.
BYTES = {"Copy": 28, "SGD": 12, "SGD(momentum)": 20, "Adam": 28, "AdamW": 28, "Adagrad": 20, "RMSprop": 20, "Rprop": 28,
         "Adadelta": 28, "Adamax": 28, "NAdam": 28, "RAdam": 28, "ASGD": 20}
NAMES = ["SGD", "SGD(momentum)", "Adam", "AdamW", "Adagrad", "RMSprop", "Rprop", "Adadelta", "Adamax", "NAdam", "RAdam", "ASGD"]


def make(name, p):
    if name == "SGD":
        return torch.optim.SGD([p], lr=1e-6)
    if name == "SGD(momentum)":
        return torch.optim.SGD([p], lr=1e-6, momentum=0.9)
    if name == "Adam":
        return torch.optim.Adam([p], lr=1e-6)
    if name == "AdamW":
        return torch.optim.AdamW([p], lr=1e-6)
    if name == "Adagrad":
        return torch.optim.Adagrad([p], lr=1e-6)
    if name == "RMSprop":
        return torch.optim.RMSprop([p], lr=1e-6)
    if name == "Rprop":
        return torch.optim.Rprop([p], lr=1e-6)
    if name in ("Adadelta", "Adamax", "NAdam", "RAdam", "ASGD"):
        return getattr(torch.optim, name)([p], lr=1e-6)
    raise ValueError(name)


def median_time(fn, repeats):
    fn()  # warm-up (allocates optimizer state)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--sizes", default="1e6,1e7,5e7")
    ap.add_argument("--optimizers", default="", help="comma-separated subset of " + ",".join(NAMES))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, float32, load average before {tuple(round(x, 2) for x in os.getloadavg())}")
    print(f"{'optimizer':<14} {'N':>10} {'ms/step':>9} {'GB/s':>7} {'vs copy':>8}")
    for n in (int(float(s)) for s in args.sizes.split(",")):
        src = torch.ones(n // 2 * 7, dtype=torch.float32)
        dst = torch.empty_like(src)
        copy_t = median_time(lambda: dst.copy_(src), args.repeats)
        copy_gbps = BYTES["Copy"] * n / copy_t / 1e9
        print(f"{'Copy':<14} {n:>10} {copy_t * 1e3:>9.2f} {copy_gbps:>7.1f} {'100%':>8}")
        del src, dst
        for name in args.optimizers.split(",") if args.optimizers else NAMES:
            p = torch.nn.Parameter(torch.randn(n, dtype=torch.float32))
            p.grad = torch.randn(n, dtype=torch.float32) * 1e-3
            opt = make(name, p)
            with torch.no_grad():
                t = median_time(opt.step, args.repeats)
            gbps = BYTES[name] * n / t / 1e9
            print(f"{name:<14} {n:>10} {t * 1e3:>9.2f} {gbps:>7.1f} {gbps / copy_gbps:>8.0%}")
            del opt, p
    print(f"load average after {tuple(round(x, 2) for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
