using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>Functions whose indices can leave the array, for the bad-input tests.</summary>
public static partial class IndexErrorFunctions
{
    /// <summary>Σ_i x_i y_{i + shift}: reads past the end of y when shift &gt; 0.</summary>
    [Differentiable]
    public static double ShiftedDot(double[] x, double[] y, int shift)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += Math.Sin(x[i]) * y[i + shift];
        return s;
    }

    /// <summary>Fills a local array of <paramref name="count"/> squares of x, writing past its end when count &gt; x.Length.</summary>
    [Differentiable]
    public static double LocalWritePastEnd(double[] x, double scale, int count)
    {
        double[] buffer = new double[x.Length];
        for (int i = 0; i < count; i++) buffer[i] = scale * x[i % x.Length] * x[i % x.Length];
        double s = 0;
        foreach (double v in buffer) s += v;
        return s;
    }
}
