using System;
using System.Globalization;
using System.Linq;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using DiffGen.Training;

// Samples per second of full training steps (data-parallel generated gradient + fused Adam) on Fashion-MNIST,
// batch 128, measured as the best of several rounds of a fixed number of steps, like bench/pytorch/train.py
// (with the same --model).
//   dotnet run -c Release --project bench/DiffGen.Benchmarks.Training -- [--model mlp|lenet|lenet-bn] [--threads 2] [--batch 128] [--steps 300] [--rounds 3]
int threads = 2, batch = 128, steps = 300, rounds = 3;
var modelKind = ModelKind.Mlp;
if (args.Length > 0 && args[0] == "--profile")
{
    StepProfile.Run(batch: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 128);
    return;
}

for (int i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--model")
    {
        modelKind = ModelChoice.Parse(args[i + 1]);
        continue;
    }

    int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--threads": threads = value; break;
        case "--batch": batch = value; break;
        case "--steps": steps = value; break;
        case "--rounds": rounds = value; break;
        default: throw new ArgumentException($"Unknown option {args[i]}");
    }
}

var data = FashionMnistData.Load();
var train = data.Train.Slice(0, Math.Min(data.Train.Count, steps * batch));

double Round(int seed, LabeledDataset<float> set)
{
    var model = ModelChoice.Create(modelKind, seed, set);
    var setup = OptimizerSetup.Create(OptimizerKind.Adam, model.Parameters, set.Count / batch);
    var trainer = new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient,
                                     new TrainerOptions { BatchSize = batch, Threads = threads, Seed = seed, DropLast = true });
    return trainer.Fit(set, 1).History[0].SamplesPerSecond;
}

// Warm-up: long enough for tiered compilation to reach its optimised code (the first epoch of the sample runs at a
// third of the speed of the later ones); PyTorch's script warms up too.
for (int w = 0; w < 3; w++) Round(99, data.Train.Slice(0, Math.Min(data.Train.Count, 150 * batch)));
double best = Enumerable.Range(0, rounds).Max(r => Round(r, train));
Console.WriteLine($"DiffGen {Environment.Version} model={modelKind} threads={threads} batch={batch} steps={train.Count / batch} data={data.Location}");
Console.WriteLine($"diffgen samples/s {best:F0}");
