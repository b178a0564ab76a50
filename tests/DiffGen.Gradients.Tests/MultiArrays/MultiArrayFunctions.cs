using System;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>Corpus: [Differentiable] functions over 2-D (T[,]) and jagged (T[][]) arrays.</summary>
public static partial class MultiArrayFunctions
{
    /// <summary>Sum of squares of a 2-D array, loops bounded by GetLength.</summary>
    [Differentiable]
    public static double SumSquares(double[,] a)
    {
        double s = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) s += a[i, j] * a[i, j];
        return s;
    }

    /// <summary>x^T A y written with a[i, j].</summary>
    [Differentiable]
    public static double Bilinear(double[,] a, double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            double row = 0;
            for (int j = 0; j < a.GetLength(1); j++) row += a[i, j] * y[j];
            s += x[i] * row;
        }
        return s;
    }

    /// <summary>Matrix-vector product into a local buffer, then a smooth loss of it.</summary>
    [Differentiable]
    public static double MatVecLoss(double[,] w, double[] x, [NoDerivative] double[] target)
    {
        int rows = w.GetLength(0), cols = w.GetLength(1);
        double[] h = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double z = 0;
            for (int j = 0; j < cols; j++) z += w[i, j] * x[j];
            h[i] = Math.Tanh(z);
        }
        double loss = 0;
        for (int i = 0; i < rows; i++) loss += (h[i] - target[i]) * (h[i] - target[i]);
        return loss;
    }

    /// <summary>A local 2-D buffer written, then read: the elementwise product of a and its transpose-shaped copy.</summary>
    [Differentiable]
    public static double LocalBuffer(double[,] a, double scale)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        double[,] b = new double[m, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) b[j, i] = scale * Math.Sin(a[i, j]);
        double s = 0;
        for (int j = 0; j < m; j++)
            for (int i = 0; i < n; i++) s += b[j, i] * a[i, j];
        return s;
    }

    /// <summary>a.Length (all elements) and foreach over a 2-D array (row-major).</summary>
    [Differentiable]
    public static double MeanOfExp(double[,] a)
    {
        double s = 0;
        foreach (double v in a) s += Math.Exp(v);
        return s / a.Length;
    }

    /// <summary>Jagged reads b[i][j], row lengths that differ.</summary>
    [Differentiable]
    public static double JaggedSumCubes(double[][] b)
    {
        double s = 0;
        for (int i = 0; i < b.Length; i++)
            for (int j = 0; j < b[i].Length; j++) s += b[i][j] * b[i][j] * b[i][j];
        return s;
    }

    /// <summary>A row named with var row = b[i], read through the name.</summary>
    [Differentiable]
    public static double RowViews(double[][] b, double c)
    {
        double s = 0;
        for (int i = 0; i < b.Length; i++)
        {
            var row = b[i];
            double r = 0;
            for (int j = 0; j < row.Length; j++) r += Math.Log(1 + row[j] * row[j]) * c;
            s += r * r;
        }
        return s;
    }

    /// <summary>foreach over the rows of a jagged array, then over each row.</summary>
    [Differentiable]
    public static double ForEachRows(double[][] b)
    {
        double s = 0;
        foreach (var row in b)
        {
            double m = 0;
            foreach (double v in row) m += v;
            s += Math.Sin(m);
        }
        return s;
    }

    /// <summary>A jagged-row loop with break: each row is summed until its running sum passes a limit.</summary>
    [Differentiable]
    public static double RowsWithBreak(double[][] b, [NoDerivative] double limit)
    {
        double s = 0;
        for (int i = 0; i < b.Length; i++)
        {
            double r = 0;
            for (int j = 0; j < b[i].Length; j++)
            {
                r += b[i][j] * b[i][j];
                if (r > limit) break;
            }
            s += Math.Sqrt(r + 1);
        }
        return s;
    }

    /// <summary>A helper over one row.</summary>
    [Differentiable]
    public static double Norm2(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
        return s;
    }

    /// <summary>A helper over one row, taking an array.</summary>
    [Differentiable]
    public static double Softplus(double[] v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += Math.Log(1 + Math.Exp(v[i]));
        return s;
    }

    /// <summary>Rows b[i] passed to [Differentiable] helpers taking ReadOnlySpan&lt;double&gt; and double[].</summary>
    [Differentiable]
    public static double RowsToHelpers(double[][] b)
    {
        double s = 0;
        for (int i = 0; i < b.Length; i++) s += Norm2(b[i]) * Softplus(b[i]);
        return s;
    }

    /// <summary>A jagged weight matrix times a 2-D batch: both kinds in one method, with a scalar.</summary>
    [Differentiable]
    public static double Mixed(double[,] x, double[][] w, double bias)
    {
        double loss = 0;
        for (int n = 0; n < x.GetLength(0); n++)
        {
            for (int k = 0; k < w.Length; k++)
            {
                double z = bias;
                for (int j = 0; j < w[k].Length; j++) z += w[k][j] * x[n, j];
                loss += z * z;
            }
        }
        return loss;
    }

    /// <summary>A 2-D local accumulated over a loop (a Gram matrix), then a smooth function of it.</summary>
    [Differentiable]
    public static double GramTrace(double[,] a)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var g = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < m; j++) g[i, k] += a[i, j] * a[k, j];
        double s = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) s += Math.Sqrt(1 + g[i, k] * g[i, k]);
        return s;
    }

    /// <summary>A float 2-D array.</summary>
    [Differentiable]
    public static float FloatSum(float[,] a, float c)
    {
        float s = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) s += MathF.Sin(c * a[i, j]);
        return s;
    }

    /// <summary>A [NoDerivative] jagged table of data and a 2-D int table of indices.</summary>
    [Differentiable]
    public static double DataTables(double[] x, [NoDerivative] double[][] coefficients, int[,] pick)
    {
        double s = 0;
        for (int i = 0; i < pick.GetLength(0); i++)
            s += coefficients[i][pick[i, 1]] * x[pick[i, 0]] * x[pick[i, 0]];
        return s;
    }

    /// <summary>A 2-D scratch buffer allocated inside a loop (its storage moves before the loop), each row of a written then read.</summary>
    [Differentiable]
    public static double BufferInLoop(double[,] a)
    {
        double s = 0;
        for (int r = 0; r < a.GetLength(0); r++)
        {
            var t = new double[2, a.GetLength(1)];
            for (int j = 0; j < a.GetLength(1); j++)
            {
                t[0, j] = a[r, j] * a[r, j];
                t[1, j] = Math.Cos(t[0, j]) + a[r, j];
            }
            for (int j = 0; j < a.GetLength(1); j++) s += t[0, j] * t[1, j];
        }
        return s;
    }
}
