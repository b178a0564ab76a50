using System;
using DiffGen.Optimizers;
using DiffGen.Optimizers.SecondOrder;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

public class NewtonCgConvergenceTests
{
    /// <summary>Rosenbrock f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.2, 1), closed forms written here: nonconvex (H is
    /// indefinite on part of the path), so the damping, the line search and the negative-curvature exit all take part;
    /// with the default options Newton-CG reaches the minimiser (1, 1).</summary>
    [Fact]
    public void Minimize_Rosenbrock_DefaultOptions_ReachesMinimiser()
    {
        static double F(ReadOnlySpan<double> p, Span<double> g)
        {
            double x = p[0], y = p[1];
            g[0] += -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] += 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        static void Hv(ReadOnlySpan<double> p, ReadOnlySpan<double> v, Span<double> hv)
        {
            double x = p[0], y = p[1];
            double hxx = 2 - 400 * y + 1200 * x * x, hxy = -400 * x, hyy = 200;
            hv[0] += hxx * v[0] + hxy * v[1];
            hv[1] += hxy * v[0] + hyy * v[1];
        }

        var w = new Parameter<double>([-1.2, 1.0], "w");
        var o = new NewtonCg(w, new NewtonCgOptions { ToleranceGrad = 1e-10 });

        Assert.True(o.Minimize(F, Hv, 500));

        Assert.Equal(1.0, w.Data[0], 1e-8);
        Assert.Equal(1.0, w.Data[1], 1e-8);
    }

    /// <summary>The central-difference fallback plugged into Newton-CG: on logistic regression it reaches a gradient
    /// norm of 1e-9 (measured with the test's closed-form gradient) with the products' gradients counted.</summary>
    [Fact]
    public void Minimize_FiniteDifferenceProducts_Converge()
    {
        var problem = new Logistic(n: 200, d: 8, lambda: 1e-3, seed: 21);
        int gradients = 0;
        GradientFunction grad = (x, g) =>
        {
            gradients++;
            return problem.Gradient(x, g);
        };
        var w = new Parameter<double>(new double[8], "w");
        var o = new NewtonCg(w, new NewtonCgOptions { InitialDamping = 0.0, ToleranceGrad = 1e-9 });

        Assert.True(o.Minimize(grad, FiniteDifferenceHessianVector.Create(grad), 50));

        var g = new double[8];
        problem.Gradient(w.Data, g);
        double norm = 0.0;
        foreach (double v in g) norm += v * v;
        Assert.True(Math.Sqrt(norm) <= 1e-9, $"gradient norm {Math.Sqrt(norm)}");
        Assert.Equal(o.GradientEvaluations + 2 * o.HessianVectorProducts, gradients);
    }
}
