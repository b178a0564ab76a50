using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.SecondOrder;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

public class NewtonCgTests
{
    [Fact]
    public void Minimize_Quadratic_SolvesTheLinearSystem()
    {
        var q = new QuadraticProblem(20, seed: 3);
        var x = new Parameter<double>(new double[20], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 0.0, ToleranceGrad = 1e-9 });

        Assert.True(o.Minimize(q.Gradient, q.HessianVector, 20));

        Assert.True(q.Residual(x.Data) <= 1e-9, $"residual {q.Residual(x.Data)}");
        // Inexact solves (forcing min(1/2, sqrt ||g||)) converge superlinearly: a handful of iterations, each product
        // count within the dimension.
        Assert.True(o.Iterations <= 10, $"{o.Iterations} iterations");
        Assert.True(o.HessianVectorProducts <= 20 * o.Iterations);
        // The quadratic model is exact: rho = 1 to rounding on the first iteration (later ones compare differences
        // near rounding level).
        var first = new NewtonCg(new Parameter<double>(new double[20]), new NewtonCgOptions { InitialDamping = 0.0 });
        first.Step(q.Gradient, q.HessianVector);
        Assert.Equal(1.0, first.LastReductionRatio, 1e-9);
    }

    /// <summary>On a quadratic the undamped model is exact, so rho = 1 &gt; 3/4 at every iteration and Martens' rule
    /// multiplies lambda by 2/3 each time.</summary>
    [Fact]
    public void Damping_ExactModel_DecreasesByTwoThirdsPerIteration()
    {
        var q = new QuadraticProblem(8, seed: 4);
        var x = new Parameter<double>(new double[8], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 5.0, ToleranceGrad = 0.0 });

        for (int k = 1; k <= 4; k++)
        {
            Assert.True(o.Step(q.Gradient, q.HessianVector));
            Assert.True(o.LastReductionRatio > 0.75);
            Assert.Equal(5.0 * Math.Pow(2.0 / 3.0, k), o.Damping, 1e-14);
        }
    }

    /// <summary>f(x) = sqrt(1 + x^2) from x = 3: the Newton step (to about -27) overshoots, f rises, rho &lt; 0, so lambda
    /// grows by 3/2 and the line search backtracks to a point that decreases f.</summary>
    [Fact]
    public void Damping_PoorModel_IncreasesByThreeHalvesAndLineSearchBacktracks()
    {
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            double s = Math.Sqrt(1 + x[0] * x[0]);
            g[0] += x[0] / s;
            return s;
        }

        static void Hv(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv) => hv[0] += v[0] / Math.Pow(1 + x[0] * x[0], 1.5);

        var x = new Parameter<double>([3.0], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 1e-3 });

        Assert.True(o.Step(F, Hv));

        Assert.True(o.LastReductionRatio < 0.0, $"rho = {o.LastReductionRatio}");
        Assert.Equal(1.5e-3, o.Damping, 1e-18);
        Assert.True(Math.Sqrt(1 + x.Data[0] * x.Data[0]) < Math.Sqrt(10.0));
        Assert.True(o.GradientEvaluations > 2, "the line search backtracked");
    }

    /// <summary>f = x1^4 - 2 x1^2 + x2^2 at (0.5, 0.1): g = (-1.5, 0.2), H = diag(-1, 2), so p = -g has p'Hp = -2.17:
    /// CG stops at its first product and the step is along -g.</summary>
    [Fact]
    public void Cg_NegativeCurvature_StopsAndStepsAlongMinusGradient()
    {
        static double F(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] += 4 * x[0] * x[0] * x[0] - 4 * x[0];
            g[1] += 2 * x[1];
            return Math.Pow(x[0], 4) - 2 * x[0] * x[0] + x[1] * x[1];
        }

        static void Hv(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv)
        {
            hv[0] += (12 * x[0] * x[0] - 4) * v[0];
            hv[1] += 2 * v[1];
        }

        var x = new Parameter<double>([0.5, 0.1], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 0.0 });
        double before = F(x.Data, new double[2]);

        Assert.True(o.Step(F, Hv));

        Assert.Equal(CgStop.NegativeCurvature, o.LastCgStop);
        Assert.Equal(1, o.NegativeCurvatureStops);
        Assert.Equal(1, o.HessianVectorProducts);
        Assert.True(F(x.Data, new double[2]) < before);
        // The point moved along -g = (1.5, -0.2).
        Assert.Equal(-0.2 / 1.5, (x.Data[1] - 0.1) / (x.Data[0] - 0.5), 1e-12);
    }

    /// <summary>The first product of the second iteration is A d0 for Martens' warm start d0 = zeta d_prev, where d_prev
    /// is the first iteration's step (accepted at a = 1); with zeta = 0 it is the first CG direction, -g.</summary>
    [Theory]
    [InlineData(0.95)]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void Cg_SecondIteration_WarmStartsFromDecayedPreviousSolution(double decay)
    {
        var problem = new Logistic(n: 60, d: 5, lambda: 0.1, seed: 2);
        var x = new Parameter<double>(new double[5], "x");
        var products = new List<double[]>();
        var o = new NewtonCg(x, new NewtonCgOptions { CgDecay = decay, InitialDamping = 0.1 });
        HessianVectorProduct hv = (p, v, r) =>
        {
            products.Add(v.ToArray());
            problem.HessianVector(p, v, r);
        };

        Assert.True(o.Step(problem.Gradient, hv));
        Assert.Equal(1, o.GradientEvaluations - 1);
        double[] x1 = x.Data.ToArray();
        int first = products.Count;
        Assert.True(o.Step(problem.Gradient, hv));

        double[] expected = new double[5];
        if (decay > 0)
        {
            for (int i = 0; i < 5; i++) expected[i] = decay * x1[i];
        }
        else
        {
            problem.Gradient(x1, expected);
            for (int i = 0; i < 5; i++) expected[i] = -expected[i];
        }

        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], products[first][i], 1e-14);
    }

    /// <summary>A consistent least-squares system: every mini-batch has the same minimiser, so mini-batch steps reach it.</summary>
    [Fact]
    public void Step_MiniBatches_ConvergeOnConsistentLeastSquares()
    {
        const int n = 200, d = 10, batch = 40;
        var rng = new Random(9);
        var a = new double[n, d];
        var truth = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var b = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                a[i, j] = rng.NextDouble() - 0.5;
                b[i] += a[i, j] * truth[j];
            }

        var x = new Parameter<double>(new double[d], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 1e-2, ToleranceGrad = 0.0 });
        for (int step = 0; step < 40; step++)
        {
            int start = step % (n / batch) * batch;
            double Batch(ReadOnlySpan<double> w, Span<double> g)
            {
                double f = 0.0;
                for (int i = start; i < start + batch; i++)
                {
                    double r = -b[i];
                    for (int j = 0; j < d; j++) r += a[i, j] * w[j];
                    for (int j = 0; j < d; j++) g[j] += r * a[i, j] / batch;
                    f += 0.5 * r * r / batch;
                }

                return f;
            }

            void BatchHv(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> hv)
            {
                for (int i = start; i < start + batch; i++)
                {
                    double av = 0.0;
                    for (int j = 0; j < d; j++) av += a[i, j] * v[j];
                    for (int j = 0; j < d; j++) hv[j] += av * a[i, j] / batch;
                }
            }

            o.Step(Batch, BatchHv);
        }

        for (int j = 0; j < d; j++) Assert.Equal(truth[j], x.Data[j], 1e-8);
    }

    [Fact]
    public void Passes_CountGradientsAndWeightedProducts()
    {
        var q = new QuadraticProblem(6, seed: 1);
        int gradients = 0, products = 0;
        var x = new Parameter<double>(new double[6], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 0.5 });
        o.Minimize((p, g) => { gradients++; return q.Gradient(p, g); }, (p, v, r) => { products++; q.HessianVector(p, v, r); }, 5);

        Assert.Equal(gradients, o.GradientEvaluations);
        Assert.Equal(products, o.HessianVectorProducts);
        Assert.Equal(gradients + 2.0 * products, o.Passes(2.0));
        Assert.Equal(o.CgIterations, o.HessianVectorProducts);
    }

    /// <summary>With the exact diagonal of a diagonal quadratic as Jacobi preconditioner (alpha = 1), preconditioned CG
    /// solves the Newton system with one product: z = A^-1 r, then alpha = 1 and the residual is 0.</summary>
    [Fact]
    public void Preconditioner_ExactJacobiOnDiagonalQuadratic_OneProductPerIteration()
    {
        double[] a = [1e-4, 3e-2, 1.0, 40.0, 1e4];
        double[] b = [1.0, -2.0, 0.5, 3.0, -1.0];
        double F(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0.0;
            for (int i = 0; i < 5; i++)
            {
                g[i] += a[i] * x[i] - b[i];
                f += 0.5 * a[i] * x[i] * x[i] - b[i] * x[i];
            }

            return f;
        }

        void Hv(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv)
        {
            for (int i = 0; i < 5; i++) hv[i] += a[i] * v[i];
        }

        var x = new Parameter<double>(new double[5], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 0.0, PreconditionerExponent = 1.0, ToleranceGrad = 1e-12 });

        Assert.True(o.Minimize(F, Hv, 5, (p, d) => a.CopyTo(d)));

        Assert.Equal(1, o.Iterations);
        Assert.Equal(1, o.HessianVectorProducts);
        Assert.Equal(1, o.DiagonalEvaluations);
        for (int i = 0; i < 5; i++) Assert.Equal(b[i] / a[i], x.Data[i], 1e-12 * Math.Abs(b[i] / a[i]));
        Assert.Equal(o.GradientEvaluations + o.HessianVectorProducts + o.DiagonalEvaluations, o.Passes());
    }

    /// <summary>Without the preconditioner the same system needs one product per distinct eigenvalue (5).</summary>
    [Fact]
    public void Preconditioner_Absent_PlainCgNeedsMoreProducts()
    {
        double[] a = [1e-4, 3e-2, 1.0, 40.0, 1e4];
        var x = new Parameter<double>(new double[5], "x");
        var o = new NewtonCg(x, new NewtonCgOptions { InitialDamping = 0.0, CgTolerance = 1e-3 });
        o.Step((p, g) =>
        {
            for (int i = 0; i < 5; i++) g[i] += a[i] * p[i] - 1.0;
            return 0.0;
        }, (p, v, hv) =>
        {
            for (int i = 0; i < 5; i++) hv[i] += a[i] * v[i];
        });

        Assert.True(o.HessianVectorProducts > 1, $"{o.HessianVectorProducts} products");
        Assert.Equal(0, o.DiagonalEvaluations);
    }

    public static TheoryData<NewtonCgOptions, string, string> InvalidOptions => new()
    {
        { new NewtonCgOptions { PreconditionerExponent = 1.5 }, nameof(NewtonCgOptions.PreconditionerExponent), "Invalid preconditioner exponent value: 1.5" },
        { new NewtonCgOptions { InitialDamping = -1.0 }, nameof(NewtonCgOptions.InitialDamping), "Invalid initial damping value: -1.0" },
        { new NewtonCgOptions { InitialDamping = double.NaN }, nameof(NewtonCgOptions.InitialDamping), "Invalid initial damping value: nan" },
        { new NewtonCgOptions { DampingDecrease = 1.0 }, nameof(NewtonCgOptions.DampingDecrease), "Invalid damping decrease value: 1.0" },
        { new NewtonCgOptions { DampingIncrease = 0.9 }, nameof(NewtonCgOptions.DampingIncrease), "Invalid damping increase value: 0.9" },
        { new NewtonCgOptions { MaxCgIterations = 0 }, nameof(NewtonCgOptions.MaxCgIterations), "Invalid max_cg_iterations value: 0" },
        { new NewtonCgOptions { CgTolerance = 1.0 }, nameof(NewtonCgOptions.CgTolerance), "Invalid cg_tolerance value: 1.0" },
        { new NewtonCgOptions { CgDecay = 1.5 }, nameof(NewtonCgOptions.CgDecay), "Invalid cg_decay value: 1.5" },
        { new NewtonCgOptions { ArmijoC1 = 0.0 }, nameof(NewtonCgOptions.ArmijoC1), "Invalid armijo_c1 value: 0.0" },
        { new NewtonCgOptions { Backtrack = 1.0 }, nameof(NewtonCgOptions.Backtrack), "Invalid backtrack value: 1.0" },
        { new NewtonCgOptions { MaxLineSearchEvaluations = 0 }, nameof(NewtonCgOptions.MaxLineSearchEvaluations), "Invalid max_line_search_evaluations value: 0" },
        { new NewtonCgOptions { ToleranceGrad = -1e-3 }, nameof(NewtonCgOptions.ToleranceGrad), "Invalid tolerance_grad value: -0.001" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsNamingIt(NewtonCgOptions options, string name, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new NewtonCg(new Parameter<double>(new double[2]), options));
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_WeightsResized_ThrowsNamingThem()
    {
        var x = new Parameter<double>(new double[3], "w");
        var o = new NewtonCg(x);
        x.Data = new double[4];
        var e = Assert.Throws<ArgumentException>(() => o.Step((p, g) => 0.0, (p, v, r) => { }));
        Assert.Contains("'w'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_NonFiniteGradient_Throws()
    {
        var o = new NewtonCg(new Parameter<double>(new double[3], "w"));
        var e = Assert.Throws<NonFiniteGradientException>(() => o.Step((p, g) => { g[1] = double.NaN; return 0.0; }, (p, v, r) => { }));
        Assert.Equal(1, e.Index);
    }

    /// <summary>Three iterations, checkpoint, three more; a fresh optimizer restored on a copy of the checkpointed weights
    /// continues bitwise identically (damping, warm start and counters are the state).</summary>
    [Fact]
    public void LoadState_Resume_IsBitwiseIdentical()
    {
        var problem = new Logistic(n: 80, d: 6, lambda: 1e-3, seed: 5);
        var x = new Parameter<double>(new double[6], "x");
        var a = new NewtonCg(x, new NewtonCgOptions { ToleranceGrad = 0.0 });
        for (int k = 0; k < 3; k++) a.Step(problem.Gradient, problem.HessianVector);
        var saved = new MemoryStream();
        a.SaveState(saved);
        var y = new Parameter<double>(x.Data.ToArray(), "x");
        for (int k = 0; k < 3; k++) a.Step(problem.Gradient, problem.HessianVector);

        var b = new NewtonCg(y, new NewtonCgOptions { ToleranceGrad = 0.0 });
        b.LoadState(new MemoryStream(saved.ToArray()));
        for (int k = 0; k < 3; k++) b.Step(problem.Gradient, problem.HessianVector);

        Assert.Equal(x.Data, y.Data);
        Assert.Equal(a.Damping, b.Damping);
        Assert.Equal(a.GradientEvaluations, b.GradientEvaluations);
        Assert.Equal(a.HessianVectorProducts, b.HessianVectorProducts);
        Assert.Equal(a.Iterations, b.Iterations);
    }

    [Fact]
    public void LoadState_CorruptTruncatedOrMismatched_ThrowsAndChangesNothing()
    {
        var problem = new Logistic(n: 40, d: 4, lambda: 1e-2, seed: 6);
        var a = new NewtonCg(new Parameter<double>(new double[4]));
        a.Step(problem.Gradient, problem.HessianVector);
        var ms = new MemoryStream();
        a.SaveState(ms);
        byte[] good = ms.ToArray();
        byte[] flipped = good.ToArray();
        flipped[20] ^= 1;

        var b = new NewtonCg(new Parameter<double>(new double[4]), new NewtonCgOptions { InitialDamping = 7.0 });
        Assert.Throws<InvalidDataException>(() => b.LoadState(new MemoryStream(flipped)));
        Assert.Throws<InvalidDataException>(() => b.LoadState(new MemoryStream(good[..^9])));
        Assert.Throws<InvalidDataException>(() => new NewtonCg(new Parameter<double>(new double[5])).LoadState(new MemoryStream(good)));
        var other = new MemoryStream();
        new NegativeCurvatureDescent(new Parameter<double>(new double[4])).SaveState(other);
        Assert.Throws<InvalidDataException>(() => b.LoadState(new MemoryStream(other.ToArray())));
        Assert.Equal(7.0, b.Damping);
        Assert.Equal(0, b.GradientEvaluations);
    }
}
