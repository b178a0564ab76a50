using System;
using System.Linq;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.TupleResults.TupleParameterFunctions;

namespace DiffGen.Gradients.Tests.TupleResults;

/// <summary>
/// Tuple parameters: shadows (<c>out</c> in {M}Gradient, <c>ref</c> and added to in {M}Pullback) and directions are
/// tuples of the parameter's type; checked against central differences and between the modes.
/// </summary>
public sealed class TupleParameterTests
{
    private const double H = 1e-5;

    private static double Central(Func<double, double> f, double x) => (f(x + H) - f(x - H)) / (2 * H);

    [Fact]
    public void Norm_GradientMatchesCentralDifferences_AndTheTangent()
    {
        var p = (X: 0.6, Y: -1.2);
        double value = F.NormGradient(p, 1.7, out var dp, out double ds);
        Assert.Equal(F.Norm(p, 1.7), value);
        Numeric.AssertClose(Central(x => F.Norm((x, p.Y), 1.7), p.X), dp.X, 1e-8, 1e-10, "dX");
        Numeric.AssertClose(Central(y => F.Norm((p.X, y), 1.7), p.Y), dp.Y, 1e-8, 1e-10, "dY");
        Numeric.AssertClose(Central(s => F.Norm(p, s), 1.7), ds, 1e-8, 1e-10, "ds");
        var (_, tangent) = F.NormTangent(p, 1.7, (0.3, -0.4), 0.5);
        Numeric.AssertClose(0.3 * dp.X - 0.4 * dp.Y + 0.5 * ds, tangent, 1e-13, 1e-14, "<gradient, t> against the tangent");
    }

    [Fact]
    public void Pullback_AddsSeededPartialsToTheTupleShadow()
    {
        var p = (X: 0.6, Y: -1.2);
        F.NormGradient(p, 1.7, out var dp, out _);
        var accumulated = (X: 10.0, Y: -3.0);
        double ds = 1;
        F.NormPullback(p, 1.7, 0.25, ref accumulated, ref ds);
        Numeric.AssertClose(10 + 0.25 * dp.X, accumulated.X, 1e-14, 1e-14, "X");
        Numeric.AssertClose(-3 + 0.25 * dp.Y, accumulated.Y, 1e-14, 1e-14, "Y");
    }

    [Fact]
    public void Weighted_IntElementIsData_FloatElementsCarryDerivatives()
    {
        var p = (Value: 0.4, Count: 3);
        var q = (A: 1.5f, B: -0.5f);
        F.WeightedGradient(p, q, out var dp, out var dq);
        Assert.Equal(3.0, dp.Value);
        Assert.Equal(0, dp.Count);
        Assert.Equal(-0.5f, dq.A);
        Assert.Equal(1.5f, dq.B);
    }

    [Fact]
    public void Segment_UnnamedTuplesInALoop_MatchCentralDifferences()
    {
        var from = (0.2, -0.3);
        var to = (1.1, 0.8);
        double[] t = { 0.0, 0.25, 0.6, 1.0 };
        var dt = new double[t.Length];
        F.SegmentGradient(from, to, t, out var dFrom, out var dTo, dt);
        Numeric.AssertClose(Central(a => F.Segment((a, from.Item2), to, t), from.Item1), dFrom.Item1, 1e-8, 1e-10, "from.Item1");
        Numeric.AssertClose(Central(b => F.Segment(from, (to.Item1, b), t), to.Item2), dTo.Item2, 1e-8, 1e-10, "to.Item2");
        for (int i = 0; i < t.Length; i++)
        {
            int k = i;
            Numeric.AssertClose(Central(v => { var moved = (double[])t.Clone(); moved[k] = v; return F.Segment(from, to, moved); }, t[i]), dt[i], 1e-8, 1e-10, $"t[{i}]");
        }
    }

    [Fact]
    public void GenericTupleParameter_DoubleAndFloatInstances()
    {
        F.WaveGradient((Amplitude: 1.3, Phase: 0.2), 0.7, out var dp, out double dx);
        Numeric.AssertClose(Math.Sin(0.9), dp.Amplitude, 1e-14, 1e-15, "d amplitude");
        Numeric.AssertClose(1.3 * Math.Cos(0.9), dp.Phase, 1e-14, 1e-15, "d phase");
        Numeric.AssertClose(1.3 * Math.Cos(0.9), dx, 1e-14, 1e-15, "dx");
        F.WaveGradient((Amplitude: 1.3f, Phase: 0.2f), 0.7f, out var dpFloat, out float dxFloat);
        Assert.Equal(dp.Phase, dpFloat.Phase, 5);
        Assert.Equal(dx, dxFloat, 5);
    }

    [Fact]
    public void NoDerivativeTupleParameter_GetsNoShadow()
    {
        var gradient = typeof(F).GetMethods().Single(m => m.Name == "FixedGradient");
        Assert.Equal(3, gradient.GetParameters().Length); // origin, x, out dx
        double value = F.FixedGradient((0.5, -1.0), 2.0, out double dx);
        Assert.Equal(F.Fixed((0.5, -1.0), 2.0), value);
        Assert.Equal((2.0 - -1.0) + (2.0 - 0.5), dx);
    }
}
