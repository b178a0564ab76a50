using System;
using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>The chart of the lectures: log10(F(w) - F*) against passes over the data, one line per method.</summary>
public static class SuboptimalityPlot
{
    /// <summary>Writes the chart as an 800 x 500 PNG; gaps at or below <paramref name="floor"/> (rounding) are not drawn.</summary>
    /// <param name="curves">The methods.</param>
    /// <param name="optimum">F*.</param>
    /// <param name="floor">Smallest gap drawn.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="path">PNG file.</param>
    public static void Save(IEnumerable<Curve> curves, double optimum, double floor, string title, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var c in curves)
        {
            var pts = c.Points.Where(p => p.Value - optimum > floor).ToArray();
            var line = plot.Add.Scatter(pts.Select(p => p.Passes).ToArray(), pts.Select(p => Math.Log10(p.Value - optimum)).ToArray());
            line.LegendText = c.Name;
        }

        plot.Axes.Left.Label.Text = "log10(F(w) - F*)";
        plot.Axes.Bottom.Label.Text = "effective passes over the data";
        plot.Title(title);
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.SavePng(path, 800, 500);
    }
}
