using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using DiffGen.Optimizers;
using DiffGen.Optimizers.SecondOrder;
using DiffGen.Samples.FiniteSums.Model;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>Full-batch runs from w = 0 that record the gradient norm at every gradient evaluation against the passes
/// over the data spent so far (one gradient = one pass, one H·v = <c>productCost</c> passes).</summary>
public static class SecondOrderRuns
{
    /// <summary>A recorder wrapped around the problem's gradient and H·v.</summary>
    private sealed class Meter(BinaryProblem problem, double productCost)
    {
        public double Passes { get; private set; }

        public List<(double Passes, double Value)> Points { get; } = [];

        public double Gradient(ReadOnlySpan<double> w, Span<double> g)
        {
            double f = problem.ValueAndGradient(w, g);
            Passes += 1.0;
            Points.Add((Passes, TensorPrimitives.Norm<double>(g)));
            return f;
        }

        /// <summary>A gradient evaluation counted as a pass but not recorded (the difference quotients' shifted points).</summary>
        public double UnrecordedGradient(ReadOnlySpan<double> w, Span<double> g)
        {
            Passes += 1.0;
            return problem.ValueAndGradient(w, g);
        }

        /// <summary>The Hessian diagonal, one pass.</summary>
        public void Diagonal(ReadOnlySpan<double> w, Span<double> diagonal)
        {
            Passes += 1.0;
            problem.HessianDiagonal(w, diagonal);
        }

        public void HessianVector(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> hv)
        {
            Passes += productCost;
            problem.HessianVector(w, v, hv);
        }
    }

    /// <summary>Newton-CG (undamped: the problem is convex; <see cref="NewtonCg.Minimize"/>, which reuses the gradient at
    /// each accepted point) with the exact H·v counted as one pass.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="passes">Budget.</param>
    /// <param name="target">Gradient norm at which to stop.</param>
    /// <returns>The curve (values are gradient norms) and the optimizer's counters.</returns>
    /// <param name="preconditioned">Use the Hessian diagonal (one pass per iteration) as Martens' preconditioner.</param>
    public static (Curve Curve, NewtonCg Optimizer) NewtonCg(BinaryProblem problem, int passes, double target, bool preconditioned = false)
    {
        var meter = new Meter(problem, 1.0);
        var o = new NewtonCg(new Parameter<double>(new double[problem.Dimension], "w"), new NewtonCgOptions { InitialDamping = 0.0, ToleranceGrad = target });
        o.Minimize(meter.Gradient, meter.HessianVector, MaxIterations(passes), preconditioned ? meter.Diagonal : null);
        return (new Curve(preconditioned ? "Newton-CG, exact H·v, diagonal preconditioner" : "Newton-CG, exact H·v (1 pass)", meter.Points), o);
    }

    /// <summary>Newton-CG with <see cref="FiniteDifferenceHessianVector"/> over the generated gradient: each product is
    /// two gradient evaluations, counted as such.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="passes">Budget.</param>
    /// <param name="target">Gradient norm at which to stop.</param>
    /// <returns>The curve.</returns>
    public static Curve NewtonCgFiniteDifferences(BinaryProblem problem, int passes, double target)
    {
        var meter = new Meter(problem, 0.0);
        var hv = FiniteDifferenceHessianVector.Create(meter.UnrecordedGradient);
        var o = new NewtonCg(new Parameter<double>(new double[problem.Dimension], "w"), new NewtonCgOptions { InitialDamping = 0.0, ToleranceGrad = target });
        o.Minimize(meter.Gradient, hv, MaxIterations(passes));
        return new Curve("Newton-CG, central-difference H·v (2 passes)", meter.Points);
    }

    /// <summary>Newton iterations cost at least two passes (a gradient and a product): a cap that the pass budget implies.</summary>
    private static int MaxIterations(int passes) => Math.Max(1, passes / 2);

    /// <summary>The runtime's L-BFGS with the strong-Wolfe line search.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="passes">Budget.</param>
    /// <param name="history">history_size.</param>
    /// <param name="target">Gradient norm at which to stop.</param>
    /// <returns>The curve.</returns>
    public static Curve Lbfgs(BinaryProblem problem, int passes, int history, double target)
    {
        var meter = new Meter(problem, 0.0);
        var w = new Parameter<double>(new double[problem.Dimension], "w");
        var o = new Lbfgs<double>([w], new LbfgsOptions
        {
            StrongWolfe = true, HistorySize = history, MaxIter = passes, MaxEval = passes, ToleranceGrad = 0.0, ToleranceChange = 0.0,
        });
        while (meter.Passes < passes && !(meter.Points.Count > 0 && meter.Points[^1].Value <= target))
        {
            double start = meter.Passes;
            o.Step(() => meter.Gradient(w.Data, w.Grad));
            if (meter.Passes == start + 1) break;
        }

        return new Curve($"L-BFGS (strong Wolfe, history {history})", meter.Points);
    }

    /// <summary>The runtime's Adam, one full-batch gradient per step.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="passes">Budget.</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="target">Gradient norm at which to stop.</param>
    /// <returns>The curve.</returns>
    public static Curve Adam(BinaryProblem problem, int passes, double lr, double target)
    {
        var meter = new Meter(problem, 0.0);
        var w = new Parameter<double>(new double[problem.Dimension], "w");
        var o = new Adam<double>([w], new AdamOptions { Lr = lr });
        while (meter.Passes < passes && !(meter.Points.Count > 0 && meter.Points[^1].Value <= target))
        {
            meter.Gradient(w.Data, w.Grad);
            o.Step();
        }

        return new Curve($"Adam (lr {lr:G})", meter.Points);
    }

    /// <summary>The first pass count at which the gradient norm is at most <paramref name="target"/>, or null.</summary>
    /// <param name="curve">A curve of gradient norms.</param>
    /// <param name="target">The norm.</param>
    /// <returns>The passes.</returns>
    public static double? PassesTo(Curve curve, double target)
    {
        foreach (var (passes, norm) in curve.Points)
            if (norm <= target) return passes;
        return null;
    }
}
