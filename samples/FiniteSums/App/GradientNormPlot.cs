using System;
using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>log10 of the gradient norm against passes over the data, one line per method.</summary>
public static class GradientNormPlot
{
    /// <summary>Writes the chart as an 800 x 500 PNG.</summary>
    /// <param name="curves">Curves whose values are gradient norms.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="path">PNG file.</param>
    public static void Save(IEnumerable<Curve> curves, string title, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var c in curves)
        {
            var line = plot.Add.Scatter(c.Points.Select(p => p.Passes).ToArray(), c.Points.Select(p => Math.Log10(p.Value)).ToArray());
            line.LegendText = c.Name;
        }

        plot.Axes.Left.Label.Text = "log10 ||grad F(w)||";
        plot.Axes.Bottom.Label.Text = "passes over the data (gradients + H·v products)";
        plot.Title(title);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, 800, 500);
    }
}
