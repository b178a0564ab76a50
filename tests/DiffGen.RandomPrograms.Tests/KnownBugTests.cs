using System;
using System.Linq;
using DiffGen.RandomPrograms.Tests.Checks;
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

    /// <summary>
    /// Found by a 1,500-program run (seed 20261212, F339) as DG0099 ("A counted loop holds only assignments, stores,
    /// clears, branches and counted loops, not AllocateStmt"): helpers with a <c>stackalloc</c> lowered in place
    /// inside a counted loop that is itself inside another loop, so reverse mode chose to recompute the loop from a
    /// plain copy, which cannot allocate. Fixed: such a loop records instead (RegionRecompute.Plan). The functions
    /// as the run drew them.
    /// </summary>
    [Fact]
    public void HelperWithStackallocInARecomputedLoop_IsDifferentiated()
    {
        var function = new RandomFunction(
            "F339",
            """
            [Differentiable]
            public static double F305(double x0, [NoDerivative] double c)
            {
                Span<double> b0 = stackalloc double[4];
                for (int i1 = 0; i1 < b0.Length; i1++) b0[i1] = (i1 > 1 ? x0 : ((-1.75) + (i1 * (-1.875))));
                x0 = Math.Tanh(Math.FusedMultiplyAdd(x0, c, c));
                x0--;
                for (int t = 0; t < 4; t++)
                {
                    x0 = Math.Cos(Math.Exp(-0.5 * (-2.0) * (-2.0)));
                }
                return c + 1.375 * x0 + 0.125 * c + 1.5 * b0[0] + 0.0 * b0[1] + 0.75 * b0[2] + (-0.75) * b0[3];
            }

            [Differentiable]
            public static double F320(double x0, double x1, double x2, int n)
            {
                double Lf0(double u, double w) => (Math.Log10(3.0 + Math.Sin(w)) + (w * w));
                double acc1 = 0;
                void Add2(double u) { acc1 += u * u; if (u > (-1.2125)) acc1 += Math.Sin(u); }
                x0 = Math.Tanh(x0 + Math.Cosh(Math.Sin((acc1 * x2))));
                int k3 = 0;
                do
                {
                    int i4 = k3;
                    k3++;
                    int k5 = 0;
                    do
                    {
                        int i6 = k5;
                        k5++;
                        if (!(Math.Abs(x1) <= (-0.7125))) return (i6 * (-2.0)) + 0.0 * x0 + (-0.875) * x1 + (-1.25) * x2 + 1.875 * acc1;
                    } while (k5 < 4);
                } while (k3 < 4);
                x1 = Math.Tanh(x1 + Math.Tanh((acc1 * acc1)));
                double[] b7 = new double[4];
                for (int i8 = 0; i8 < b7.Length; i8++) b7[i8] = ((x0 + acc1) - Math.Min(x1, x1));
                for (int d = 0; d < n; d++)
                {
                    int k9 = 0;
                    while (k9 < n)
                    {
                        int i10 = k9;
                        k9++;
                        if (Lf0((-1.375), x0) > 0.1625)
                        {
                            if (double.Hypot((-0.75), 0.5) <= (-0.2125)) continue;
                            if ((acc1 / (2.0 + Math.Cos(acc1))) < 0.2875) continue;
                        }
                    }
                    x1 *= Math.Cos((x0 * (0.125 * acc1)));
                }
                return Math.Sqrt(2.0 + Math.Cos(Math.Acos(0.8 * Math.Sin((x1 - 1.25))))) + 1.125 * x0 + (-1.0) * x1 + 0.875 * x2 + 1.75 * acc1 + (-1.75) * b7[0] + (-1.25) * b7[1] + (-0.75) * b7[2] + 1.375 * b7[3];
            }

            [Differentiable]
            public static double F322(double x0, [NoDerivative] double c)
            {
                double[] b0 = new double[4];
                for (int i1 = 0; i1 < b0.Length; i1++) b0[i1] = F305(x0, 0.125);
                double[] b2 = new double[4];
                for (int i3 = 0; i3 < b2.Length; i3++) b2[i3] = (double.Hypot(x0, 0.5) - x0);
                Span<double> b4 = stackalloc double[4];
                for (int i5 = 0; i5 < b4.Length; i5++) b4[i5] = (i5 % 2 == 0 ? Math.Sqrt(1.0 + c * c) : F305(b4[(i5 + 2) % 4], c));
                return (-((c > 0.5375 ? 0.875 : b2[2]) * ((c > 1.5375) || (c > (-0.2125)) ? b0[3] : x0)) * (-0.875)) + (-1.0) * x0 + 1.125 * c + (-1.75) * b0[0] + (-1.625) * b0[1] + 0.75 * b0[2] + (-1.25) * b0[3] + (-0.75) * b2[0] + 1.5 * b2[1] + 0.625 * b2[2] + (-0.375) * b2[3] + 1.5 * b4[0] + (-0.25) * b4[1] + 0.375 * b4[2] + (-0.125) * b4[3];
            }

            [Differentiable]
            public static double F336(double x0, double x1, [NoDerivative] double c)
            {
                double[] b0 = new double[4];
                for (int tangent = 0; tangent < b0.Length; tangent++) b0[tangent] = (1.875 / (2.0 + Math.Cos((x1 + x1))));
                b0[2] = x0;
                return (c > (-0.0875) ? (b0[2] - Math.Sin(b0[3])) : Math.Cos(c)) + (-1.0) * x0 + (-2.0) * x1 + (-0.625) * c + (-1.875) * b0[0] + (-1.25) * b0[1] + 0.125 * b0[2] + (-0.5) * b0[3];
            }

            [Differentiable]
            public static double F339(double x0, double x1, [NoDerivative] double c, int n)
            {
                double _b = (Math.Min(c, x1) + (-c * 1.75));
                if (double.Hypot(c, 0.5) >= (!(x1 >= x0) ? x0 : x1))
                {
                    _b *= Math.Cos(F320(x1, (c + x1), F320(x0, c, x0, 1), n));
                }
                else
                {
                    _b += Math.Log2(2.0 + Math.Tanh((0.375 > 1.25 ? (-0.625) : x1)));
                    for (int i0 = 0; i0 < 4; i0++)
                    {
                        _b += (Math.Cos((i0 * (-1.375))) * (-(i0 * 0.625) * 0.875));
                        if (((-0.875) * c) < (-0.9625)) return x1 + 1.375 * x0 + 2.0 * x1 + 0.5 * c + 1.75 * _b;
                        int k1 = 0;
                        do
                        {
                            int i2 = k1;
                            k1++;
                            x1 += F322((i2 * 1.5), c);
                        } while (k1 < n);
                    }
                }
                double[] b3 = new double[4];
                for (int i4 = 0; i4 < b3.Length; i4++) b3[i4] = (double.ScaleB(x0, -2) + (c > 1.4125 ? b3[3 - i4] : x0));
                if (c > (-1.2125)) return b3[2] + (-0.5) * x0 + (-1.125) * x1 + (-0.5) * c + (-0.5) * _b + 0.875 * b3[0] + (-1.625) * b3[1] + (-1.125) * b3[2] + 1.5 * b3[3];
                double v5 = (((-1.0) + b3[1]) + F336(_b, b3[2], c));
                return double.MaxMagnitude(double.RootN(2.0 + Math.Log(2.0 + Math.Sin(x1), 2.5 + Math.Cos(_b)) * Math.Log(2.0 + Math.Sin(x1), 2.5 + Math.Cos(_b)), 3), _b) + 1.875 * x0 + 1.125 * x1 + 1.0 * c + (-0.5) * _b + (-1.875) * v5 + (-1.0) * b3[0] + 0.25 * b3[1] + (-0.375) * b3[2] + (-0.875) * b3[3];
            }

            """,
            Scalars: 2, Arrays: 0, ArrayLength: 4, HasData: true, HasCount: true, IsSmooth: false,
            Used: Construct.Calls | Construct.LocalArrays | Construct.Stackalloc | Construct.NestedLoops, Callees: Array.Empty<string>(), CallDepth: 2);
        using var compiler = BatchCompiler.Compile(new[] { function });
        Assert.Empty(compiler.Failures);
        var f = Assert.Single(compiler.Compiled);
        var failures = new System.Collections.Generic.List<CheckFailure>();
        var random = new Random(7);
        for (int point = 0; point < 8; point++) FunctionChecker.CheckPoint(f, random, failures);
        Assert.Empty(failures);
    }
}
