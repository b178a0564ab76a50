using System;
using Xunit;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using S = DiffGen.Gradients.Tests.SecondOrder.SecondOrderFunctions;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>Bad input to the second-order members: wrong lengths throw ArgumentException naming the argument; blocked H·v throws naming the call.</summary>
public sealed class HessianArgumentTests
{
    private static readonly double[] A = new double[12], X = new double[3], B = new double[4];

    [Fact]
    public void HessianVector_DirectionOfWrongLength_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => M.LeastSquaresHessianVector(A, X, B, new double[12], new double[2], new double[4], new double[12], new double[3], new double[4]));
        Assert.Equal("vx", e.ParamName);
        Assert.Contains("vx must have the length of x", e.Message);
    }

    [Fact]
    public void HessianVector_OutputOfWrongLength_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => M.LeastSquaresHessianVector(A, X, B, new double[12], new double[3], new double[4], new double[12], new double[3], new double[5]));
        Assert.Equal("hb", e.ParamName);
    }

    [Fact]
    public void Hessian_MatrixOfWrongLength_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => M.LeastSquaresHessian(A, X, B, new double[19 * 18]));
        Assert.Equal("hessian", e.ParamName);
        Assert.Contains("n * n = 361", e.Message);
    }

    [Fact]
    public void HessianVector_OutputsOfArrays_AreAddedTo()
    {
        double[] x = { 0.5, 1.0, -0.5, 2.0 }, v = { 1, 0, 0, 0 };
        double[] once = new double[4], twice = new double[4];
        S.QuadraticFormHessianVector(x, HessianCases.QuadraticMatrix, HessianCases.QuadraticLinear, v, once);
        S.QuadraticFormHessianVector(x, HessianCases.QuadraticMatrix, HessianCases.QuadraticLinear, v, twice);
        S.QuadraticFormHessianVector(x, HessianCases.QuadraticMatrix, HessianCases.QuadraticLinear, v, twice);
        for (int i = 0; i < 4; i++) Assert.Equal(2 * once[i], twice[i]);
    }

#pragma warning disable DG1005 // The point of these tests: H·v through a rule without a second-order rule.
    [Fact]
    public void HessianVector_ThroughASpanRuleWithoutSecondOrderRule_ThrowsNamingTheCall()
    {
        var e = Assert.Throws<NotSupportedException>(() => S.BlockedByDotHessianVector(new double[] { 1, 2 }, new double[] { 1, 0 }, new double[2]));
        Assert.Contains("DiffGen.Gradients.Tests.SecondOrder.FirstOrderOnly.Dot", e.Message);
        Assert.Contains("DG1005", e.Message);
    }

    [Fact]
    public void HessianVector_ThroughABlockedCallee_ThrowsNamingTheCalleesCall()
    {
        var e = Assert.Throws<NotSupportedException>(() => S.CallsBlockedHessianVector(1.0, 1.0, out _));
        Assert.Contains("BlockedScalar", e.Message);
        Assert.Contains("DiffGen.Gradients.Tests.SecondOrder.FirstOrderOnly.Dot", e.Message);
    }
#pragma warning restore DG1005

    [Fact]
    public void Gradient_OfAMethodWhoseHessianVectorIsBlocked_StillWorks()
    {
        var d = new double[2];
        double value = S.BlockedByDotGradient(new double[] { 1, 2 }, d);
        Assert.Equal(6, value);
        Assert.Equal(new[] { 5.0, 4.0 }, d);
    }
}
