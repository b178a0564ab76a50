using System;
using System.Globalization;
using System.IO;
using DiffGen.Samples.FashionMnist.Model;

namespace DiffGen.Samples.FashionMnist.App;

/// <summary>The floating-point type a model trains in.</summary>
public enum Precision
{
    /// <summary>Single precision (every model).</summary>
    Float,

    /// <summary>Double precision (the MLP).</summary>
    Double,
}

/// <summary>The sample's command-line options.</summary>
public sealed record CommandLine
{
    /// <summary>The help text.</summary>
    public const string Usage = """
        Trains a model on Fashion-MNIST with DiffGen's generated gradient.

        Options:
          --model NAME       mlp (784-256-128-10, default), lenet (LeNet-5), lenet-bn (LeNet-5 with batch
                             normalization) or autoencoder (dense 784-512-256-32 and back)
          --optimizer NAME   adam (default), sgd, inna or steptuned
          --epochs N         epochs to train (default 10; lenet and lenet-bn 20)
          --augment          random horizontal flips and crops of the training images (default for lenet and
                             lenet-bn, flips only; --no-augment turns it off)
          --crop-padding N   zero padding of the random crops, 0 for flips only (default 2; lenet and lenet-bn 0)
          --cosine           cosine learning-rate decay to 0 over the epochs, for adam, sgd and steptuned
                             (default for lenet and lenet-bn; --no-cosine turns it off)
          --batch N          mini-batch size (default 128)
          --lr X             learning rate instead of the optimizer's default
          --threads N        threads for the data-parallel gradient (default: one per core)
          --seed N           seed of the initialisation and the shuffles (default 0)
          --data DIR         directory with the four IDX .gz files (default: /usr/share/datasets/fashion-mnist
                             when installed, else the embedded 6,000 + 1,000 image subset)
          --embedded         use the embedded subset even when the full dataset is installed
          --plot FILE        PNG chart of loss and accuracy (default fashion-mnist.png)
          --checkpoint FILE  write a checkpoint after every epoch; resume from it when it exists
          --no-progress      plain output, no live progress bar
          --precision P      float (default) or double; double trains the mlp only, from the same initial weights
          --relu-at-zero X   relu'(0) of the mlp's rectifiers (default 0, PyTorch's choice; 1 is the other usual one)
          --count-kinks      count the exact kink hits (rectifier inputs exactly at 0) of the gradient passes and
                             print them after each epoch, per call site
        """;

    /// <summary>Which model.</summary>
    public ModelKind Model { get; init; } = ModelKind.Mlp;

    /// <summary>Which optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Whether to augment the training images (crops with padding 2, flips); by default the model's choice (<see cref="ModelChoice.Defaults"/>).</summary>
    public bool Augment { get; init; }

    /// <summary>Zero padding of the random crops when augmenting, 0 for flips only; by default the model's choice.</summary>
    public int CropPadding { get; init; } = 2;

    /// <summary>Whether to decay the learning rate along a cosine over the epochs; by default the model's choice.</summary>
    public bool Cosine { get; init; }

    /// <summary>Epochs to train; by default the model's choice.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Learning rate override.</summary>
    public double? Lr { get; init; }

    /// <summary>Gradient threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed.</summary>
    public int Seed { get; init; }

    /// <summary>Dataset directory, or null.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Whether to force the embedded subset.</summary>
    public bool Embedded { get; init; }

    /// <summary>Chart path.</summary>
    public string PlotPath { get; init; } = "fashion-mnist.png";

    /// <summary>Checkpoint path, or null.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Whether to show the live progress bar.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>The precision the model trains in (<c>--precision</c>).</summary>
    public Precision Precision { get; init; } = Precision.Float;

    /// <summary>relu'(0) of the MLP's rectifiers (<c>--relu-at-zero</c>).</summary>
    public double ReluAtZero { get; init; }

    /// <summary>Whether to count and print the kink hits of each epoch (<c>--count-kinks</c>).</summary>
    public bool CountKinks { get; init; }

    /// <summary>Whether --help was given.</summary>
    public bool Help { get; init; }

    /// <summary>
    /// Checks, before any training, that the directories the plot and the checkpoint go to exist, so a typo
    /// fails at once rather than after the last epoch.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A directory is missing; the message names the flag.</exception>
    public void RequireOutputDirectories()
    {
        Require("--plot", PlotPath);
        if (CheckpointPath is { } checkpoint) Require("--checkpoint", checkpoint);

        static void Require(string flag, string path)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && !Directory.Exists(directory))
                throw new DirectoryNotFoundException($"{flag} {path}: directory '{directory}' does not exist.");
        }
    }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a readable message on bad input.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    public static CommandLine Parse(string[] args)
    {
        var result = new CommandLine();
        int? epochs = null, cropPadding = null;
        bool? augment = null, cosine = null;
        for (int i = 0; i < args.Length; i++)
        {
            string flag = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            int Positive() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n : throw new ArgumentException($"{flag} needs a positive whole number, not '{args[i]}'.");
            result = flag switch
            {
                "--model" => result with { Model = ModelChoice.Parse(Value()) },
                "--optimizer" => result with { Optimizer = OptimizerSetup.Parse(Value()) },
                "--epochs" => result with { Epochs = (epochs = Positive()).Value },
                "--batch" => result with { BatchSize = Positive() },
                "--threads" => result with { Threads = Positive() },
                "--seed" => result with { Seed = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : throw new ArgumentException($"--seed needs a whole number, not '{args[i]}'.") },
                "--lr" => result with { Lr = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out double lr) && lr > 0 ? lr : throw new ArgumentException($"--lr needs a positive number, not '{args[i]}'.") },
                "--crop-padding" => result with { CropPadding = (cropPadding = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pad) && pad >= 0 && pad <= 8 ? pad : throw new ArgumentException($"--crop-padding needs a whole number from 0 to 8, not '{args[i]}'.")).Value },
                "--data" => result with { DataDirectory = Value() },
                "--embedded" => result with { Embedded = true },
                "--augment" or "--no-augment" => result with { Augment = (augment = flag == "--augment").Value },
                "--cosine" or "--no-cosine" => result with { Cosine = (cosine = flag == "--cosine").Value },
                "--plot" => result with { PlotPath = Value() },
                "--checkpoint" => result with { CheckpointPath = Value() },
                "--no-progress" => result with { Progress = false },
                "--precision" => result with { Precision = Value() switch { "float" => Precision.Float, "double" => Precision.Double, var p => throw new ArgumentException($"--precision needs float or double, not '{p}'.") } },
                "--relu-at-zero" => result with { ReluAtZero = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out double r) && double.IsFinite(r) ? r : throw new ArgumentException($"--relu-at-zero needs a number, not '{args[i]}'.") },
                "--count-kinks" => result with { CountKinks = true },
                "--help" or "-h" => result with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{flag}'. Run with --help for the list."),
            };
        }

        if (result.Model != ModelKind.Mlp && (result.Precision != Precision.Float || result.ReluAtZero != 0))
            throw new ArgumentException("--precision double and --relu-at-zero apply to --model mlp only.");
        var defaults = ModelChoice.Defaults(result.Model);
        return result with
        {
            Epochs = epochs ?? defaults.Epochs, Augment = augment ?? defaults.Augment, Cosine = cosine ?? defaults.Cosine,
            CropPadding = cropPadding ?? defaults.CropPadding,
        };
    }
}
