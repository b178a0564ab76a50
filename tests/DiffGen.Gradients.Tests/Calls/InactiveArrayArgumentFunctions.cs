namespace DiffGen.Gradients.Tests.Calls;

/// <summary>An array the caller does not differentiate ([NoDerivative] data) passed where the callee takes a differentiable array.</summary>
public static partial class InactiveArrayArguments
{
    [Differentiable]
    public static double Weighted(double[] w, double[] x)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++) s += w[i] * x[i] * x[i];
        return s;
    }

    [Differentiable]
    public static double Caller(double[] w, [NoDerivative] double[] data)
        => Weighted(w, data) + Weighted(data, w);
}
