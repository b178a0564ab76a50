#!/usr/bin/env python3
"""Training throughput of the Fashion-MNIST MLP (784-256-128-10, ReLU, softmax cross-entropy, Adam lr 1e-3) in PyTorch.

Counterpart of samples/FashionMnist and bench/DiffGen.Benchmarks.Training: same model, batch size, optimizer and
data, one full training step (forward, backward, Adam) per mini-batch of a shuffled epoch.
Run with Debian's python3-torch:  /usr/bin/python3 bench/pytorch/mlp_train.py [--threads 2] [--batch 128] [--steps 300]
Prints the best samples/s over the rounds (the least disturbed by other load on a shared machine).
"""
import argparse
import gzip
import os
import struct
import time

import torch

DEBIAN = "/usr/share/datasets/fashion-mnist"
EMBEDDED = os.path.join(os.path.dirname(__file__), "..", "..", "samples", "FashionMnist", "Data")


def read_idx(path):
    raw = gzip.open(path).read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(raw[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    folder = DEBIAN if os.path.exists(os.path.join(DEBIAN, "train-images-idx3-ubyte.gz")) else EMBEDDED
    x = read_idx(os.path.join(folder, "train-images-idx3-ubyte.gz")).reshape(-1, 784).float() / 255
    y = read_idx(os.path.join(folder, "train-labels-idx1-ubyte.gz")).long()

    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                                torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()

    def run(steps):
        order = torch.randperm(x.shape[0])
        start = time.perf_counter()
        for s in range(steps):
            idx = order[(s * args.batch) % (x.shape[0] - args.batch):][:args.batch]
            loss = loss_fn(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        return steps * args.batch / (time.perf_counter() - start)

    run(30)  # warm-up
    best = max(run(args.steps) for _ in range(args.rounds))
    print(f"torch {torch.__version__} threads={args.threads} batch={args.batch} data={folder}")
    print(f"pytorch samples/s {best:.0f}")


if __name__ == "__main__":
    main()
