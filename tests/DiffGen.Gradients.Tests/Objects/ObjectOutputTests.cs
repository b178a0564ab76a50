using System;
using DiffGen.Gradients.Tests.Corpus;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>Calls of void [Differentiable] methods taking objects: derivatives through the object's members and the outputs, against central differences.</summary>
public class ObjectOutputTests
{
    private const double H = 1e-6;

    private static double Central(Func<double, double> f, double x) => (f(x + H) - f(x - H)) / (2 * H);

    [Fact]
    public void StructPassedToAVoidMethod_GradientMatchesCentralDifferences()
    {
        var body = new Body { Mass = 1.7, Velocity = 3.2 };
        double value = ObjectOutputs.LandingGradient(body, 0.15, 0.4, out var dbody, out double ddt, out double ddrag);
        Assert.Equal(ObjectOutputs.Landing(body, 0.15, 0.4), value, 12);
        Numeric.AssertClose(Central(m => ObjectOutputs.Landing(new Body { Mass = m, Velocity = 3.2 }, 0.15, 0.4), 1.7), dbody.Mass, 1e-7, 1e-9, "dMass");
        Numeric.AssertClose(Central(v => ObjectOutputs.Landing(new Body { Mass = 1.7, Velocity = v }, 0.15, 0.4), 3.2), dbody.Velocity, 1e-7, 1e-9, "dVelocity");
        Numeric.AssertClose(Central(t => ObjectOutputs.Landing(body, t, 0.4), 0.15), ddt, 1e-7, 1e-9, "ddt");
        Numeric.AssertClose(Central(d => ObjectOutputs.Landing(body, 0.15, d), 0.4), ddrag, 1e-7, 1e-9, "ddrag");
        var (_, tangent) = ObjectOutputs.LandingTangent(body, 0.15, 0.4, new Body.Tangent { Mass = 0.3, Velocity = -0.7 }, 0.2, 0.5);
        Numeric.AssertClose(0.3 * dbody.Mass - 0.7 * dbody.Velocity + 0.2 * ddt + 0.5 * ddrag, tangent, 1e-12, 1e-12, "tangent against <gradient, t>");
    }

    [Fact]
    public void ClassPassingItselfToAVoidMethod_GradientMatchesCentralDifferences()
    {
        var rod = new Rod();
        var gradient = new Rod.Tangent(rod);
        double value = rod.EnergyGradient(0.8, out double dload, gradient);
        Assert.Equal(rod.Energy(0.8), value, 12);
        Numeric.AssertClose(Central(l => rod.Energy(l), 0.8), dload, 1e-7, 1e-9, "dload");
        Numeric.AssertClose(Central(k => new Rod { Stiffness = k }.Energy(0.8), 2.0), gradient.Stiffness, 1e-7, 1e-9, "dStiffness");
        for (int i = 0; i < 3; i++)
        {
            int k = i;
            Numeric.AssertClose(Central(s => { var moved = new Rod(); moved.Segments[k] = s; return moved.Energy(0.8); }, rod.Segments[i]), gradient.Segments[i], 1e-7, 1e-9, $"dSegments[{i}]");
        }
        Assert.True(rod.EnergyGradientCheck(0.8).Passed(1e-6, 1e-9));
    }
}
