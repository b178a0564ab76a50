using System;

namespace DiffGen.Gradients.Tests.Loops;

/// <summary>Counted loops with secondary counters (<c>k++</c> beside the loop counter), read before and after their update.</summary>
public static partial class InductionFunctions
{
    /// <summary>A packed lower-triangular matrix times a vector, squared: the packed index advances in the inner loop.</summary>
    [Differentiable]
    public static double PackedTriangular(ReadOnlySpan<double> packed, ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double[] y = new double[n];
        int k = 0;
        for (int row = 0; row < n; row++)
        {
            for (int column = 0; column <= row; column++)
            {
                y[row] += packed[k] * Math.Sin(x[column]);
                k++;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) s += y[i] * y[i];
        return s;
    }

    /// <summary>Reads the secondary counter before and after its update, with the loop counter going down.</summary>
    [Differentiable]
    public static double BeforeAndAfter(ReadOnlySpan<double> a, double t)
    {
        double s = 0;
        int j = 1;
        for (int i = a.Length - 2; i >= 0; i--)
        {
            s += a[j - 1] * Math.Cos(t * a[i]);
            j++;
            s += a[j - 1] * a[j - 1] * t;
        }
        return s;
    }

    /// <summary>A column-major packed strict lower triangle: the offset steps by <c>d - column - 2</c>, undone by the adjoint.</summary>
    [Differentiable]
    public static double ColumnMajorTriangle(ReadOnlySpan<double> lower, ReadOnlySpan<double> x)
    {
        int d = x.Length;
        double total = 0;
        for (int row = 0; row < d; row++)
        {
            double value = Math.Exp(x[row]);
            int offset = row - 1;
            for (int column = 0; column < row; column++)
            {
                value += lower[offset] * (x[column] - x[row]);
                offset += d - column - 2;
            }
            total += value * value;
        }
        return total;
    }

    /// <summary>An index stepping by the counter plus one, read before and after its update in the same iteration.</summary>
    [Differentiable]
    public static double SteppedReads(ReadOnlySpan<double> w, int n)
    {
        double s = 0;
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            s += w[k] * w[k + 1];
            k = k + i + 1;
            s += Math.Sin(w[k]) * w[i];
        }
        return s;
    }

    /// <summary>An index stepping down by a loop-invariant amount inside a loop that also counts down.</summary>
    [Differentiable]
    public static double SteppingDown(ReadOnlySpan<double> w, int stride)
    {
        double s = 1;
        int k = w.Length - 1;
        for (int i = w.Length / stride - 1; i >= 0; i--)
        {
            s = s * Math.Cos(w[k]) + w[i];
            k -= stride;
        }
        return s;
    }

    /// <summary>A sum whose adjoint is known before its loop: the return scales it by a constant and divides it by n.</summary>
    [Differentiable]
    public static double ScaledMean(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int n)
    {
        int d = w.Length;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            double t = 0;
            for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
            s += Math.Log(1 + t * t);
        }
        double penalty = 0;
        for (int j = 0; j < d; j++) penalty += w[j] * w[j];
        return 0.1 * penalty - 3 * (-s) / n;
    }

    /// <summary>
    /// A packed index computed by formula (integer division included) in the inner loop and read after it, and
    /// a sum updated again after its loop: the index is recomputed by the adjoint, the sum's adjoint known early.
    /// </summary>
    [Differentiable]
    public static double IndexByFormula(ReadOnlySpan<double> packed, ReadOnlySpan<double> x, int n)
    {
        int d = x.Length;
        double total = 0.5;
        for (int i = 0; i < n; i++)
        {
            double norm = 0;
            for (int row = 0; row < d; row++)
            {
                double y = x[row] * (i + 1);
                for (int column = 0; column < row; column++)
                {
                    int at = column * (2 * d - column - 1) / 2 + (row - column - 1);
                    y += packed[at] * Math.Sin(x[column] + i);
                }
                norm += y * y;
            }
            total += Math.Log(1 + norm);
        }
        total -= n * Math.Exp(packed[0]);
        for (int j = 0; j < packed.Length; j++) total += 0.1 * packed[j] * packed[j];
        return total;
    }
}
