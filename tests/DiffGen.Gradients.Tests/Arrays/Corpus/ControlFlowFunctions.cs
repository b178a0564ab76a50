using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Loops with structure: stencils, compare-and-swap sorting passes, break on data, triangular nested
/// loops, stackalloc buffers, array initializers, early returns and continue inside loops over arrays,
/// compound assignment to local elements.
/// </summary>
public static partial class ControlFlowFunctions
{
    /// <summary>Σ_{i=1}^{n-2} (u_{i-1} - 2 u_i + u_{i+1})²: the energy of the finite-difference Laplacian.</summary>
    [Differentiable]
    public static double LaplacianEnergy(double[] u)
    {
        double s = 0;
        for (int i = 1; i < u.Length - 1; i++)
        {
            double l = u[i - 1] - 2 * u[i] + u[i + 1];
            s += l * l;
        }
        return s;
    }

    /// <summary>
    /// Bubble sort on a local copy (compare-and-swap passes), then Σ_j (j + 1) sorted_j: piecewise
    /// linear, with gradient rank(i) + 1 away from ties.
    /// </summary>
    [Differentiable]
    public static double BubbleSortWeighted(double[] x)
    {
        int n = x.Length;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = x[i];
        for (int pass = 0; pass < n - 1; pass++)
        {
            for (int j = 0; j < n - 1 - pass; j++)
            {
                if (a[j] > a[j + 1])
                {
                    double t = a[j];
                    a[j] = a[j + 1];
                    a[j + 1] = t;
                }
            }
        }
        double s = 0;
        for (int j = 0; j < n; j++) s += (j + 1) * a[j];
        return s;
    }

    /// <summary>Σ (i + 1) sin(x_i) over the elements before the first negative data mark (while + break).</summary>
    [Differentiable]
    public static double WhileBreakOnData(double[] x, [NoDerivative] double[] marks)
    {
        double s = 0;
        int i = 0;
        while (i < x.Length)
        {
            if (marks[i] < 0) break;
            s += (i + 1) * Math.Sin(x[i]);
            i++;
        }
        return s;
    }

    /// <summary>Σ_i Σ_{j ≤ i} x_i x_j = ½ (Σ x)² + ½ Σ x²: nested loops with a triangular bound.</summary>
    [Differentiable]
    public static double TriangularProducts(double[] x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j <= i; j++) s += x[i] * x[j];
        }
        return s;
    }

    /// <summary>Σ_i Σ_{j &gt; i} exp(-(x_i - x_j)²) / (j - i): the upper triangle, walked downwards in i.</summary>
    [Differentiable]
    public static double UpperTriangleKernel(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = x.Length - 1; i >= 0; i--)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                double d = x[i] - x[j];
                s += Math.Exp(-d * d) / (j - i);
            }
        }
        return s;
    }

    /// <summary>The entropy -Σ p_i log p_i of softmax(x), with p in a stackalloc buffer.</summary>
    [Differentiable]
    public static double StackallocSoftmaxEntropy(ReadOnlySpan<double> x)
    {
        Span<double> p = stackalloc double[x.Length];
        double z = 0;
        for (int i = 0; i < x.Length; i++)
        {
            p[i] = Math.Exp(x[i]);
            z += p[i];
        }
        double h = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double q = p[i] / z;
            h -= q * Math.Log(q);
        }
        return h;
    }

    /// <summary>Scalars gathered into local arrays through initializers: Σ c_i v_i² with v = {x, y, z, xy}.</summary>
    [Differentiable]
    public static double ArrayInitializers(double x, double y, double z)
    {
        double[] v = { x, y, z, x * y };
        double[] c = new double[] { 1.0, -2.0, 0.5, 3.0 };
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += c[i] * v[i] * v[i];
        return s;
    }

    /// <summary>A local array initialised from elements of a parameter, then reduced with a product.</summary>
    [Differentiable]
    public static double InitializerFromElements(double[] x)
    {
        double[] f = new double[] { x[0] + x[1], x[1] * x[2], Math.Sin(x[0]), 2.0 };
        double p = 1;
        foreach (double v in f) p *= 1 + v * v;
        return Math.Log(p);
    }

    /// <summary>Accumulate x_i² until the sum exceeds 2, then return sqrt(s)(i + 1) from inside the loop.</summary>
    [Differentiable]
    public static double EarlyReturnInLoop(double[] x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
            if (s > 2.0) return Math.Sqrt(s) * (i + 1);
        }
        return s;
    }

    /// <summary>Σ of exp(x_i) over elements whose data mask is positive (continue skips the others).</summary>
    [Differentiable]
    public static double ContinueOnDataMask(double[] x, [NoDerivative] double[] mask)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (mask[i] <= 0) continue;
            s += mask[i] * Math.Exp(x[i]);
        }
        return s;
    }

    /// <summary>Σ x_i³ over the positive elements only (continue on an active condition).</summary>
    [Differentiable]
    public static double ContinueOnNegative(double[] x)
    {
        double s = 0;
        foreach (double v in x)
        {
            if (v < 0) continue;
            s += v * v * v;
        }
        return s;
    }

    /// <summary>Compound assignments (+=, *=, -=) to elements of a local accumulator array with computed indices.</summary>
    [Differentiable]
    public static double CompoundElementAssignments(double[] x)
    {
        double[] acc = new double[3];
        acc[1] = 1;
        for (int i = 0; i < x.Length; i++)
        {
            acc[i % 3] += x[i] * x[i];
            acc[(i + 1) % 3] *= 1 + 0.1 * x[i];
            acc[2] -= 0.5 * x[i];
        }
        return acc[0] * acc[1] + acc[2];
    }

    /// <summary>Three Jacobi smoothing sweeps on a local copy (two buffers), then Σ u_i⁴.</summary>
    [Differentiable]
    public static double JacobiSmoothing(double[] u0, int sweeps)
    {
        int n = u0.Length;
        double[] u = new double[n];
        double[] next = new double[n];
        for (int i = 0; i < n; i++) u[i] = u0[i];
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            next[0] = u[0];
            next[n - 1] = u[n - 1];
            for (int i = 1; i < n - 1; i++) next[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
            for (int i = 0; i < n; i++) u[i] = next[i];
        }
        double s = 0;
        for (int i = 0; i < n; i++) s += u[i] * u[i] * u[i] * u[i];
        return s;
    }

    /// <summary>The index of the first element above a threshold selects a weight (search with break), times the element.</summary>
    [Differentiable]
    public static double FirstAboveThreshold(double[] x, [NoDerivative] double threshold)
    {
        int found = -1;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > threshold)
            {
                found = i;
                break;
            }
        }
        if (found < 0) return 0.5 * x[0] * x[0];
        return (found + 1) * x[found] * x[found];
    }

    /// <summary>A stackalloc buffer of squared differences x_{i+1} - x_i, then a weighted sum with a Length-dependent weight.</summary>
    [Differentiable]
    public static double StackallocDifferences(double[] x)
    {
        Span<double> d = stackalloc double[x.Length - 1];
        for (int i = 0; i < d.Length; i++) d[i] = x[i + 1] - x[i];
        double s = 0;
        for (int i = 0; i < d.Length; i++) s += (d.Length - i) * d[i] * d[i];
        return s;
    }
}
