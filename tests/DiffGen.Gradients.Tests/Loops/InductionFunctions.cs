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
}
