using System;
using DiffGen.Optimizers;
using DiffGen.Optimizers.SecondOrder;
using Xunit;
using S = DiffGen.Gradients.Tests.SecondOrder.SecondOrderFunctions;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// Newton-CG driven by generated members: a method with one span parameter has a {M}Gradient of the
/// GradientFunction shape, and its {M}HessianVector is the HessianVectorProduct (its value dropped).
/// </summary>
public sealed class NewtonCgHessianVectorTests
{
    [Fact]
    public void NewtonCg_WithGeneratedHessianVector_MinimisesRosenbrockFromTheClassicStart()
    {
        var x = new Parameter<double>(new[] { -1.2, 1.0 });
        var newton = new NewtonCg(x, new NewtonCgOptions { ToleranceGrad = 1e-9 });
        Assert.True(newton.Minimize(S.RosenbrockChainGradient, (p, v, hv) => S.RosenbrockChainHessianVector(p, v, hv), maxIterations: 200),
                    $"gradient norm {newton.LastGradientNorm:E3} after {newton.Iterations} iterations");
        Assert.Equal(1.0, x.Data[0], 6);
        Assert.Equal(1.0, x.Data[1], 6);
    }

    /// <summary>
    /// The chained Rosenbrock function in 6 dimensions from (-1.2, 1, ...) has a local minimum near x0 = -1, which
    /// Newton-CG reaches; with the exact H·v it follows the same iterates as with central differences of the gradient.
    /// </summary>
    [Fact]
    public void NewtonCg_GeneratedAndFiniteDifferenceHessianVector_TakeTheSamePath()
    {
        double[] Run(HessianVectorProduct product, out long iterations)
        {
            var x = new Parameter<double>(new[] { -1.2, 1.0, -1.2, 1.0, -1.2, 1.0 });
            var newton = new NewtonCg(x, new NewtonCgOptions { ToleranceGrad = 1e-9 });
            Assert.True(newton.Minimize(S.RosenbrockChainGradient, product, maxIterations: 500));
            iterations = newton.Iterations;
            return x.Data;
        }
        double[] exact = Run((p, v, hv) => S.RosenbrockChainHessianVector(p, v, hv), out long exactIterations);
        double[] approximate = Run(FiniteDifferenceHessianVector.Create(S.RosenbrockChainGradient), out long approximateIterations);
        Assert.Equal(approximateIterations, exactIterations);
        for (int i = 0; i < exact.Length; i++) Assert.Equal(approximate[i], exact[i], 8);
    }
}
