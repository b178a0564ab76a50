using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>Logging, assertions and guard clauses inside [Differentiable] methods: run once, never differentiated.</summary>
public static partial class EffectFunctions
{
    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(-1.2)]
    public static double Logged(double x)
    {
        EffectLog.Write($"x = {x}");
        double y = x * x;
        Debug.Assert(y >= 0, "a square is never negative");
        EffectLog.Write("y: " + y);
        return Math.Sin(y) + y;
    }

    [Differentiable]
    public static double Guarded(double x, double[] w)
    {
        if (w.Length < 2) throw new ArgumentException("two weights are needed", nameof(w));
        if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "must not be negative");
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (double.IsNaN(w[i])) throw new ArgumentException($"weight {i} is NaN", nameof(w));
            sum += w[i] * Math.Pow(x, i + 0.5);
        }
        return sum;
    }
}

/// <summary>Records what the corpus logs, per thread (tests run in parallel).</summary>
public static class EffectLog
{
    [ThreadStatic] private static List<string>? _lines;

    public static List<string> Lines => _lines ??= new List<string>();

    public static void Write(string line) => Lines.Add(line);
}

/// <summary>Static tables read as constants, and increments inside index expressions.</summary>
public static partial class TableFunctions
{
    private static readonly double[] Weights = { 0.5, -1.25, 2.0, 0.75 };

    private static double[] Offsets { get; } = { 0.1, 0.2, -0.3, 0.4 };

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.1)]
    public static double Weighted(double x)
    {
        double sum = 0;
        for (int i = 0; i < Weights.Length; i++) sum += Weights[i] * Math.Sin(x + Offsets[i]);
        return sum;
    }
}

/// <summary>Increments inside index expressions, as in packing and unpacking loops.</summary>
public static partial class StepFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.3)]
    public static double Packed(double x)
    {
        double[] packed = new double[6];
        int k = 0;
        for (int i = 0; i < 3; i++)
        {
            packed[k++] = x * i;
            packed[k++] = Math.Sin(x + i);
        }
        double sum = 0;
        int j = 0;
        while (j < 3) sum += packed[j++] * packed[--k];
        return sum;
    }
    /// <summary>An assertion with an interpolated message (bound to Debug's handler in source; passed as the string it builds).</summary>
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.4)]
    public static double AssertWithInterpolatedMessage(double x)
    {
        double y = x * x;
        Debug.Assert(y >= 0, $"a square is never negative: {y} from {x}");
        return y * Math.Sin(x);
    }
}
