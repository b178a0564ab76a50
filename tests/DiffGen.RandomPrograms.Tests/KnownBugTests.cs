using System;
using System.Linq;
using DiffGen.RandomPrograms.Tests.Generation;
using DiffGen.RandomPrograms.Tests.Harness;
using Xunit;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// Generator bugs the random-program run found, minimised. Each is skipped while open and its
/// construct is left out of the random run (<see cref="KnownBugs.Excluded"/>); when the bug is fixed
/// the Skip and the exclusion go together and the test stays as a regression test.
/// </summary>
public class KnownBugTests
{
    /// <summary>
    /// Found by the 10,000-program run (seed 20261202, F1118) as a stack overflow in F1118Directional:
    /// <code>
    /// [Differentiable]
    /// public static double F0(double x0, int n)
    /// {
    ///     if (x0 > (n > 0 ? F0(x0, n - 1) : 0.5)) return x0;
    ///     return 2 * x0;
    /// }
    /// </code>
    /// F0Directional starts with <c>var (_t0, _t0_dot) = F0Directional(x0, n - 1, tx0);</c> and only
    /// then tests <c>GreaterAlong(x0, tx0, n &gt; 0 ? _t0 : 0.5, ...)</c>, so it recurses forever
    /// (F0, F0Tangent and F0Gradient keep the call inside the conditional and are correct). Without
    /// recursion the same hoisting shows as an exception: here G reads a[n - 1], which the guard
    /// n &gt; 0 protects in F0, F0Tangent and F0Gradient but not in F0Directional. The same holds for
    /// the right operand of <c>&amp;&amp;</c>: <c>if (n &gt; 0 &amp;&amp; x0 &gt; G(x0, n))</c> becomes
    /// <c>var (_t0, _t0_dot) = GDirectional(x0, n, tx0); if ((n &gt; 0) &amp;&amp; GreaterAlong(x0, tx0, _t0, _t0_dot))</c>.
    /// A call in a <c>?:</c> that is assigned (not a condition) stays guarded. Fixed: directional
    /// conditions evaluate the arms of <c>?:</c> and the right operands of <c>&amp;&amp;</c> and <c>||</c>
    /// inside the branches C# evaluates them in.
    /// </summary>
    [Fact]
    public void Directional_CallInConditionalArmOfComparison_RunsOnlyWhenSelected()
    {
        var function = new RandomFunction(
            "F0",
            """
                [Differentiable]
                public static double G(double[] a, int n) => a[n - 1];

                [Differentiable]
                public static double F0(double x0, double[] a, int n)
                {
                    if (x0 > (n > 0 ? G(a, n) : 0.5)) return x0;
                    return 2 * x0;
                }

            """,
            Scalars: 1, Arrays: 1, ArrayLength: 2, HasData: false, HasCount: true, IsSmooth: false,
            Used: Construct.Calls | Construct.Conditional | Construct.DifferentiableConditions, Callees: Array.Empty<string>(), CallDepth: 1);
        using var compiler = BatchCompiler.Compile(new[] { function });
        var f = Assert.Single(compiler.Compiled);
        double[] p = { 0.3, 1.0, 2.0 }, u = { 1.0, 0.0, 0.0 };
        double[] value = new double[1];

        double tangent = f.Tangent(p, 0, u, value);
        Assert.Equal((0.6, 2.0), (value[0], tangent));
        double directional = f.Directional(p, 0, u, value); // was: IndexOutOfRangeException from G(a, 0)
        Assert.Equal((0.6, 2.0), (value[0], directional));
    }

    /// <summary>The same for the right operand of <c>&amp;&amp;</c>: <c>G(a, n)</c> must not run when n is 0.</summary>
    [Fact]
    public void Directional_CallInRightOperandOfAnd_RunsOnlyWhenTheLeftHolds()
    {
        var function = new RandomFunction(
            "F0",
            """
                [Differentiable]
                public static double G(double[] a, int n) => a[n - 1];

                [Differentiable]
                public static double F0(double x0, double[] a, int n)
                {
                    if (n > 0 && x0 > G(a, n)) return x0;
                    return 2 * x0;
                }

            """,
            Scalars: 1, Arrays: 1, ArrayLength: 2, HasData: false, HasCount: true, IsSmooth: false,
            Used: Construct.Calls | Construct.DifferentiableConditions, Callees: Array.Empty<string>(), CallDepth: 1);
        using var compiler = BatchCompiler.Compile(new[] { function });
        var f = Assert.Single(compiler.Compiled);
        double[] p = { 0.3, 1.0, 2.0 }, u = { 1.0, 0.0, 0.0 };
        double[] value = new double[1];

        double tangent = f.Tangent(p, 0, u, value);
        Assert.Equal((0.6, 2.0), (value[0], tangent));
        double directional = f.Directional(p, 0, u, value);
        Assert.Equal((0.6, 2.0), (value[0], directional));
    }
}
