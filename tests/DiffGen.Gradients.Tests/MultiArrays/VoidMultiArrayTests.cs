using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.MultiArrays.MultiArrayFunctions;
using S = DiffGen.Gradients.Tests.MultiArrays.ArgumentShape;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>
/// One void corpus function over 2-D and jagged arrays writing Span outputs: its differentiable
/// arguments' shapes, its outputs' lengths, and the function, its generated pullback (a seed per output,
/// shadows of the arguments' shapes) and its generated tangent (output tangents written).
/// </summary>
public sealed record VoidMultiArrayCase(
    string Name,
    S[] Shapes,
    int[] Outputs,
    Action<MultiArrayInputs, double[][]> Value,
    Action<MultiArrayInputs, double[][], MultiArrayInputs> Pullback,
    Action<MultiArrayInputs, MultiArrayInputs, double[][]> Tangent);

/// <summary>
/// Void methods with 2-D and jagged parameters: the pullback of a random seed against central differences
/// of the seed's inner product with the outputs, and forward mode against it (⟨seed, J t⟩ = ⟨Jᵀ seed, t⟩).
/// </summary>
public sealed class VoidMultiArrayTests
{
    private static readonly IReadOnlyList<VoidMultiArrayCase> Cases = new VoidMultiArrayCase[]
    {
        new("RowEnergies", new[] { S.Matrix(3, 2) }, new[] { 3 },
            (v, y) => F.RowEnergies(v.M(0), y[0]), (v, dy, d) => F.RowEnergiesPullback(v.M(0), y(0), dy[0], d.M(0)),
            (v, t, ty) => F.RowEnergiesTangent(v.M(0), y(0), t.M(0), ty[0])),
        new("JaggedRowNorms", new[] { S.Jagged(2, 1, 3), S.Scalar() }, new[] { 3 },
            (v, y) => F.JaggedRowNorms(v.J(0), v.S(1), y[0]),
            (v, dy, d) => { double ds = 0; F.JaggedRowNormsPullback(v.J(0), v.S(1), y(0), dy[0], d.J(0), ref ds); d.SetS(1, ds); },
            (v, t, ty) => F.JaggedRowNormsTangent(v.J(0), v.S(1), y(0), t.J(0), t.S(1), ty[0])),
        new("DenseInto", new[] { S.Matrix(2, 3), S.Vector(3), S.Scalar() }, new[] { 2 },
            (v, y) => F.DenseInto(v.M(0), v.V(1), v.S(2), y[0]),
            (v, dy, d) => { double db = 0; F.DenseIntoPullback(v.M(0), v.V(1), v.S(2), new double[2], dy[0], d.M(0), d.V(1), ref db); d.SetS(2, db); },
            (v, t, ty) => F.DenseIntoTangent(v.M(0), v.V(1), v.S(2), new double[2], t.M(0), t.V(1), t.S(2), ty[0])),
        new("TwoOutputs", new[] { S.Matrix(2, 2), S.Jagged(3, 1, 2) }, new[] { 3, 3 },
            (v, y) => F.TwoOutputs(v.M(0), v.J(1), y[0], y[1]),
            (v, dy, d) => F.TwoOutputsPullback(v.M(0), v.J(1), y(0), y(1), dy[0], dy[1], d.M(0), d.J(1)),
            (v, t, ty) => F.TwoOutputsTangent(v.M(0), v.J(1), y(0), y(1), t.M(0), t.J(1), ty[0], ty[1])),
    };

    /// <summary>A scratch output buffer the generated members write (their values are checked through <see cref="VoidMultiArrayCase.Value"/>).</summary>
    private static double[] y(int output) => new double[3];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Cases) data.Add(c.Name);
            return data;
        }
    }

    private static double[][] Outputs(VoidMultiArrayCase c) => c.Outputs.Select(n => new double[n]).ToArray();

    private static double Inner(double[][] a, double[][] b) => a.Zip(b, (p, q) => p.Zip(q, (u, w) => u * w).Sum()).Sum();

    [Theory]
    [MemberData(nameof(Names))]
    public void Pullback_MatchesCentralDifferences_AndForwardMode(string name)
    {
        var c = Cases.Single(k => k.Name == name);
        var random = new Random(Numeric.StableSeed(name));
        int n = c.Shapes.Sum(s => s.Count);
        for (int p = 0; p < 4; p++)
        {
            double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1.6 - 0.8).ToArray();
            var seeds = c.Outputs.Select(k => Enumerable.Range(0, k).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
            var inputs = MultiArrayInputs.FromFlat(c.Shapes, x);
            var shadows = MultiArrayInputs.Zero(c.Shapes);
            c.Pullback(inputs, seeds, shadows);
            double[] gradient = shadows.Flatten();
            Func<double[], double> f = q =>
            {
                var outputs = Outputs(c);
                c.Value(MultiArrayInputs.FromFlat(c.Shapes, q), outputs);
                return Inner(seeds, outputs);
            };
            for (int i = 0; i < n; i++)
                Numeric.AssertClose(ArrayNumeric.CentralDifference(f, x, i), gradient[i], 1e-6, 1e-8, $"{name} d/dx[{i}]");
            Assert.Equal(x, inputs.Flatten());

            double[] direction = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var tangents = Outputs(c);
            c.Tangent(inputs, MultiArrayInputs.FromFlat(c.Shapes, direction), tangents);
            Numeric.AssertClose(gradient.Zip(direction, (g, v) => g * v).Sum(), Inner(seeds, tangents), 1e-10, 1e-12, $"{name} tangent");
        }
    }

    [Fact]
    public void Pullback_JaggedShadowOfAnotherShape_ThrowsNamingIt()
    {
        double[][] b = { new[] { 1.0, 2.0 }, new[] { 3.0 } };
        double ds = 0;
        var e = Assert.Throws<ArgumentException>(() => F.JaggedRowNormsPullback(b, 1.0, new double[2], new double[] { 1, 1 }, new[] { new double[2] }, ref ds));
        Assert.Equal("db", e.ParamName);
    }
}
