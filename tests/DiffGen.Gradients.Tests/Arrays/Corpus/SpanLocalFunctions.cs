using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Span locals naming part of an array, as C# developers write them: <c>var row = m.AsSpan(r * d, d)</c>
/// in a loop, writes through a span into a local buffer, slices of slices passed to span primitives,
/// bounds read from a variable that changes afterwards, a row span handed to a helper.
/// </summary>
public static partial class SpanLocalFunctions
{
    /// <summary>Σ_r (Σ_j row_j w_j)² + 0.01 Σ_r |row| row_0, with row = m.AsSpan(r d, d).</summary>
    [Differentiable]
    public static double RowSpans(double[] m, double[] w, int rows)
    {
        int d = w.Length;
        double s = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = m.AsSpan(r * d, d);
            double dot = 0;
            for (int j = 0; j < row.Length; j++) dot += row[j] * w[j];
            s += dot * dot + 0.01 * row.Length * row[0];
        }
        return s;
    }

    /// <summary>Two halves of one buffer written through span locals: Σ sin(x_i) + Σ sin(x_i) x_i cos(x_i).</summary>
    [Differentiable]
    public static double WrittenHalves(double[] x)
    {
        int n = x.Length;
        double[] buffer = new double[2 * n];
        Span<double> first = buffer.AsSpan(0, n);
        Span<double> second = buffer.AsSpan(n);
        for (int i = 0; i < n; i++)
        {
            first[i] = Math.Sin(x[i]);
            second[i] = first[i] * x[i];
            second[i] *= Math.Cos(x[i]);
        }
        double s = 0;
        for (int i = 0; i < buffer.Length; i++) s += buffer[i];
        return s;
    }

    /// <summary>The middle of x (without its ends), sliced twice and given to span primitives: mid · mid + Σ tanh(mid)_i.</summary>
    [Differentiable]
    public static double SliceOfSlice(ReadOnlySpan<double> x)
    {
        ReadOnlySpan<double> all = x;
        var tail = all.Slice(1);
        var middle = tail.Slice(0, tail.Length - 1);
        double squares = SpanOps.Dot<double>(middle, middle);
        double t = 0;
        for (int i = 0; i < middle.Length; i++) t += Math.Tanh(middle[i]);
        return squares + t * x[0];
    }

    /// <summary>A span's start read from a variable changed afterwards: the span keeps the part it was declared with.</summary>
    [Differentiable]
    public static double BoundsAtDeclaration(double[] x)
    {
        int k = 1;
        var part = x.AsSpan(k, 3);
        k = 0;
        return part[0] * x[k] + part[2] * part[1];
    }

    /// <summary>Σ_r score(row r), the row a span local handed to a helper in a loop.</summary>
    [Differentiable]
    public static double RowsToHelper(double[] m, double[] w, int rows)
    {
        int d = w.Length;
        double s = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> row = m.AsSpan(r * d, d);
            s += Math.Exp(-HelperCallFunctions.WeightedTanh(row, w));
        }
        return s;
    }
}
