using System;
using DiffGen;

namespace QuickStart;

/// <summary>The nonsmooth Rosenbrock-like function J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1|, minimised at (1, 1).</summary>
public static partial class NonsmoothRosenbrock
{
    [Differentiable]
    [CheckGradientAt(-1.0, 1.5)]
    [CheckGradientAt(0.5, 2.0)]
    public static double J(double t1, double t2)
    {
        double valley = t2 - Math.Abs(t1);
        return 100 * valley * valley + Math.Abs(1 - t1);
    }
}
