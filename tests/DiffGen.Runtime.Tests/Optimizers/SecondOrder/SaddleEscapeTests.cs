using System;
using DiffGen.Optimizers;
using DiffGen.Optimizers.SecondOrder;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

/// <summary>The strict saddle of issue 13: f(t) = t1^4 - 4 t1^2 + t2^2, minimisers (+-sqrt 2, 0), saddle (0, 0) whose
/// stable manifold is {t1 = 0}. Gradient and H·v are the closed forms, written here.</summary>
public class SaddleEscapeTests
{
    private static double Gradient(ReadOnlySpan<double> t, Span<double> g)
    {
        g[0] += 4 * t[0] * t[0] * t[0] - 8 * t[0];
        g[1] += 2 * t[1];
        return Math.Pow(t[0], 4) - 4 * t[0] * t[0] + t[1] * t[1];
    }

    /// <summary>H = diag(12 t1^2 - 8, 2).</summary>
    private static void HessianVector(ReadOnlySpan<double> t, ReadOnlySpan<double> v, Span<double> hv)
    {
        hv[0] += (12 * t[0] * t[0] - 8) * v[0];
        hv[1] += 2 * v[1];
    }

    /// <summary>Plain gradient descent: the runtime's SGD on the full gradient, lr 0.05, no momentum.</summary>
    [Fact]
    public void GradientDescent_StartedOnStableManifold_ConvergesToSaddle()
    {
        var t = new Parameter<double>([0.0, 1.0], "t");
        var sgd = new Sgd<double>([t], new SgdOptions { Lr = 0.05 });
        for (int k = 0; k < 2000; k++)
        {
            sgd.ZeroGrad();
            Gradient(t.Data, t.Grad);
            sgd.Step();
        }

        Assert.Equal(0.0, t.Data[0]);
        Assert.True(Math.Abs(t.Data[1]) < 1e-12, $"t2 = {t.Data[1]}");
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void NegativeCurvatureDescent_StartedOnStableManifold_ReachesMinimum(ulong seed)
    {
        var t = new Parameter<double>([0.0, 1.0], "t");
        var o = new NegativeCurvatureDescent(t, new NegativeCurvatureDescentOptions
        {
            Lr = 0.05, GradientTolerance = 1e-8, CurvatureTolerance = 1e-6, Seed = seed,
        });

        Assert.True(o.Minimize(Gradient, HessianVector, 5000));
        Assert.True(Math.Abs(Math.Abs(t.Data[0]) - Math.Sqrt(2.0)) < 1e-8, $"t1 = {t.Data[0]}");
        Assert.True(Math.Abs(t.Data[1]) < 1e-8, $"t2 = {t.Data[1]}");
        Assert.Equal(1, o.NegativeCurvatureSteps);
        // The last probe is at the minimum, where H = diag(16, 2).
        Assert.Equal(2.0, o.LastCurvature, 1e-6);
    }

    [Fact]
    public void NegativeCurvatureDescent_AtTheSaddle_StepsAlongT1WithFDecreasing()
    {
        var t = new Parameter<double>([0.0, 0.0], "t");
        var o = new NegativeCurvatureDescent(t, new NegativeCurvatureDescentOptions { Seed = 7 });

        Assert.Equal(CurvatureStepKind.NegativeCurvature, o.Step(Gradient, HessianVector));

        Assert.Equal(-8.0, o.LastCurvature, 1e-12);
        Assert.Equal(0.0, t.Data[1], 1e-12);
        Assert.Equal(1.0, Math.Abs(t.Data[0]), 1e-12);
        Assert.True(Gradient(t.Data, new double[2]) < 0.0);
        Assert.Equal(2, o.HessianVectorProducts);
    }

    /// <summary>CG only explores the Krylov space of g, which on the manifold never contains e1: Newton-CG's
    /// negative-curvature test cannot fire, and it ends at the saddle like gradient descent.</summary>
    [Fact]
    public void NewtonCg_StartedOnStableManifold_AlsoEndsAtSaddle()
    {
        var t = new Parameter<double>([0.0, 1.0], "t");
        var o = new NewtonCg(t, new NewtonCgOptions { InitialDamping = 0.0, ToleranceGrad = 1e-12 });

        Assert.True(o.Minimize(Gradient, HessianVector, 50));
        Assert.Equal(0.0, t.Data[0]);
        Assert.Equal(0, o.NegativeCurvatureStops);
    }
}
