using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DiffGen.Samples.FashionMnist.App;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using DiffGen.Optimizers;
using DiffGen.Training;
using Spectre.Console;

namespace DiffGen.Samples.FashionMnist.App;

/// <summary>
/// The sample's command: parse, load, train, report. Bad input (an unknown flag, a bad value, a missing
/// or malformed dataset file, an unreadable or mismatched checkpoint, a path whose directory does not
/// exist) is one line <c>error: ...</c> on the error writer and exit code 2, never a stack trace.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="error">Where the one-line error goes.</param>
    /// <returns>0 when training completed, 1 when it stopped early, <see cref="BadInput"/> on bad input.</returns>
    public static int Run(string[] args, TextWriter error)
    {
        try
        {
            return Train(args);
        }
        catch (Exception ex) when (Describe(ex) is { } line)
        {
            error.WriteLine($"error: {line}");
            return BadInput;
        }
    }

    /// <summary>
    /// The one-line message of an exception that means bad input (<see cref="ArgumentException"/>,
    /// <see cref="IOException"/>, <see cref="InvalidDataException"/>, <see cref="UnauthorizedAccessException"/>),
    /// without .NET's "(Parameter 'x')" suffix; null for anything else (a bug, which keeps its stack trace).
    /// </summary>
    /// <param name="ex">The exception.</param>
    /// <returns>The message, or null.</returns>
    public static string? Describe(Exception ex)
    {
        if (ex is not (ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException)) return null;
        string message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", "") : ex.Message;
        return message.ReplaceLineEndings(" ");
    }

    private static int Train(string[] args)
    {
        var options = CommandLine.Parse(args);
        if (options.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        options.RequireOutputDirectories();
        var data = options.Embedded ? FashionMnistData.Embedded() : FashionMnistData.Load(options.DataDirectory);

        // Redirected output (logs, CI) would otherwise be wrapped at 80 columns.
        if (!AnsiConsole.Profile.Capabilities.Interactive) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        if (options.Precision == Precision.Double) return DoublePrecisionRun.Train(options, data);
        var model = ModelChoice.Create(options.Model, options.Seed, data.Train, (float)options.ReluAtZero);
        var sampler = new MiniBatchSampler(data.Train.Count, options.BatchSize, options.Seed);
        var setup = OptimizerSetup.Create(options.Optimizer, model.Parameters, sampler.BatchesPerEpoch, options.Lr);
        var trainer = new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient, new TrainerOptions
        {
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Threads = options.Threads,
            // --cosine replaces a constant rate (INNA keeps its own 1/sqrt(epoch) decay).
            Schedule = options.Cosine && setup.Schedule is null ? LearningRateSchedule.Cosine(options.Epochs) : setup.Schedule,
            ScheduleUnit = options.Cosine && setup.Schedule is null ? ScheduleUnit.Epoch : setup.Unit,
            CheckpointPath = options.CheckpointPath,
            CheckpointState = model as ICheckpointState,
            Augmentation = options.Augment ? new ImageAugmentation { Height = 28, Width = 28, CropPadding = options.CropPadding, HorizontalFlip = true } : null,
        });

        AnsiConsole.MarkupLine($"[bold]Fashion-MNIST[/] ({Markup.Escape(data.Source == DataSource.Embedded ? "embedded subset" : data.Location)}): " +
                               $"{data.Train.Count:N0} training, {data.Test.Count:N0} test images");
        AnsiConsole.MarkupLine($"Model {Markup.Escape(model.Description)}, {model.ParameterCount:N0} parameters; gradient generated at build time ([grey]{model.GradientName}[/])");
        AnsiConsole.MarkupLine($"{Markup.Escape(setup.Description)}{(options.Cosine && setup.Schedule is null ? ", cosine decay" : "")}" +
                               $"{(options.Augment ? options.CropPadding > 0 ? $", crops (padding {options.CropPadding}) and flips" : ", flips" : "")}, batch {options.BatchSize}, {trainer.Options.Threads} thread(s)");
        if (options.CheckpointPath is { } checkpoint && File.Exists(checkpoint))
        {
            trainer.LoadCheckpoint(checkpoint);
            AnsiConsole.MarkupLine($"Resumed from {Markup.Escape(checkpoint)} after epoch {trainer.CompletedEpochs}");
        }

        IReadOnlyDictionary<string, double> Evaluate() => model.TestMetrics(data.Test);

        string Metric(string name, double value) => name switch
        {
            "test_accuracy" => $"test acc [bold]{100 * value:F2}%[/]",
            "mean_image_ratio" => $"mean image / ours [bold]{value:F2}x[/]",
            _ => $"{name.Replace('_', ' ').Replace("test ", "test ")} {value:F4}",
        };

        void PrintEpoch(EpochReport r)
        {
            AnsiConsole.MarkupLine(
                $"epoch {r.Epoch + 1,2}  loss {r.TrainLoss:F4}  " + string.Join("  ", model.MetricNames.Select(m => Metric(m, r.Metrics[m]))) +
                $"  {r.SamplesPerSecond,7:N0} samples/s");
            KinkReport.EndEpoch(options.CountKinks, data.Train.Count);
        }

        if (options.ReluAtZero != 0) AnsiConsole.MarkupLine($"relu'(0) = {options.ReluAtZero}");
        KinkReport.Start(options.CountKinks);
        TrainingResult result;
        // Kink counts are printed as each epoch ends, so --count-kinks runs without the live progress bar.
        if (options.Progress && !options.CountKinks && AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask? task = null;
                    int shown = -1;
                    return trainer.Fit(data.Train, options.Epochs, Evaluate, p =>
                    {
                        if (p.Epoch != shown)
                        {
                            task = ctx.AddTask($"epoch {p.Epoch + 1}/{options.Epochs}", maxValue: p.BatchesPerEpoch);
                            shown = p.Epoch;
                        }

                        task!.Value = p.Batch;
                        task.Description = $"epoch {p.Epoch + 1}/{options.Epochs}  loss {p.Loss:F4}  {p.SamplesPerSecond:N0} samples/s";
                    });
                });
            foreach (var r in result.History) PrintEpoch(r);
        }
        else
        {
            result = trainer.Fit(data.Train, options.Epochs, Evaluate, epochEnd: PrintEpoch);
        }

        if (result.Reason != StopReason.Completed)
        {
            AnsiConsole.MarkupLine($"[red]Stopped early:[/] {Markup.Escape(result.Message)}");
            return 1;
        }

        var last = result.Last!;
        string title = $"Fashion-MNIST {options.Model}, {setup.Optimizer.Name}";
        if (last.Metrics.TryGetValue("test_accuracy", out double accuracy))
        {
            AnsiConsole.MarkupLine($"Test accuracy after {result.History.Count} epochs: [bold green]{100 * accuracy:F2}%[/]");
            TrainingPlot.LossAndAccuracy(result.History, title, options.PlotPath);
        }
        else
        {
            AnsiConsole.MarkupLine($"Test reconstruction error after {result.History.Count} epochs: [bold green]{last.Metrics["test_mse"]:F5}[/], " +
                                   $"{last.Metrics["mean_image_ratio"]:F2}x below the mean image's {last.Metrics["mean_image_mse"]:F5}");
            TrainingPlot.LossCurves([(setup.Optimizer.Name, result.History)], title, options.PlotPath);
        }

        AnsiConsole.MarkupLine($"Plot written to {Markup.Escape(Path.GetFullPath(options.PlotPath))}");
        return 0;
    }
}
