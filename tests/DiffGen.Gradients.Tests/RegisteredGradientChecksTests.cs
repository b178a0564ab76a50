using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>The checks registered by [CheckGradientAt] across the corpus, run through the runtime.</summary>
public sealed class RegisteredGradientChecksTests
{
    [Fact]
    public void AssertAll_DoubleCorpusAtRegisteredPoints_PassesAtLeast60Checks()
    {
        int count = GradientChecks.AssertAll(1e-6, 1e-9);
        Assert.True(count >= 60, $"only {count} registered gradient checks ran");
    }

    [Fact]
    public void RunAll_EveryCheck_HasForwardEqualToReverseTo1e12()
    {
        var results = GradientChecks.RunAll();
        Assert.NotEmpty(results);
        foreach (var (name, result) in results)
        {
            Assert.False(result.HasNonFinite, $"{name}: non-finite derivative\n{result}");
            double scale = Math.Max(1.0, result.Reverse.Select(Math.Abs).DefaultIfEmpty(0).Max());
            Assert.True(result.MaxForwardReverseAbsoluteError <= 1e-12 * scale,
                $"{name}: forward and reverse differ by {result.MaxForwardReverseAbsoluteError:E3}\n{result}");
        }
    }

    [Theory]
    [InlineData("PrivateBump")]
    [InlineData("InternalFunction")]
    [InlineData("StructPolynomial")]
    [InlineData("Bump")]
    [InlineData("ChainMiddle")]
    [InlineData("DeepChain200")]
    [InlineData("WhileOnActiveCondition")]
    public void RunAll_Containers_RegisterTheirChecks(string method)
    {
        var results = GradientChecks.RunAll();
        Assert.Contains(results, r => r.Result.Method.Contains(method, StringComparison.Ordinal) && r.Result.Passed(1e-6, 1e-9));
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(-1.3)]
    public void GradientCheck_MethodsOfGenericContainer_PassesWhenCalledDirectly(double x)
    {
        // [CheckGradientAt] cannot register methods of generic types (DG0010); check them directly.
        var cube = Outer<int>.Inner.CubeGradientCheck(x);
        Assert.True(cube.Passed(1e-6, 1e-9), cube.ToString());
        var softSign = Outer<string>.Inner.SoftSignGradientCheck(x);
        Assert.True(softSign.Passed(1e-6, 1e-9), softSign.ToString());
    }

    [Fact]
    public void GenericMethod_RegistersItsDoubleInstantiation_AndItPasses()
    {
        var results = GradientChecks.RunAll().Where(r => r.Result.Method.Contains("GenericFunctions.Gaussian", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("<double>", r.Result.Method, StringComparison.Ordinal));
        Assert.All(results, r => Assert.True(r.Result.Passed(1e-6, 1e-9), r.Result.ToString()));
    }

    [Fact]
    public void RunAll_FloatCorpus_IsNotRegistered()
    {
        // Float functions are checked with a float tolerance in FloatGradientTests instead.
        var results = GradientChecks.RunAll();
        Assert.DoesNotContain(results, r => r.Result.Method.Contains("FloatFunctions", StringComparison.Ordinal));
    }
}
