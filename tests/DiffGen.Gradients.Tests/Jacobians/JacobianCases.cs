using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using F = DiffGen.Gradients.Tests.Jacobians.JacobianFunctions;
using L = DiffGen.Gradients.Tests.VectorOutputs.Layers;

namespace DiffGen.Gradients.Tests.Jacobians;

/// <summary>The table of Jacobian cases: each function of <see cref="JacobianFunctions"/> at a point away from its kinks and ties.</summary>
public static class JacobianCases
{
    public static IReadOnlyList<JacobianCase> All { get; } = Build();

    public static JacobianCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }

    private static double[] Draw(Random random, int length, double low = -1.5, double high = 1.5)
        => Enumerable.Range(0, length).Select(_ => low + (high - low) * random.NextDouble()).ToArray();

    private static double[][] Zeros(params int[] lengths) => lengths.Select(l => new double[l]).ToArray();

    private static JacobianCase[] Build()
    {
        var random = new Random(20261207);
        var layerW = Draw(random, 4 * 5, -1, 1);
        return new[]
        {
            new JacobianCase("SinExp", new[] { Draw(random, 6) }, Zeros(6),
                (x, y) => F.SinExp(x[0], y[0]), (x, y, j, s) => F.SinExpJacobian(x[0], y[0], j, s)),
            new JacobianCase("MatVec", new[] { Draw(random, 3 * 4), Draw(random, 4) }, Zeros(3),
                (x, y) => F.MatVec(x[0], x[1], y[0]), (x, y, j, s) => F.MatVecJacobian(x[0], x[1], y[0], j, s)),
            new JacobianCase("Softmax", new[] { new[] { 0.3, -1.2, 2.0, 0.7, -0.1 } }, Zeros(5),
                (x, y) => F.Softmax(x[0], y[0]), (x, y, j, s) => F.SoftmaxJacobian(x[0], y[0], j, s)),
            // h0 > 0 takes the tanh branch first; a[2] < 0 and the small a[3] send the state below zero and back.
            new JacobianCase("Recurrence", new[] { new[] { 0.8, 1.1, -2.5, 0.4, 0.9, -0.6 }, new[] { 0.5 } }, Zeros(6),
                (x, y) => F.Recurrence(x[0], x[1][0], y[0]), (x, y, j, s) => F.RecurrenceJacobian(x[0], x[1][0], y[0], j, s)),
            new JacobianCase("ScaleShift", new[] { new[] { 1.7 }, Draw(random, 5), new[] { -0.4 } }, Zeros(5),
                (x, y) => F.ScaleShift(x[0][0], x[1], x[2][0], y[0]), (x, y, j, s) => F.ScaleShiftJacobian(x[0][0], x[1], x[2][0], y[0], j, s)),
            // Differences x_i - x_{i+1} and x_i - 0.5 all at least 0.2 from zero.
            new JacobianCase("ReluAbs", new[] { new[] { 1.9, -0.7, 0.1, 1.2, -0.3 } }, Zeros(5),
                (x, y) => F.ReluAbs(x[0], y[0]), (x, y, j, s) => F.ReluAbsJacobian(x[0], y[0], j, s)),
            new JacobianCase("Curve", new[] { new[] { 0.7 }, new[] { -1.3 } }, Zeros(9),
                (x, y) => F.Curve(x[0][0], x[1][0], y[0]), (x, y, j, s) => F.CurveJacobian(x[0][0], x[1][0], y[0], j, s)),
            // The maximum 1.4 is unique.
            new JacobianCase("Moments", new[] { new[] { 0.2, -0.9, 1.4, 0.5, -0.3, 1.1, 0.0, -1.2 } }, Zeros(3),
                (x, y) => F.Moments(x[0], y[0]), (x, y, j, s) => F.MomentsJacobian(x[0], y[0], j, s)),
            new JacobianCase("SumAndProduct", new[] { Draw(random, 5), new[] { 0.9 } }, Zeros(4, 3),
                (x, y) => F.SumAndProduct(x[0], x[1][0], y[0], y[1]), (x, y, j, s) => F.SumAndProductJacobian(x[0], x[1][0], y[0], y[1], j, s)),
            new JacobianCase("TwoLayers", new[] { layerW, Draw(random, 5) }, Zeros(4),
                (x, y) => F.TwoLayers(x[0], x[1], y[0]), (x, y, j, s) => F.TwoLayersJacobian(x[0], x[1], y[0], j, s)),
            // The outputs' entry contents are read: the Jacobian is diag(2x) whatever they are, and each pass starts from them.
            new JacobianCase("AddSquares", new[] { Draw(random, 4) }, new[] { new[] { 0.5, -2.0, 3.0, 1.0 } },
                (x, y) => F.AddSquares(x[0], y[0]), (x, y, j, s) => F.AddSquaresJacobian(x[0], y[0], j, s)),
            // Layer returns early once an output exceeds 0.9: at bias 2.5 right after y[0], so y[1] keeps its entry contents and its row is zero.
            new JacobianCase("Layer", new[] { Draw(random, 8, -0.5, 0.5), new[] { 0.7, -0.4 }, new[] { 0.2 } }, new[] { new[] { 0.25, -0.75 } },
                (x, y) => L.Layer(x[0], x[1], x[2][0], y[0]), (x, y, j, s) => L.LayerJacobian(x[0], x[1], x[2][0], y[0], j, s)),
            new JacobianCase("LayerEarlyReturn", new[] { Draw(random, 8, -0.5, 0.5), new[] { 0.7, -0.4 }, new[] { 2.5 } }, new[] { new[] { 0.25, -0.75 } },
                (x, y) => L.Layer(x[0], x[1], x[2][0], y[0]), (x, y, j, s) => L.LayerJacobian(x[0], x[1], x[2][0], y[0], j, s)),
        };
    }
}
