using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class LbfgsTests
{
    /// <summary>f = (0.5 sum theta_i (A theta)_i + sum b_i theta_i) + sum log cosh theta_i, grad = ((A theta) + b) + tanh theta, sums left to right.</summary>
    private static Func<double> Closure(OptimFixture f, Parameter<double> p, List<(double[] Theta, double F)> log) => () =>
    {
        var th = p.Data;
        double quad = 0, lin = 0, lc = 0;
        for (int i = 0; i < th.Length; i++)
        {
            double ax = 0;
            for (int j = 0; j < th.Length; j++) ax += f.A[i][j] * th[j];
            quad += th[i] * ax;
            lin += f.B[i] * th[i];
            lc += Math.Log(Math.Cosh(th[i]));
            p.Grad[i] = (ax + f.B[i]) + Math.Tanh(th[i]);
        }

        double value = (0.5 * quad + lin) + lc;
        log.Add(((double[])th.Clone(), value));
        return value;
    };

    private static LbfgsOptions Options(OptimFixture f) => new()
    {
        Lr = f.H("lr"),
        MaxIter = (int)f.H("max_iter"),
        MaxEval = (int)f.H("max_eval"),
        ToleranceGrad = f.H("tolerance_grad"),
        ToleranceChange = f.H("tolerance_change"),
        HistorySize = (int)f.H("history_size"),
        StrongWolfe = f.Hyper.GetProperty("line_search_fn").ValueKind == System.Text.Json.JsonValueKind.String,
    };

    public static TheoryData<string> Files() => new(OptimFixture.Files("lbfgs"));

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_EveryCallAndClosureEvaluation_MatchesTorch(string file)
    {
        const double tol = FixtureRunner.Float64Tolerance;
        var f = OptimFixture.Load(file);
        var p = new Parameter<double>((double[])f.Theta0.Clone(), "theta");
        var o = new Lbfgs<double>([p], Options(f));
        var log = new List<(double[] Theta, double F)>();
        var closure = Closure(f, p, log);
        var calls = f.Root.GetProperty("calls").EnumerateArray().ToArray();
        for (int c = 0; c < calls.Length; c++)
        {
            int before = log.Count;
            double loss = o.Step(closure);
            FixtureRunner.AssertClose(calls[c].GetProperty("returned_loss").GetDouble(), loss, tol, $"call {c + 1} loss");
            Assert.Equal(calls[c].GetProperty("closure_calls").GetInt32(), log.Count - before);
            Assert.Equal(calls[c].GetProperty("func_evals_cumulative").GetInt32(), o.FuncEvals);
            Assert.Equal(calls[c].GetProperty("n_iter_cumulative").GetInt32(), o.NIter);
            FixtureRunner.AssertVector(f.Trajectory[c], p.Data, tol, $"theta after call {c + 1}");
        }

        var evals = f.Root.GetProperty("closure_evaluations").EnumerateArray().ToArray();
        Assert.Equal(evals.Length, log.Count);
        for (int k = 0; k < evals.Length; k++)
        {
            FixtureRunner.AssertVector(OptimFixture.Vector(evals[k].GetProperty("theta")), log[k].Theta, tol, $"closure evaluation {k} theta");
            FixtureRunner.AssertClose(evals[k].GetProperty("f").GetDouble(), log[k].F, tol, $"closure evaluation {k} f");
        }

        var s = f.FinalState;
        Assert.Equal(s.GetProperty("func_evals").GetInt32(), o.FuncEvals);
        Assert.Equal(s.GetProperty("n_iter").GetInt32(), o.NIter);
        FixtureRunner.AssertClose(s.GetProperty("t").GetDouble(), o.StepLength, tol, "t");
        // ro = 1/y's, H_diag = y's/y'y and al are formed from y = g_k - g_{k-1} near the optimum (|g| ~ 1e-7), where
        // last-bit differences in g (torch's vectorised tanh/log/cosh and dot order vs .NET's) are amplified by the
        // cancellation: y itself agrees to 1e-12 absolute (checked below), these ratios to 1e-9 relative.
        const double derivedTol = 1e-9;
        FixtureRunner.AssertClose(s.GetProperty("H_diag").GetDouble(), o.HDiag, derivedTol, "H_diag");
        FixtureRunner.AssertClose(s.GetProperty("prev_loss").GetDouble(), o.PrevLoss, tol, "prev_loss");
        FixtureRunner.AssertVector(OptimFixture.Vector(s.GetProperty("d")), o.D, tol, "d");
        FixtureRunner.AssertVector(OptimFixture.Vector(s.GetProperty("prev_flat_grad")), o.PrevFlatGrad, tol, "prev_flat_grad");
        FixtureRunner.AssertVector(OptimFixture.Vector(s.GetProperty("ro")), o.Ro.ToArray(), derivedTol, "ro");
        FixtureRunner.AssertVector(OptimFixture.Vector(s.GetProperty("al")), o.Al.ToArray(), derivedTol, "al");
        var dirs = OptimFixture.Matrix(s.GetProperty("old_dirs"));
        var stps = OptimFixture.Matrix(s.GetProperty("old_stps"));
        Assert.Equal(dirs.Length, o.OldDirs.Count);
        for (int i = 0; i < dirs.Length; i++)
        {
            FixtureRunner.AssertVector(dirs[i], o.OldDirs[i], tol, $"old_dirs[{i}]");
            FixtureRunner.AssertVector(stps[i], o.OldStps[i], tol, $"old_stps[{i}]");
        }
    }

    /// <summary>In float32 (closure in double, gradients rounded to float), L-BFGS with strong Wolfe from the far start ends
    /// at torch's float64 minimiser to float accuracy.</summary>
    [Fact]
    public void Float32_StrongWolfeFar_ReachesTorchMinimiser()
    {
        var f = OptimFixture.Load("lbfgs_strong_wolfe_far.json");
        var p = new Parameter<float>(Array.ConvertAll(f.Theta0, v => (float)v));
        var o = new Lbfgs<float>([p], Options(f));
        var shadow = new Parameter<double>(new double[p.Length]);
        var closure = Closure(f, shadow, []);
        double Eval()
        {
            for (int i = 0; i < p.Length; i++) shadow.Data[i] = p.Data[i];
            double v = closure();
            for (int i = 0; i < p.Length; i++) p.Grad[i] = (float)shadow.Grad[i];
            return v;
        }

        for (int c = 0; c < 5; c++) o.Step(Eval);
        FixtureRunner.AssertVector(f.Trajectory[^1], Array.ConvertAll(p.Data, v => (double)v), 1e-5, "float32 L-BFGS final theta");
    }

    [Fact]
    public void StrongWolfeFar_NeedsExtraLineSearchEvaluations()
    {
        var f = OptimFixture.Load("lbfgs_strong_wolfe_far.json");
        var call = f.Root.GetProperty("calls")[0];
        Assert.True(call.GetProperty("closure_calls").GetInt32() > call.GetProperty("iterations_this_call").GetInt32() + 1);
    }

    [Fact]
    public void Resume_FromCheckpoint_IsBitIdentical()
    {
        var f = OptimFixture.Load("lbfgs_strong_wolfe_far.json");
        var p = new Parameter<double>((double[])f.Theta0.Clone(), "theta");
        var o = new Lbfgs<double>([p], Options(f) with { MaxIter = 4 });
        var closure = Closure(f, p, []);
        o.Step(closure);
        var ms = new MemoryStream();
        o.SaveState(ms);
        var p2 = new Parameter<double>((double[])p.Data.Clone(), "theta");
        var o2 = new Lbfgs<double>([p2], Options(f) with { MaxIter = 4 });
        o2.LoadState(new MemoryStream(ms.ToArray()));
        o.Step(closure);
        o2.Step(Closure(f, p2, []));
        Assert.Equal(p.Data, p2.Data);
        Assert.Equal(o.FuncEvals, o2.FuncEvals);
    }

    /// <summary>f = 0.5 x'Ax + b'x + sum log cosh x_i with A symmetric and diagonally dominant; n = 203 so the fused passes
    /// run their vector loops (the fixtures have n = 7) and a tail.</summary>
    private static double WideProblem(double[] x, double[] g)
    {
        int n = x.Length;
        double f = 0;
        for (int i = 0; i < n; i++)
        {
            double ax = 0;
            for (int j = 0; j < n; j++) ax += (i == j ? 2.0 + i % 3 : 0.3 / (1 + Math.Abs(i - j))) * x[j];
            f += 0.5 * x[i] * ax + Math.Sin(i) * x[i] + Math.Log(Math.Cosh(x[i]));
            g[i] = ax + Math.Sin(i) + Math.Tanh(x[i]);
        }

        return f;
    }

    /// <summary>torch's L-BFGS without line search and with zero tolerances, written out unfused in double (one loop per
    /// dot and per axpy, as in torch/optim/lbfgs.py): the reference for the fused two-loop recursion.</summary>
    private static double[] UnfusedReference(double[] x0, int iterations, int historySize, double lr) =>
        UnfusedReference(x0, iterations, historySize, lr, WideProblem);

    private static double[] UnfusedReference(double[] x0, int iterations, int historySize, double lr, Func<double[], double[], double> problem)
    {
        int n = x0.Length;
        double[] x = (double[])x0.Clone(), g = new double[n], gPrev = new double[n], d = new double[n];
        double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
        var ys = new List<double[]>();
        var ss = new List<double[]>();
        var ro = new List<double>();
        double h = 1, t = 0;
        problem(x, g);
        for (int it = 1; it <= iterations; it++)
        {
            if (it == 1)
            {
                for (int i = 0; i < n; i++) d[i] = -g[i];
            }
            else
            {
                double[] y = new double[n], s = new double[n];
                for (int i = 0; i < n; i++) { y[i] = g[i] - gPrev[i]; s[i] = d[i] * t; }
                double yDotS = Dot(y, s);
                if (yDotS > 1e-10)
                {
                    if (ys.Count == historySize) { ys.RemoveAt(0); ss.RemoveAt(0); ro.RemoveAt(0); }
                    ys.Add(y);
                    ss.Add(s);
                    ro.Add(1 / yDotS);
                    h = yDotS / Dot(y, y);
                }

                var al = new double[ys.Count];
                var q = Array.ConvertAll(g, v => -v);
                for (int k = ys.Count - 1; k >= 0; k--)
                {
                    al[k] = Dot(ss[k], q) * ro[k];
                    for (int i = 0; i < n; i++) q[i] -= al[k] * ys[k][i];
                }

                for (int i = 0; i < n; i++) d[i] = q[i] * h;
                for (int k = 0; k < ys.Count; k++)
                {
                    double be = Dot(ys[k], d) * ro[k];
                    for (int i = 0; i < n; i++) d[i] += (al[k] - be) * ss[k][i];
                }
            }

            g.CopyTo(gPrev, 0);
            t = it == 1 ? Math.Min(1.0, 1.0 / g.Sum(Math.Abs)) * lr : lr;
            if (Dot(g, d) > 0) break;
            for (int i = 0; i < n; i++) x[i] += t * d[i];
            if (it != iterations) problem(x, g);
        }

        return x;
    }

    /// <summary>The fused two-loop recursion (each pass also computing the next inner product) follows the unfused
    /// reference: 1e-10 relative in float64 (the sums associate differently), float32 tolerance in float32; the history
    /// wraps (25 iterations, 5 pairs).</summary>
    [Fact]
    public void FusedTwoLoop_WideProblem_MatchesUnfusedReference()
    {
        const int n = 203, iterations = 25, history = 5;
        var x0 = Enumerable.Range(0, n).Select(i => 2.0 * Math.Cos(0.7 * i)).ToArray();
        var expected = UnfusedReference(x0, iterations, history, lr: 1.0);
        var options = new LbfgsOptions { MaxIter = iterations, MaxEval = 1000, HistorySize = history, ToleranceGrad = 0, ToleranceChange = 0 };

        var p = new Parameter<double>((double[])x0.Clone());
        new Lbfgs<double>([p], options).Step(() => WideProblem(p.Data, p.Grad));
        Assert.True(expected.Zip(x0).Max(z => Math.Abs(z.First - z.Second)) > 0.5); // the iterates moved
        FixtureRunner.AssertVector(expected, p.Data, 1e-10, "float64 fused L-BFGS");

        var pf = new Parameter<float>(Array.ConvertAll(x0, v => (float)v));
        var xd = new double[n];
        var gd = new double[n];
        new Lbfgs<float>([pf], options).Step(() =>
        {
            for (int i = 0; i < n; i++) xd[i] = pf.Data[i];
            double f = WideProblem(xd, gd);
            for (int i = 0; i < n; i++) pf.Grad[i] = (float)gd[i];
            return f;
        });
        FixtureRunner.AssertVector(expected, Array.ConvertAll(pf.Data, v => (double)v), 1e-4, "float32 fused L-BFGS");
    }

    /// <summary>Separable f = sum (1 + i mod 4) x_i^2 / 2 + sin(i) x_i + log cosh x_i.</summary>
    private static double SeparableProblem(double[] x, double[] g)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double c = 1 + i % 4;
            f += 0.5 * c * x[i] * x[i] + Math.Sin(i) * x[i] + Math.Log(Math.Cosh(x[i]));
            g[i] = c * x[i] + Math.Sin(i) + Math.Tanh(x[i]);
        }

        return f;
    }

    /// <summary>Above <see cref="ElementwiseKernel.ParallelThreshold"/> elements the fused passes run in parallel chunks
    /// (chunk sums added in order): still the unfused reference to 1e-10, and two runs are bitwise equal.</summary>
    [Fact]
    public void FusedTwoLoop_ParallelChunks_MatchUnfusedReference_AndAreDeterministic()
    {
        int n = ElementwiseKernel.ParallelThreshold + 4099;
        const int iterations = 12, history = 4;
        var x0 = Enumerable.Range(0, n).Select(i => 1.5 * Math.Cos(0.3 * i)).ToArray();
        var expected = UnfusedReference(x0, iterations, history, 1.0, SeparableProblem);
        var options = new LbfgsOptions { MaxIter = iterations, MaxEval = 1000, HistorySize = history, ToleranceGrad = 0, ToleranceChange = 0 };
        double[] Run()
        {
            var p = new Parameter<double>((double[])x0.Clone());
            new Lbfgs<double>([p], options).Step(() => SeparableProblem(p.Data, p.Grad));
            return p.Data;
        }

        var a = Run();
        FixtureRunner.AssertVector(expected, a, 1e-10, "parallel fused L-BFGS");
        Assert.Equal(a, Run());
    }

    [Fact]
    public void InvalidHistorySize_Throws_NamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LbfgsOptions { HistorySize = 0 }.Validate());
        Assert.Equal("HistorySize", ex.ParamName);
        Assert.StartsWith("Invalid history_size value: 0", ex.Message);
    }
}
