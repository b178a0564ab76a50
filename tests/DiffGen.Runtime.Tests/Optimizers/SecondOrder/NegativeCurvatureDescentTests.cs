using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.SecondOrder;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

public class NegativeCurvatureDescentTests
{
    /// <summary>f = -x0^2 + x0^4 / 4 + sum_{i&gt;0} x_i^2 (d = 4): a strict saddle at 0, minima at x0 = +-sqrt 2.</summary>
    private static double Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] += -2 * x[0] + x[0] * x[0] * x[0];
        double f = -x[0] * x[0] + Math.Pow(x[0], 4) / 4;
        for (int i = 1; i < x.Length; i++)
        {
            g[i] += 2 * x[i];
            f += x[i] * x[i];
        }

        return f;
    }

    private static void HessianVector(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv)
    {
        hv[0] += (-2 + 3 * x[0] * x[0]) * v[0];
        for (int i = 1; i < x.Length; i++) hv[i] += 2 * v[i];
    }

    [Fact]
    public void Step_LargeGradient_IsAPlainGradientStepWithoutProducts()
    {
        var x = new Parameter<double>([1.0, 1.0, 0.0, 0.0], "x");
        var o = new NegativeCurvatureDescent(x, new NegativeCurvatureDescentOptions { Lr = 0.1 });

        Assert.Equal(CurvatureStepKind.Gradient, o.Step(Gradient, HessianVector));

        // g = (-1, 2, 0, 0).
        Assert.Equal([1.1, 0.8, 0.0, 0.0], x.Data);
        Assert.Equal(0, o.HessianVectorProducts);
    }

    [Fact]
    public void Step_AtLocalMinimum_IsStationaryAndDoesNotMove()
    {
        var x = new Parameter<double>([Math.Sqrt(2.0), 0.0, 0.0, 0.0], "x");
        var o = new NegativeCurvatureDescent(x, new NegativeCurvatureDescentOptions { GradientTolerance = 1e-8 });

        Assert.Equal(CurvatureStepKind.Stationary, o.Step(Gradient, HessianVector));

        Assert.Equal([Math.Sqrt(2.0), 0.0, 0.0, 0.0], x.Data);
        Assert.Equal(2.0, o.LastCurvature, 1e-9);
    }

    [Fact]
    public void LoadState_Resume_IsBitwiseIdentical()
    {
        var x = new Parameter<double>([0.0, 0.5, -0.3, 0.2], "x");
        var options = new NegativeCurvatureDescentOptions { Lr = 0.2, GradientTolerance = 1e-3, Seed = 11 };
        var a = new NegativeCurvatureDescent(x, options);
        for (int k = 0; k < 30; k++) a.Step(Gradient, HessianVector);
        var saved = new MemoryStream();
        a.SaveState(saved);
        var y = new Parameter<double>(x.Data.ToArray(), "x");
        // The next steps reach the saddle's neighbourhood and draw a Lanczos start from the generator.
        for (int k = 0; k < 30; k++) a.Step(Gradient, HessianVector);
        Assert.True(a.NegativeCurvatureSteps > 0);

        var b = new NegativeCurvatureDescent(y, options with { Seed = 99 });
        b.LoadState(new MemoryStream(saved.ToArray()));
        for (int k = 0; k < 30; k++) b.Step(Gradient, HessianVector);

        Assert.Equal(x.Data, y.Data);
        Assert.Equal(a.HessianVectorProducts, b.HessianVectorProducts);
        Assert.Equal(a.LastCurvature, b.LastCurvature);
    }

    [Fact]
    public void LoadState_Truncated_ThrowsAndChangesNothing()
    {
        var ms = new MemoryStream();
        new NegativeCurvatureDescent(new Parameter<double>(new double[4])).SaveState(ms);
        var b = new NegativeCurvatureDescent(new Parameter<double>(new double[4]));
        Assert.Throws<InvalidDataException>(() => b.LoadState(new MemoryStream(ms.ToArray()[..^3])));
        Assert.Throws<InvalidDataException>(() => new NegativeCurvatureDescent(new Parameter<double>(new double[3])).LoadState(new MemoryStream(ms.ToArray())));
        Assert.Equal(0, b.GradientEvaluations);
    }

    public static TheoryData<NegativeCurvatureDescentOptions, string, string> InvalidOptions => new()
    {
        { new NegativeCurvatureDescentOptions { Lr = 0.0 }, nameof(NegativeCurvatureDescentOptions.Lr), "Invalid learning rate: 0.0" },
        { new NegativeCurvatureDescentOptions { GradientTolerance = -1.0 }, nameof(NegativeCurvatureDescentOptions.GradientTolerance), "Invalid gradient_tolerance value: -1.0" },
        { new NegativeCurvatureDescentOptions { CurvatureTolerance = double.NaN }, nameof(NegativeCurvatureDescentOptions.CurvatureTolerance), "Invalid curvature_tolerance value: nan" },
        { new NegativeCurvatureDescentOptions { LanczosIterations = 0 }, nameof(NegativeCurvatureDescentOptions.LanczosIterations), "Invalid lanczos_iterations value: 0" },
        { new NegativeCurvatureDescentOptions { CurvatureStepLength = -2.0 }, nameof(NegativeCurvatureDescentOptions.CurvatureStepLength), "Invalid curvature_step_length value: -2.0" },
        { new NegativeCurvatureDescentOptions { MaxLineSearchEvaluations = 0 }, nameof(NegativeCurvatureDescentOptions.MaxLineSearchEvaluations), "Invalid max_line_search_evaluations value: 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsNamingIt(NegativeCurvatureDescentOptions options, string name, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new NegativeCurvatureDescent(new Parameter<double>(new double[2]), options));
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
