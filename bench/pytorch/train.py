#!/usr/bin/env python3
"""Training throughput on Fashion-MNIST in PyTorch: the MLP (784-256-128-10, ReLU) or LeNet-5 (conv 5x5 6 pad 2,
ReLU, max-pool 2, conv 5x5 16, ReLU, max-pool 2, dense 400-120-84-10 with ReLU), softmax cross-entropy, Adam lr 1e-3.

Counterpart of samples/FashionMnist (--model mlp|lenet) and bench/DiffGen.Benchmarks.Training: same model, batch
size, optimizer and data, one full training step (forward, backward, Adam) per mini-batch of a shuffled epoch.
Run with Debian's python3-torch:
  /usr/bin/python3 bench/pytorch/train.py [--model mlp|lenet] [--threads 2] [--batch 128] [--steps 300]
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
    ap.add_argument("--model", choices=["mlp", "lenet"], default="mlp")
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

    nn = torch.nn
    if args.model == "lenet":
        x = x.reshape(-1, 1, 28, 28)
        model = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                              nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    else:
        model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
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
    print(f"torch {torch.__version__} model={args.model} threads={args.threads} batch={args.batch} data={folder}")
    print(f"pytorch samples/s {best:.0f}")


if __name__ == "__main__":
    main()
