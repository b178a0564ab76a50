using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DiffGen.Samples.FashionMnist.App;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using DiffGen.Training;
using Spectre.Console;

// Usage: dotnet run -c Release --project samples/OptimizerZoo -- [--model mlp|lenet|lenet-bn] [--epochs N] [--embedded] [--plot FILE]
int epochs = 5;
var modelKind = ModelKind.Mlp;
bool embedded = false;
string plotPath = "optimizer-zoo.png";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0:
            epochs = n;
            i++;
            break;
        case "--model" when i + 1 < args.Length && args[i + 1] is "mlp" or "lenet" or "lenet-bn":
            modelKind = ModelChoice.Parse(args[++i]);
            break;
        case "--embedded":
            embedded = true;
            break;
        case "--plot" when i + 1 < args.Length:
            plotPath = args[++i];
            break;
        default:
            Console.Error.WriteLine($"error: unexpected argument '{args[i]}'. Options: --model mlp|lenet|lenet-bn, --epochs N, --embedded, --plot FILE");
            return 2;
    }
}

FashionMnistData data;
try
{
    data = embedded ? FashionMnistData.Embedded() : FashionMnistData.Load();
}
catch (IOException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

if (!AnsiConsole.Profile.Capabilities.Interactive) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
AnsiConsole.MarkupLine($"[bold]Optimizer zoo[/]: {Markup.Escape(ModelChoice.Create(modelKind, 0, data.Train).Description)}, {epochs} epochs, batch 128, " +
                       $"{data.Train.Count:N0} training images ({Markup.Escape(data.Source == DataSource.Embedded ? "embedded subset" : data.Location)})");
var table = new Table().AddColumns("optimizer", "final train loss", "test loss", "test accuracy", "samples/s");
var curves = new List<(string, IReadOnlyList<EpochReport>)>();
foreach (var kind in new[] { OptimizerKind.Sgd, OptimizerKind.Adam, OptimizerKind.Inna, OptimizerKind.StepTuned })
{
    // Same initial weights and batch order for every optimizer.
    var model = (Classifier)ModelChoice.Create(modelKind, 0, data.Train);
    var setup = OptimizerSetup.Create(kind, model.Parameters, new MiniBatchSampler(data.Train.Count, 128, 0).BatchesPerEpoch);
    var trainer = new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient,
                                     new TrainerOptions { BatchSize = 128, Schedule = setup.Schedule, ScheduleUnit = setup.Unit });
    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(setup.Description)}[/]");
    var result = trainer.Fit(data.Train, epochs, epochEnd: r => AnsiConsole.MarkupLine($"  epoch {r.Epoch + 1}: train loss {r.TrainLoss:F4}"));
    var (testLoss, testAccuracy) = model.Evaluate(data.Test);
    string name = setup.Optimizer.Name;
    if (result.Reason != StopReason.Completed)
    {
        table.AddRow(name, Markup.Escape(result.Message), "", "", "");
        continue;
    }

    var last = result.Last!;
    table.AddRow(name, $"{last.TrainLoss:F4}", $"{testLoss:F4}", $"{100 * testAccuracy:F2}%", $"{last.SamplesPerSecond:N0}");
    curves.Add((name, result.History));
}

AnsiConsole.Write(table);
TrainingPlot.LossCurves(curves, $"Fashion-MNIST {modelKind}: training loss per optimizer", plotPath);
AnsiConsole.MarkupLine($"Plot written to {Markup.Escape(Path.GetFullPath(plotPath))}");
return 0;
