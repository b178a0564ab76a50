using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Arrays allocated inside loops, as people write them: a scratch buffer per point, per component or per
/// inner step, stack buffers, buffers that accumulate (so each iteration must start from zeros), and
/// allocations under branches and in loops with break. The generator gives them storage once, before the
/// loop, and clears them where the user allocates.
/// </summary>
public static partial class LoopAllocationFunctions
{
    /// <summary>Σ_i Σ_j sin(diff_j)² with diff = x_i - w allocated per point, then read by a second loop.</summary>
    [Differentiable]
    public static double PerPointScratch(double[] w, [NoDerivative] double[] x, int d)
    {
        double total = 0;
        for (int i = 0; i < x.Length / d; i++)
        {
            double[] diff = new double[d];
            for (int j = 0; j < d; j++) diff[j] = x[i * d + j] - w[j];
            double norm = 0;
            for (int j = 0; j < d; j++) norm += Math.Sin(diff[j]) * diff[j];
            total += norm * norm;
        }
        return total;
    }

    /// <summary>Per point and component: a buffer allocated in the inner loop and a score buffer in the outer one.</summary>
    [Differentiable]
    public static double NestedBuffers(ReadOnlySpan<double> means, ReadOnlySpan<double> alphas, [NoDerivative] ReadOnlySpan<double> points, int d, int k)
    {
        double total = 0;
        for (int i = 0; i < points.Length / d; i++)
        {
            double[] terms = new double[k];
            for (int c = 0; c < k; c++)
            {
                double[] centered = new double[d];
                for (int j = 0; j < d; j++) centered[j] = points[i * d + j] - means[c * d + j];
                double q = 0;
                for (int j = 0; j < d; j++) q += centered[j] * centered[j] * Math.Exp(alphas[c]);
                terms[c] = alphas[c] - 0.5 * q;
            }
            double best = terms[0];
            for (int c = 1; c < k; c++) best = Math.Max(best, terms[c]);
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.Exp(terms[c] - best);
            total += best + Math.Log(sum);
        }
        return total;
    }

    /// <summary>A buffer that accumulates with +=: each iteration must see zeros, as with a fresh array.</summary>
    [Differentiable]
    public static double AccumulatingBuffer(double[] w, int rounds)
    {
        double total = 0;
        for (int r = 0; r < rounds; r++)
        {
            double[] acc = new double[3];
            for (int j = 0; j < w.Length; j++) acc[j % 3] += w[j] * (r + 1);
            for (int m = 0; m < 3; m++) total += Math.Tanh(acc[m]) * (m + 1);
        }
        return total;
    }

    /// <summary>A buffer in a loop with a branch and an early break (reversed through the segment replay).</summary>
    [Differentiable]
    public static double BufferWithBranchAndBreak(double[] w, [NoDerivative] double[] marks)
    {
        double total = 0;
        for (int i = 0; i < marks.Length; i++)
        {
            double[] t = new double[w.Length];
            for (int j = 0; j < w.Length; j++) t[j] = w[j] * marks[i];
            if (marks[i] > 0) total += t[0] * t[w.Length - 1];
            else total -= Math.Sin(t[1]);
            if (marks[i] > 1.5) break;
        }
        return total;
    }

    /// <summary>The float twin of <see cref="PerPointScratch"/>.</summary>
    [Differentiable]
    public static float PerPointScratchF(float[] w, [NoDerivative] float[] x, int d)
    {
        float total = 0;
        for (int i = 0; i < x.Length / d; i++)
        {
            float[] diff = new float[d];
            for (int j = 0; j < d; j++) diff[j] = x[i * d + j] - w[j];
            float norm = 0;
            for (int j = 0; j < d; j++) norm += MathF.Sin(diff[j]) * diff[j];
            total += norm * norm;
        }
        return total;
    }
}
