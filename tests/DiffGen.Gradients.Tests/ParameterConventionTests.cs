using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// The generated signatures: one shadow per differentiable parameter in parameter order (int and
/// [NoDerivative] parameters skipped), named d{name} / t{name}; gradient checks name the same parameters.
/// </summary>
public sealed class ParameterConventionTests
{
    // a b c e + f^2 a + n b at a = 0.5, n = 2, c = 1.5, b = -0.7, e = 0.25, f = 1.1.
    private const double A = 0.5, C = 1.5, B = -0.7, E = 0.25, F = 1.1;
    private const int N = 2;

    [Fact]
    public void InterleavedParametersGradient_ShadowsInParameterOrder_MatchClosedForm()
    {
        double value = DataFlowFunctions.InterleavedParametersGradient(A, N, C, B, E, F, out double da, out double db, out double df);
        Assert.Equal(DataFlowFunctions.InterleavedParameters(A, N, C, B, E, F), value);
        Assert.Equal(B * C * E + F * F, da, 14);
        Assert.Equal(A * C * E + N, db, 14);
        Assert.Equal(2 * F * A, df, 14);
    }

    [Fact]
    public void InterleavedParametersTangent_TangentsInParameterOrder_MatchGradientDotDirection()
    {
        var (value, tangent) = DataFlowFunctions.InterleavedParametersTangent(A, N, C, B, E, F, 0.3, -1.2, 0.8);
        Assert.Equal(DataFlowFunctions.InterleavedParameters(A, N, C, B, E, F), value);
        double expected = (B * C * E + F * F) * 0.3 + (A * C * E + N) * -1.2 + 2 * F * A * 0.8;
        Assert.Equal(expected, tangent, 14);
    }

    [Fact]
    public void InterleavedParametersGradientCheck_Result_NamesOnlyDifferentiableParameters()
    {
        var result = DataFlowFunctions.InterleavedParametersGradientCheck(A, N, C, B, E, F);
        Assert.Equal(new[] { "a", "b", "f" }, result.ParameterNames);
        Assert.Equal(DataFlowFunctions.InterleavedParameters(A, N, C, B, E, F), result.Value);
        Assert.True(result.Passed(1e-6, 1e-9), result.ToString());
        Assert.Contains("InterleavedParameters", result.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAll_RegisteredChecks_HaveDistinctNames()
    {
        var names = GradientChecks.RunAll().Select(r => r.Name).ToList();
        var duplicates = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate check names: " + string.Join(", ", duplicates));
    }
}
