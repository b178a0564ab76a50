using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.RandomPrograms.Tests.Checks;
using DiffGen.RandomPrograms.Tests.Generation;
using DiffGen.RandomPrograms.Tests.Harness;
using Xunit;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// The random-program checks can fail: a generated member perturbed by a relative 1e-8 (or a wrong
/// derivative that both modes share) is reported, and so is a function the generator refuses.
/// </summary>
public class CheckerSelfTests
{
    private static readonly RandomFunction Smooth = new(
        "F0",
        """
            [Differentiable]
            public static double F0(double x0, double[] a0)
            {
                double s = x0 * x0;
                for (int i = 0; i < a0.Length; i++) s += Math.Sin(a0[i] * x0);
                return s;
            }

        """,
        Scalars: 1, Arrays: 1, ArrayLength: 3, HasData: false, HasCount: false, IsSmooth: true,
        Used: Construct.ArrayParameters | Construct.ForLoops, Callees: Array.Empty<string>(), CallDepth: 0);

    [Fact]
    public void CorrectDerivatives_Pass()
        => Assert.Empty(Failures(f => f));

    [Fact]
    public void PerturbedGradient_IsReported()
        => AssertReported("reverse != forward", f => f with
        {
            Gradient = (p, n, g) => { double v = f.Gradient(p, n, g); g[2] *= 1 + 1e-8; return v; },
        });

    [Fact]
    public void PerturbedTangent_IsReported()
        => AssertReported("reverse != forward", f => f with { Tangent = (p, n, u, value) => f.Tangent(p, n, u, value) * (1 + 1e-8) });

    [Fact]
    public void PerturbedDirectional_IsReported()
        => AssertReported("directional != tangent", f => f with { Directional = (p, n, u, value) => f.Directional(p, n, u, value) * (1 + 1e-8) });

    [Fact]
    public void PerturbedPullback_IsReported()
        => AssertReported("pullback != seed * gradient", f => f with
        {
            Pullback = (p, n, seed, g) => { f.Pullback(p, n, seed, g); g[0] += 1e-8 * Math.Abs(g[0]); },
        });

    [Fact]
    public void WrongValue_IsReported()
        => AssertReported("Gradient value", f => f with
        {
            Gradient = (p, n, g) => f.Gradient(p, n, g) * (1 + 1e-10),
        });

    [Fact]
    public void DerivativeWrongInBothModes_FailsCentralDifferences()
        => AssertReported("finite differences", f => f with
        {
            Gradient = (p, n, g) => { double v = f.Gradient(p, n, g); for (int i = 0; i < g.Length; i++) g[i] *= 1.001; return v; },
            Tangent = (p, n, u, value) => f.Tangent(p, n, u, value) * 1.001,
            Directional = (p, n, u, value) => f.Directional(p, n, u, value) * 1.001,
            Pullback = (p, n, seed, g) => f.Pullback(p, n, seed * 1.001, g),
        });

    /// <summary>
    /// A fast, small oscillation under a large smooth trend (found by a random program reading sin of a
    /// value near 1e6): central differences at 1e-4 and 1e-5 agree with each other while averaging the
    /// oscillation away, so the checker must go on to smaller steps (1e7), or, where no step resolves it
    /// (1e9), find that the disagreement moves with p, instead of reporting the tangent.
    /// </summary>
    [Theory]
    [InlineData("1e-6 * Math.Sin(1e7 * x0)")]
    [InlineData("1e-8 * Math.Sin(1e9 * x0)")]
    public void FastOscillationUnderLargeTrend_IsNotReported(string oscillation)
    {
        var f = Smooth with
        {
            Source = $"    [Differentiable]\n    public static double F0(double x0) => 1e6 * x0 * x0 + {oscillation};\n",
            Scalars = 1, Arrays = 0,
        };
        using var compiler = BatchCompiler.Compile(new[] { f });
        var function = Assert.Single(compiler.Compiled);
        var failures = new List<CheckFailure>();
        var random = new Random(5);
        for (int point = 0; point < 5; point++) FunctionChecker.CheckPoint(function, random, failures);
        Assert.Empty(failures);
    }

    /// <summary>
    /// Cancellation of large terms (found by random programs: x + Hypot(x, 0.5) at x = -1e4): 1 + y/h loses most of its
    /// digits, differently in the tangent sum and in the adjoint, so the modes differ by more than 1e-10 relative while
    /// both are right to rounding. The checker measures each mode's own rounding there (how far from linear it is) and
    /// excuses the point; a wrong rule under the same rounding is still reported.
    /// </summary>
    private static readonly RandomFunction Cancelling = Smooth with
    {
        Source = "    [Differentiable]\n    public static double F0(double x0)\n    {\n        double y = -1e3 * (2.0 + x0);\n        return y + double.Hypot(y, 0.5);\n    }\n",
        Scalars = 1, Arrays = 0, IsSmooth = false,
    };

    [Fact]
    public void CancellationInBothModes_IsNotReported()
        => Assert.Empty(Failures(f => f, Cancelling, points: 20));

    [Fact]
    public void WrongTangentUnderCancellation_IsReported()
        => Assert.Contains(Failures(f => f with { Tangent = (p, n, u, value) => f.Tangent(p, n, u, value) * (1 + 1e-5) }, Cancelling, points: 20),
                           failure => failure.Kind == "reverse != forward");

    [Fact]
    public void FunctionTheGeneratorRefuses_IsReported()
    {
        var refused = Smooth with { Source = Smooth.Source.Replace("return s;", "return Math.BitIncrement(s);") };
        using var compiler = BatchCompiler.Compile(new[] { refused });
        Assert.Empty(compiler.Compiled);
        Assert.Equal("F0", Assert.Single(compiler.Failures).Function.Name);
    }

    [Fact]
    public void SameSeed_GivesTheSameSources()
    {
        var first = ProgramGenerator.Batch(7, 0, 20, Construct.All).Select(f => f.Source);
        var second = ProgramGenerator.Batch(7, 0, 20, Construct.All).Select(f => f.Source);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ExcludedConstructs_AreNeverGenerated()
    {
        var excluded = Construct.Calls | Construct.Break | Construct.Kinks;
        var functions = ProgramGenerator.Batch(11, 0, 200, Construct.All & ~excluded);
        Assert.All(functions, f => Assert.Equal(Construct.None, f.Used & excluded));
        Assert.DoesNotContain(functions, f => f.Source.Contains("break;") || f.Source.Contains("Math.Abs(") || f.Callees.Count > 0);
    }

    [Fact]
    public void ObjectAndGenericForms_FollowTheirConstructs()
    {
        var all = ProgramGenerator.Batch(11, 0, 200, Construct.All);
        Assert.Contains(all, f => f.Object is { Form: ObjectForm.Instance, IsStruct: true });
        Assert.Contains(all, f => f.Object is { Form: ObjectForm.Parameter });
        Assert.Contains(all, f => f.Generic);
        var excluded = Construct.InstanceMethods | Construct.ObjectParameters | Construct.GenericMath | Construct.Tuples;
        var none = ProgramGenerator.Batch(11, 0, 200, Construct.All & ~excluded);
        Assert.All(none, f => Assert.True(f.Object is null && !f.Generic && (f.Used & excluded) == 0, f.Source));
    }

    private static void AssertReported(string kind, Func<CompiledFunction, CompiledFunction> perturb)
    {
        var failures = Failures(perturb);
        Assert.Contains(failures, f => f.Kind == kind);
    }

    private static List<CheckFailure> Failures(Func<CompiledFunction, CompiledFunction> perturb, RandomFunction? source = null, int points = 5)
    {
        using var compiler = BatchCompiler.Compile(new[] { source ?? Smooth });
        Assert.Empty(compiler.Failures);
        var function = perturb(Assert.Single(compiler.Compiled));
        var failures = new List<CheckFailure>();
        var random = new Random(3);
        for (int point = 0; point < points; point++) FunctionChecker.CheckPoint(function, random, failures);
        return failures;
    }
}
