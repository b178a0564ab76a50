using System;

namespace DiffGen.Gradients.Tests.Loops;

/// <summary>
/// Top-level loops summing a per-item value computed by nested loops: the shape reverse mode reverses
/// one iteration at a time (generator/Stages/FusedReduction.cs), and near misses that it must not,
/// because a value or an array element survives from one iteration to the next or after the loop.
/// </summary>
public static partial class ReductionLoopFunctions
{
    /// <summary>Fused: a scratch array filled before use in every iteration, a scalar weight read by every iteration.</summary>
    [Differentiable]
    public static double ScratchPerItem(ReadOnlySpan<double> w, double b, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double[] h = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) h[j] = Math.Tanh(w[j] * x[i * d + j] + b);
            for (int j = 1; j < d; j++) h[j] += h[j - 1] * w[j];
            double norm = 0;
            for (int j = 0; j < d; j++) norm += h[j] * h[j];
            s += b * Math.Log(1 + norm);
        }
        return s * s;
    }

    /// <summary>Fused: subtracts or adds depending on a data-dependent branch, and leaves an inner loop by break.</summary>
    [Differentiable]
    public static double BranchesAndBreak(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double s = 1;
        for (int i = 0; i < n; i++)
        {
            double t = 0;
            for (int j = 0; j < d; j++)
            {
                if (x[i * d + j] > 0.8) break;
                t += Math.Sin(w[j] * x[i * d + j]);
            }
            if (x[i * d] > 0) s -= t * t;
            else s = s + 2 * Math.Exp(t);
        }
        return s;
    }

    /// <summary>Fused: the sum is updated inside the inner loop.</summary>
    [Differentiable]
    public static double SumInInnerLoop(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) s += w[j] * w[j] * x[i * d + j];
        }
        return Math.Sin(s);
    }

    /// <summary>Not fused: a scalar carried from one iteration to the next.</summary>
    [Differentiable]
    public static double CarriedScalar(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double s = 0, carry = 0;
        for (int i = 0; i < n; i++)
        {
            double t = 0;
            for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
            carry = 0.5 * carry + Math.Tanh(t);
            s += carry * carry;
        }
        return s;
    }

    /// <summary>Not fused: each iteration writes one slot of the scratch array and reads them all.</summary>
    [Differentiable]
    public static double PartlyRewrittenScratch(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double[] h = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            h[i % d] = w[i % d] * x[i * d];
            double t = 0;
            for (int j = 0; j < d; j++) t += h[j] * h[j] * w[j];
            s += t;
        }
        return s;
    }

    /// <summary>Not fused: the scratch array is rewritten every iteration but read after the loop.</summary>
    [Differentiable]
    public static double ScratchReadAfterLoop(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double[] h = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) h[j] = w[j] * x[i * d + j];
            double t = 0;
            for (int j = 0; j < d; j++) t += h[j] * h[j];
            s += Math.Sqrt(t);
        }
        return s + h[0] * h[d - 1];
    }

    /// <summary>Not fused: the new sum depends on the old one beyond adding to it.</summary>
    [Differentiable]
    public static double SumReadInBody(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double s = 0.5;
        for (int i = 0; i < n; i++)
        {
            double t = 0;
            for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
            s = s + 0.3 * s * Math.Tanh(t);
        }
        return s;
    }

    /// <summary>Not fused: two sums (one set of side buffers per loop).</summary>
    [Differentiable]
    public static double TwoSums(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double s = 0, q = 0;
        for (int i = 0; i < n; i++)
        {
            double t = 0;
            for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
            s += t;
            q += t * t;
        }
        return q / n - (s / n) * (s / n);
    }

    /// <summary>
    /// Element updates in counted loops: a[i] = a[i] + e with e reading other slots or the same slot,
    /// a[i] -= e, and inner loops bounded by &lt;= and counting down with &gt;= from the outer counter.
    /// </summary>
    [Differentiable]
    public static double InPlaceUpdates(ReadOnlySpan<double> w, int n)
    {
        double[] a = new double[4];
        for (int j = 0; j < 4; j++) a[j] = w[j];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i % 3; j++) a[j] += a[j + 1] * w[(i + j) % 4];
            for (int j = 3; j >= i % 2; j--) a[j] -= 0.1 * a[j] * a[j];
            for (int j = 1; j < 4; j++) a[j] = a[j] + Math.Sin(a[j - 1]);
        }
        double s = 0;
        for (int j = 0; j < 4; j++) s += a[j] * a[j];
        return s;
    }

    /// <summary>A scratch array settled after its last write in each iteration and read by later nested loops, then rewritten by the next iteration.</summary>
    [Differentiable]
    public static double SettledScratch(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
    {
        double[] h = new double[d];
        double[] g = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) h[j] = w[j] * x[i * d + j];
            for (int j = 1; j < d; j++) h[j] = h[j] * h[j - 1] + w[j];
            for (int c = 0; c < d; c++)
            {
                for (int r = c; r < d; r++) g[r] = h[c] * h[r] + g[r] * 0.5;
            }
            for (int j = 0; j < d; j++) s += Math.Tanh(g[j] * h[j]);
        }
        return s;
    }

    /// <summary>Fused, in float: a float sum, a float scratch array and a float weight.</summary>
    [Differentiable]
    public static float ScratchPerItemF(ReadOnlySpan<float> w, float b, [NoDerivative] ReadOnlySpan<float> x, int d, int n)
    {
        float[] h = new float[d];
        float s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) h[j] = MathF.Tanh(w[j] * x[i * d + j] + b);
            float norm = 0;
            for (int j = 0; j < d; j++) norm += h[j] * h[j];
            s += b * MathF.Log(1 + norm);
        }
        return s;
    }
}
