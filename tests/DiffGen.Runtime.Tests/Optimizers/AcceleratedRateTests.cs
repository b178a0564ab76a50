using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;
using Xunit.Abstractions;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>
/// The rates the lecture states on a smooth convex problem, measured as log-log slopes of the suboptimality against the
/// step k: gradient descent and AdaGrad-Norm fall like 1/k, AcceleGrad's averaged iterate like 1/k^2, without being
/// told the smoothness constant. The problem is f(x) = 0.5 sum_i lambda_i (x_i - s_i)^2 with lambda_i = i/n (L = 1) and
/// s_i = lambda_i^(-1/2), started at 0: each eigenvalue carries the same share of the initial gap, so the problem is
/// not strongly convex on the scale of the steps measured (k &lt;&lt; sqrt(n) for the accelerated method), and the
/// worst-case rates are the actual ones. The suboptimality is computed here from the closed form, not by the optimizers.
/// </summary>
public class AcceleratedRateTests(ITestOutputHelper output)
{
    private const int N = 100_000;
    private const int Steps = 300;
    private static readonly int[] Checkpoints = [10, 14, 20, 28, 40, 56, 80, 113, 160, 226, 300];

    private static double Lambda(int i) => (i + 1.0) / N;

    private static double Target(int i) => 1.0 / Math.Sqrt(Lambda(i));

    private static double Suboptimality(ReadOnlySpan<double> x)
    {
        double f = 0.0;
        for (int i = 0; i < N; i++)
        {
            double d = x[i] - Target(i);
            f += 0.5 * Lambda(i) * d * d;
        }

        return f;
    }

    private static void Gradient(Parameter<double> p)
    {
        for (int i = 0; i < N; i++) p.Grad[i] = Lambda(i) * (p.Data[i] - Target(i));
    }

    private double Slope(string name, Func<Parameter<double>, Func<double[]>> makeStepper)
    {
        var p = new Parameter<double>(new double[N], "x");
        var step = makeStepper(p);
        var points = new List<(double, double)>();
        for (int k = 1; k <= Steps; k++)
        {
            Gradient(p);
            double[] iterate = step();
            if (Checkpoints.Contains(k)) points.Add((k, Suboptimality(iterate)));
        }

        double slope = SlopeFit.LogLog(points);
        output.WriteLine($"{name}: log-log slope {slope:F3}, suboptimality {points[0]} -> {points[^1]}");
        return slope;
    }

    [Fact]
    public void GradientDescent_FallsLikeOneOverK()
    {
        double slope = Slope("GD (lr 1/L)", p =>
        {
            var o = new Sgd<double>([p], new SgdOptions { Lr = 1.0 });
            return () => { o.Step(); return p.Data; };
        });
        Assert.InRange(slope, -1.15, -0.85);
    }

    [Fact]
    public void AdagradNorm_FallsLikeOneOverK()
    {
        double slope = Slope("AdaGrad-Norm", p =>
        {
            var o = new AdagradNorm<double>([p], new AdagradNormOptions { Lr = 100.0 });
            return () => { o.Step(); return p.Data; };
        });
        Assert.InRange(slope, -1.3, -0.7);
    }

    [Fact]
    public void AcceleGrad_AveragedIterate_FallsLikeOneOverKSquared()
    {
        double slope = Slope("AcceleGrad (averaged iterate)", p =>
        {
            var o = new AcceleGrad<double>([p], new AcceleGradOptions { Lr = 1000.0 });
            return () => { o.Step(); return o.AveragedIterate(p).ToArray(); };
        });
        Assert.InRange(slope, -2.5, -1.6);
    }
}
