"""PyTorch CPU reference for `pnpm bench`: the same three networks, the same measurement.

Run by bench/run.ts, one measurement per process so that peak memory is this measurement's:

    python3 bench/pytorch_lenet.py --model lenet5 --mode train --batch 32 --images 2048

Prints one JSON line: {"imagesPerSecond": ..., "peakMemoryBytes": ..., "threads": ...}.
Not a dependency of any package; needs Debian's python3-torch (or any torch >= 1.10).
"""
import argparse
import json
import resource
import time

import torch
import torch.nn.functional as functional
from torch import nn

AMPLITUDE, SLOPE = 1.7159, 2.0 / 3.0

C3_INPUTS = [
    [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [0, 4, 5], [0, 1, 5], [0, 1, 2, 3], [1, 2, 3, 4],
    [2, 3, 4, 5], [0, 3, 4, 5], [0, 1, 4, 5], [0, 1, 2, 5], [0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5],
    [0, 1, 2, 3, 4, 5],
]
H3_TABLE = [
    [1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1],
    [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
]


def scaled_tanh(x):
    return AMPLITUDE * torch.tanh(SLOPE * x)


class Subsampling(nn.Module):
    """2x2 sum times a trainable coefficient plus a trainable bias, per map, then f."""

    def __init__(self, maps):
        super().__init__()
        self.coefficient = nn.Parameter(torch.ones(maps, 1, 1))
        self.bias = nn.Parameter(torch.zeros(maps, 1, 1))

    def forward(self, x):
        return scaled_tanh(functional.avg_pool2d(x, 2) * 4 * self.coefficient + self.bias)


class PartialConv(nn.Module):
    """A 5x5 convolution whose kernel is masked to the links of a connection table."""

    def __init__(self, mask):
        super().__init__()
        self.conv = nn.Conv2d(mask.shape[1], mask.shape[0], 5)
        self.register_buffer('mask', mask[:, :, None, None])

    def forward(self, x):
        return functional.conv2d(x, self.conv.weight * self.mask, self.conv.bias)


def c3_mask():
    mask = torch.zeros(16, 6)
    for output, inputs in enumerate(C3_INPUTS):
        mask[output, inputs] = 1
    return mask


class LeNet1(nn.Module):
    def __init__(self):
        super().__init__()
        self.h1 = nn.Conv2d(1, 4, 5)
        self.h2 = Subsampling(4)
        self.h3 = PartialConv(torch.tensor(H3_TABLE, dtype=torch.float32).t())
        self.h4 = Subsampling(12)
        self.output = nn.Linear(192, 10)

    def forward(self, x):
        x = self.h2(scaled_tanh(self.h1(x)))
        x = self.h4(scaled_tanh(self.h3(x)))
        return self.output(torch.flatten(x, 1))


class LeNet5Paper(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5)
        self.s2 = Subsampling(6)
        self.c3 = PartialConv(c3_mask())
        self.s4 = Subsampling(16)
        self.c5 = nn.Conv2d(16, 120, 5)
        self.f6 = nn.Linear(120, 84)
        self.register_buffer('codes', torch.randint(0, 2, (10, 84)).float() * 2 - 1)

    def forward(self, x):
        x = self.s2(scaled_tanh(self.c1(x)))
        x = self.s4(scaled_tanh(self.c3(x)))
        x = scaled_tanh(self.f6(torch.flatten(scaled_tanh(self.c5(x)), 1)))
        return ((x[:, None, :] - self.codes[None, :, :]) ** 2).sum(-1)


class LeNet5Modern(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5)
        self.c3 = nn.Conv2d(6, 16, 5)
        self.c5 = nn.Conv2d(16, 120, 5)
        self.f6 = nn.Linear(120, 84)
        self.output = nn.Linear(84, 10)

    def forward(self, x):
        x = functional.max_pool2d(torch.relu(self.c1(x)), 2)
        x = functional.max_pool2d(torch.relu(self.c3(x)), 2)
        x = torch.relu(self.f6(torch.flatten(torch.relu(self.c5(x)), 1)))
        return self.output(x)


MODELS = {'lenet1': (LeNet1, 28), 'lenet5': (LeNet5Paper, 32), 'lenet5-modern': (LeNet5Modern, 32)}


def loss_of(model_name, output, labels):
    if model_name == 'lenet5':
        return output.gather(1, labels[:, None]).mean()
    return functional.cross_entropy(output, labels)


def measure(model_name, mode, batch, images):
    factory, size = MODELS[model_name]
    model = factory()
    inputs = torch.rand(images, 1, size, size) * 1.275 - 0.1
    labels = torch.randint(0, 10, (images,))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    def run(count):
        for start in range(0, count - batch + 1, batch):
            x, y = inputs[start:start + batch], labels[start:start + batch]
            if mode == 'train':
                optimizer.zero_grad()
                loss_of(model_name, model(x), y).backward()
                optimizer.step()
            else:
                with torch.no_grad():
                    model(x)

    run(min(images, batch * (300 if batch == 1 else 10 if batch <= 32 else 3)))
    started = time.perf_counter()
    run(images)
    seconds = time.perf_counter() - started
    return (images // batch) * batch / seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', choices=sorted(MODELS), required=True)
    parser.add_argument('--mode', choices=['train', 'infer'], required=True)
    parser.add_argument('--batch', type=int, required=True)
    parser.add_argument('--images', type=int, required=True)
    parser.add_argument('--threads', type=int, default=2)
    arguments = parser.parse_args()
    torch.manual_seed(1998)
    torch.set_num_threads(arguments.threads)
    speed = measure(arguments.model, arguments.mode, arguments.batch, arguments.images)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({'imagesPerSecond': speed, 'peakMemoryBytes': peak, 'threads': torch.get_num_threads(),
                      'version': torch.__version__}))


if __name__ == '__main__':
    main()
