using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Single-precision versions of several array functions. Each has a double twin in the other corpus
/// files; the tests compare the float derivatives with finite differences of the twin.
/// </summary>
public static partial class FloatArrayFunctions
{
    [Differentiable]
    public static float DotF(float[] x, float[] y)
    {
        float s = 0f;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    [Differentiable]
    public static float HornerF(ReadOnlySpan<float> c, float x)
    {
        float acc = 0f;
        for (int i = c.Length - 1; i >= 0; i--) acc = acc * x + c[i];
        return acc;
    }

    [Differentiable]
    public static float WeightedSquaredNormF(float[] x, [NoDerivative] float[] w)
    {
        float s = 0f;
        for (int i = 0; i < x.Length; i++) s += w[i] * x[i] * x[i];
        return s;
    }

    [Differentiable]
    public static float SoftmaxCrossEntropyF(float[] logits, int label)
    {
        float m = logits[0];
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > m) m = logits[i];
        }
        float s = 0f;
        for (int i = 0; i < logits.Length; i++) s += MathF.Exp(logits[i] - m);
        return m + MathF.Log(s) - logits[label];
    }

    [Differentiable]
    public static float MatVecTanhSumF(float[] w, float[] x)
    {
        int cols = x.Length;
        int rows = w.Length / cols;
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) y[r] += w[r * cols + c] * x[c];
        }
        float s = 0f;
        for (int r = 0; r < rows; r++) s += MathF.Tanh(y[r]);
        return s;
    }

    [Differentiable]
    public static float LaplacianEnergyF(float[] u)
    {
        float s = 0f;
        for (int i = 1; i < u.Length - 1; i++)
        {
            float l = u[i - 1] - 2f * u[i] + u[i + 1];
            s += l * l;
        }
        return s;
    }

    [Differentiable]
    public static float StackallocSoftmaxEntropyF(ReadOnlySpan<float> x)
    {
        Span<float> p = stackalloc float[x.Length];
        float z = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            p[i] = MathF.Exp(x[i]);
            z += p[i];
        }
        float h = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            float q = p[i] / z;
            h -= q * MathF.Log(q);
        }
        return h;
    }

    [Differentiable]
    public static float PrefixProductF(float[] p)
    {
        float[] prefix = new float[p.Length + 1];
        prefix[0] = 1f;
        for (int i = 0; i < p.Length; i++) prefix[i + 1] = prefix[i] * p[i];
        return prefix[p.Length];
    }
}
