using System.Collections.Generic;
using DiffGen.Optimizers;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using DiffGen.Training;
using Spectre.Console;

namespace DiffGen.Samples.FashionMnist.App;

/// <summary>
/// <c>--precision double</c>: the MLP trained in double (<see cref="MlpDouble"/>) from the float run's initial
/// weights, batch order and optimizer (Adam), on the images widened to double; for comparing the two precisions,
/// above all their kink hits (<c>--count-kinks</c>).
/// </summary>
public static class DoublePrecisionRun
{
    /// <summary>Trains and reports each epoch; returns the command's exit code.</summary>
    /// <param name="options">The command line (mlp, adam).</param>
    /// <param name="data">The dataset, in float.</param>
    /// <returns>0 when training completed, 1 when it stopped early.</returns>
    public static int Train(CommandLine options, FashionMnistData data)
    {
        if (options.Optimizer != OptimizerKind.Adam) throw new System.ArgumentException("--precision double trains with --optimizer adam only.");
        var train = Widen(data.Train);
        var test = Widen(data.Test);
        var model = new MlpDouble(options.Seed) { ReluAtZero = options.ReluAtZero };
        var adam = new Adam<double>(model.Parameters, new AdamOptions { Lr = options.Lr ?? 1e-3 });
        var trainer = new Trainer<double>(model.Parameters, adam, model.LossGradient, new TrainerOptions
        {
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Threads = options.Threads,
        });

        AnsiConsole.MarkupLine($"Model 784-256-128-10 MLP in double, relu'(0) = {options.ReluAtZero}; Adam lr={options.Lr ?? 1e-3}, batch {options.BatchSize}, {trainer.Options.Threads} thread(s)");
        KinkReport.Start(options.CountKinks);
        var result = trainer.Fit(train, options.Epochs, () =>
        {
            var (loss, accuracy) = model.Evaluate(test);
            return new Dictionary<string, double> { ["test_loss"] = loss, ["test_accuracy"] = accuracy };
        }, epochEnd: r =>
        {
            AnsiConsole.MarkupLine($"epoch {r.Epoch + 1,2}  loss {r.TrainLoss:F4}  test loss {r.Metrics["test_loss"]:F4}  test acc [bold]{100 * r.Metrics["test_accuracy"]:F2}%[/]  {r.SamplesPerSecond,7:N0} samples/s");
            KinkReport.EndEpoch(options.CountKinks, train.Count);
        });
        if (result.Reason != StopReason.Completed)
        {
            AnsiConsole.MarkupLine($"[red]Stopped early:[/] {Markup.Escape(result.Message)}");
            return 1;
        }

        AnsiConsole.MarkupLine($"Test accuracy after {result.History.Count} epochs: [bold green]{100 * result.Last!.Metrics["test_accuracy"]:F2}%[/]");
        return 0;
    }

    private static LabeledDataset<double> Widen(LabeledDataset<float> data)
    {
        var features = new double[data.Features.Length];
        for (int i = 0; i < features.Length; i++) features[i] = data.Features[i];
        return new LabeledDataset<double>(features, data.Labels.ToArray(), data.FeatureCount, data.Classes);
    }
}
