using System;
using System.Linq;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.Jacobians.JacobianFunctions;

namespace DiffGen.Gradients.Tests.Jacobians;

/// <summary>
/// The generated {M}Jacobian of methods writing span outputs: against central differences of the method under each
/// strategy, forward columns against reverse rows, the strategy Auto picks from the shapes, the outputs it writes, and
/// bad arguments.
/// </summary>
public sealed class JacobianTests
{
    private static readonly JacobianStrategy[] Strategies = { JacobianStrategy.Auto, JacobianStrategy.ForwardColumns, JacobianStrategy.ReverseRows };

    public static TheoryData<string, JacobianStrategy> CasesAndStrategies()
    {
        var data = new TheoryData<string, JacobianStrategy>();
        foreach (var c in JacobianCases.All)
            foreach (var strategy in Strategies) data.Add(c.Name, strategy);
        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndStrategies))]
    public void Jacobian_EachStrategy_MatchesCentralDifferences(string name, JacobianStrategy strategy)
    {
        var c = JacobianCases.Get(name);
        var (matrix, _) = c.Run(strategy);
        var reference = c.CentralDifferences();
        double scale = Math.Max(1.0, reference.Max(Math.Abs));
        for (int i = 0; i < c.M; i++)
            for (int j = 0; j < c.N; j++)
                Numeric.AssertClose(reference[i * c.N + j], matrix[i * c.N + j], 1e-7, 1e-8 * scale, $"{name} ({strategy}) J[{i},{j}]");
    }

    [Theory]
    [MemberData(nameof(JacobianCases.Names), MemberType = typeof(JacobianCases))]
    public void Jacobian_ForwardColumnsAndReverseRows_AgreeToRounding(string name)
    {
        var c = JacobianCases.Get(name);
        var (forward, _) = c.Run(JacobianStrategy.ForwardColumns);
        var (reverse, _) = c.Run(JacobianStrategy.ReverseRows);
        double scale = Math.Max(1.0, forward.Max(Math.Abs));
        for (int k = 0; k < forward.Length; k++)
            Numeric.AssertClose(forward[k], reverse[k], 1e-12, 1e-14 * scale, $"{name} J[{k / c.N},{k % c.N}]");
    }

    [Theory]
    [MemberData(nameof(CasesAndStrategies))]
    public void Jacobian_Outputs_AreWhatTheMethodWritesFromTheirEntryContents(string name, JacobianStrategy strategy)
    {
        var c = JacobianCases.Get(name);
        var (_, outputs) = c.Run(strategy);
        var expected = c.Evaluate(c.Inputs);
        for (int i = 0; i < expected.Length; i++)
            Numeric.AssertClose(expected[i], outputs[i], 1e-14, 1e-15, $"{name} ({strategy}) output {i}");
    }

    /// <summary>Auto gives bit for bit the matrix of the strategy the shapes call for: columns when n &lt; m, rows otherwise.</summary>
    [Theory]
    [MemberData(nameof(JacobianCases.Names), MemberType = typeof(JacobianCases))]
    public void Jacobian_Auto_RunsColumnsWhenInputsAreNoMoreThanOutputsAndRowsOtherwise(string name)
    {
        var c = JacobianCases.Get(name);
        var expected = c.N < c.M ? JacobianStrategy.ForwardColumns : JacobianStrategy.ReverseRows;
        Assert.Equal(c.Run(expected).Matrix, c.Run(JacobianStrategy.Auto).Matrix);
    }

    /// <summary>The test above can tell the strategies apart: on a tall, a square and a wide case their matrices differ in rounding.</summary>
    [Theory]
    [InlineData("Curve")]
    [InlineData("Softmax")]
    [InlineData("TwoLayers")]
    [InlineData("Moments")]
    public void Strategies_DifferInRounding_OnCasesOfEachShape(string name)
    {
        var c = JacobianCases.Get(name);
        Assert.NotEqual(c.Run(JacobianStrategy.ForwardColumns).Matrix, c.Run(JacobianStrategy.ReverseRows).Matrix);
    }

    [Fact]
    public void Jacobian_Shapes_CoverBothStrategies()
    {
        Assert.Contains(JacobianCases.All, c => c.N < c.M);
        Assert.Contains(JacobianCases.All, c => c.N > c.M);
        Assert.Contains(JacobianCases.All, c => c.N == c.M);
    }

    [Fact]
    public void Jacobian_SinglePrecision_MatchesTheClosedForm()
    {
        float[] x = { -1.1f, -0.2f, 0.4f, 1.3f };
        foreach (var strategy in Strategies)
        {
            var y = new float[4];
            var matrix = new float[16];
            F.SinExpFJacobian(x, y, matrix, strategy);
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 4; j++)
                {
                    double expected = i != j ? 0 : (Math.Cos(x[i]) + 0.5 * Math.Sin(x[i])) * Math.Exp(0.5 * x[i]);
                    Numeric.AssertClose(expected, matrix[i * 4 + j], 1e-5, 1e-6, $"SinExpF ({strategy}) J[{i},{j}]");
                }
                Numeric.AssertClose(Math.Sin(x[i]) * Math.Exp(0.5 * x[i]), y[i], 1e-6, 1e-7, $"SinExpF ({strategy}) y[{i}]");
            }
        }
    }

    [Fact]
    public void Jacobian_NoInputValues_WritesTheOutputsAndAnEmptyMatrix()
    {
        double[] y = { 5, 6, 7 };
        F.MatVecJacobian(Array.Empty<double>(), Array.Empty<double>(), y, Span<double>.Empty);
        Assert.Equal(new double[3], y);
    }

    [Fact]
    public void Jacobian_MatrixOfWrongLength_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => F.MatVecJacobian(new double[12], new double[4], new double[3], new double[3 * 16 - 1]));
        Assert.Equal("jacobian", e.ParamName);
        Assert.Contains("m * n = 48", e.Message);
        Assert.Contains("m = 3 outputs and n = 16 differentiable inputs, not 47", e.Message);
    }

    [Fact]
    public void Jacobian_MatrixSharingMemoryWithAnInput_ThrowsNamingIt()
    {
        var buffer = new double[60];
        var e = Assert.Throws<ArgumentException>(() => F.MatVecJacobian(buffer.AsSpan(0, 12), new double[4], new double[3], buffer.AsSpan(10, 48)));
        Assert.Equal("jacobian", e.ParamName);
        Assert.Contains("share memory with a", e.Message);
    }

    [Fact]
    public void Jacobian_UndefinedStrategy_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => F.SinExpJacobian(new double[2], new double[2], new double[4], (JacobianStrategy)7));
        Assert.Equal("strategy", e.ParamName);
    }
}
