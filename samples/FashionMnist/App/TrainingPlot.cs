using System.Collections.Generic;
using System.Linq;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.App;

/// <summary>PNG charts of a training run, drawn with ScottPlot.</summary>
public static class TrainingPlot
{
    /// <summary>Training loss (left axis) and test accuracy (right axis) per epoch.</summary>
    /// <param name="history">The epochs.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="path">PNG file to write.</param>
    public static void LossAndAccuracy(IReadOnlyList<EpochReport> history, string title, string path)
    {
        var plot = new ScottPlot.Plot();
        double[] epochs = history.Select(r => r.Epoch + 1.0).ToArray();
        var loss = plot.Add.Scatter(epochs, history.Select(r => r.TrainLoss).ToArray());
        loss.LegendText = "training loss";
        var accuracy = plot.Add.Scatter(epochs, history.Select(r => 100 * r.Metrics.GetValueOrDefault("test_accuracy", double.NaN)).ToArray());
        accuracy.LegendText = "test accuracy (%)";
        accuracy.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "test accuracy (%)";
        Save(plot, title, ScottPlot.Alignment.MiddleRight, path);
    }

    /// <summary>One training-loss curve per run, on one chart.</summary>
    /// <param name="runs">Run name and its epochs.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="path">PNG file to write.</param>
    public static void LossCurves(IEnumerable<(string Name, IReadOnlyList<EpochReport> History)> runs, string title, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var (name, history) in runs)
        {
            var line = plot.Add.Scatter(history.Select(r => r.Epoch + 1.0).ToArray(), history.Select(r => r.TrainLoss).ToArray());
            line.LegendText = name;
        }

        Save(plot, title, ScottPlot.Alignment.UpperRight, path);
    }

    /// <summary>The parts both charts share: loss axis, whole-epoch ticks, title, legend, 800 x 500 PNG.</summary>
    private static void Save(ScottPlot.Plot plot, string title, ScottPlot.Alignment legend, string path)
    {
        plot.Axes.Left.Label.Text = "training loss";
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Title(title);
        plot.ShowLegend(legend);
        plot.SavePng(path, 800, 500);
    }
}
