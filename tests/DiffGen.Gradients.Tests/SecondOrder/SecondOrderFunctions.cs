using System;
using DiffGen.Gradients.Tests.Corpus;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// Functions written for the second-order members: exact quadratics (H known in closed form), arrays with
/// loops and calls, kinks whose H·v the rules pin, single precision, and a call that blocks H·v.
/// </summary>
public static partial class SecondOrderFunctions
{
    /// <summary>½ xᵀ A x + bᵀ x with A row-major n × n: H = (A + Aᵀ)/2 exactly.</summary>
    [Differentiable]
    public static double QuadraticForm(ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<double> a, [NoDerivative] ReadOnlySpan<double> b)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++) row += a[i * n + j] * x[j];
            s += 0.5 * x[i] * row + b[i] * x[i];
        }
        return s;
    }

    /// <summary>Σ_i (1 - x_i)² + 100 (x_{i+1} - x_i²)²: the chained Rosenbrock function.</summary>
    [Differentiable]
    public static double RosenbrockChain(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
        }
        return s;
    }

    /// <summary>A loop calling other [Differentiable] methods with elements of the array and a scalar weight.</summary>
    [Differentiable]
    public static double LoopOfCalls(ReadOnlySpan<double> x, double w)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += CallFunctions.Square(x[i] * w) + Math.Exp(0.3 * x[i]) * CallFunctions.SumOfSquares(w, x[(i + 1) % x.Length]);
        }
        return s;
    }

    /// <summary>A small tanh network with a softplus loss, weights in arrays, a branch on the data.</summary>
    [Differentiable]
    public static double TanhNetwork(ReadOnlySpan<double> w, ReadOnlySpan<double> v, [NoDerivative] ReadOnlySpan<double> inputs, int hidden)
    {
        int d = inputs.Length;
        double[] h = new double[hidden];
        for (int k = 0; k < hidden; k++)
        {
            double z = 0;
            for (int j = 0; j < d; j++) z += w[k * d + j] * inputs[j];
            h[k] = Math.Tanh(z);
        }
        double output = 0;
        for (int k = 0; k < hidden; k++) output += v[k] * h[k];
        if (inputs[0] > 0) output = -output;
        return Math.Log(1 + Math.Exp(output));
    }

    /// <summary>x |x|: gradient 2|x|; at the kink H·v is the tangent of the chosen rule, 2 abs'(0) v.</summary>
    [Differentiable]
    public static double AbsTimesX(double x) => Math.Abs(x) * x;

    /// <summary>max(x, y)²: at a tie the gradient splits 2 max(x, y) by the tie share, and so does H·v.</summary>
    [Differentiable]
    public static double MaxSquared(double x, double y)
    {
        double m = Math.Max(x, y);
        return m * m;
    }

    /// <summary>Single precision: the dual body runs over DualF.</summary>
    [Differentiable]
    public static float FloatPolynomial(float x, float y) => x * x * y + MathF.Sin(x * y) - 0.5f * y * y * y;

    /// <summary>The [DerivativeOf] rule <see cref="FirstOrderOnly.Dot"/> has no second-order rule: H·v is blocked (DG1005).</summary>
    [Differentiable]
    public static double BlockedByDot(ReadOnlySpan<double> x) => FirstOrderOnly.Dot(x, x) + x[0] * x[0] * x[0];

    /// <summary>Calls a method whose H·v is blocked: it compiles, and its H·v throws naming the callee's call.</summary>
    [Differentiable]
    public static double CallsBlocked(double x) => BlockedScalar(x) * x;

    /// <summary>A scalar method blocked by its own call of a span rule.</summary>
    [Differentiable]
    public static double BlockedScalar(double x)
    {
        double[] buffer = new double[2];
        buffer[0] = x;
        buffer[1] = 2 * x;
        return FirstOrderOnly.Dot(buffer, buffer);
    }
}
