using System;
using System.IO;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>
/// Hessian-free Newton-CG in the sense of Martens (2010): each iteration solves (H + lambda I) d = -g by truncated
/// conjugate gradient on Hessian-vector products (<see cref="HessianVectorProduct"/>), stopping on the relative residual,
/// the iteration cap or negative curvature, and warm-started from zeta times the previous solution; then a backtracking
/// Armijo line search from a = 1, and the Levenberg-Marquardt rule on the reduction ratio
/// rho = (f(x + d) - f(x)) / (g'd + d'H d / 2): lambda *= 2/3 if rho &gt; 3/4, lambda *= 3/2 if rho &lt; 1/4.
/// d'H d comes from CG's own residual, so rho costs no extra product.
/// <see cref="Minimize"/> is the full-batch loop (the gradient at the accepted point serves the next iteration);
/// <see cref="Step"/> is one iteration on the functions of one mini-batch (a fresh gradient each call; the H·v
/// delegate may use a smaller batch, as Martens does). An optional <see cref="CurvatureDiagonal"/> turns CG into
/// diagonally preconditioned CG with M = (diag + lambda)^alpha (Martens 2010). The counters give the cost in passes
/// over the data.
/// </summary>
public sealed class NewtonCg
{
    private readonly double[] _g, _trial, _trialGrad, _d, _previous, _inverseM;
    private readonly TruncatedCg _cg;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weights">The point x, updated in place.</param>
    /// <param name="options">Hyper-parameters (defaults when null), validated here.</param>
    public NewtonCg(Parameter<double> weights, NewtonCgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Options = options ?? new NewtonCgOptions();
        Options.Validate();
        Weights = weights;
        Dimension = weights.Length;
        int n = Dimension;
        (_g, _trial, _trialGrad, _d, _previous, _inverseM) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        _cg = new TruncatedCg(n);
        Damping = Options.InitialDamping;
    }

    /// <summary>The method's name, written into checkpoints.</summary>
    public static string Name => "NewtonCG";

    /// <summary>The point.</summary>
    public Parameter<double> Weights { get; }

    /// <summary>The number of weights.</summary>
    public int Dimension { get; }

    /// <summary>The hyper-parameters.</summary>
    public NewtonCgOptions Options { get; }

    /// <summary>lambda, the current damping.</summary>
    public double Damping { get; private set; }

    /// <summary>Newton iterations done (accepted or rejected).</summary>
    public long Iterations { get; private set; }

    /// <summary>Calls of the <see cref="GradientFunction"/> (initial gradients and line-search points).</summary>
    public long GradientEvaluations { get; private set; }

    /// <summary>Calls of the <see cref="HessianVectorProduct"/>.</summary>
    public long HessianVectorProducts { get; private set; }

    /// <summary>Calls of the <see cref="CurvatureDiagonal"/> (one per iteration when a preconditioner is used).</summary>
    public long DiagonalEvaluations { get; private set; }

    /// <summary>CG iterations over all Newton iterations.</summary>
    public long CgIterations { get; private set; }

    /// <summary>CG solves ended by negative curvature.</summary>
    public long NegativeCurvatureStops { get; private set; }

    /// <summary>Iterations whose line search found no acceptable point (x unchanged, damping raised).</summary>
    public long RejectedSteps { get; private set; }

    /// <summary>rho of the last iteration (NaN before the first).</summary>
    public double LastReductionRatio { get; private set; } = double.NaN;

    /// <summary>How the last CG solve stopped.</summary>
    public CgStop LastCgStop { get; private set; }

    /// <summary>The value at the point of the last evaluated gradient that was accepted (NaN before the first).</summary>
    public double LastValue { get; private set; } = double.NaN;

    /// <summary>The 2-norm of that gradient (NaN before the first).</summary>
    public double LastGradientNorm { get; private set; } = double.NaN;

    /// <summary>Cost in passes over the data when every call covers the data: gradients plus
    /// <paramref name="hessianVectorCost"/> per product (about 1 for forward over reverse, 2 for
    /// <see cref="FiniteDifferenceHessianVector"/>, whose gradients the caller may count instead) plus
    /// <paramref name="diagonalCost"/> per curvature diagonal.</summary>
    /// <param name="hessianVectorCost">Passes per product.</param>
    /// <param name="diagonalCost">Passes per diagonal.</param>
    /// <returns>The passes.</returns>
    public double Passes(double hessianVectorCost = 1.0, double diagonalCost = 1.0) =>
        GradientEvaluations + hessianVectorCost * HessianVectorProducts + diagonalCost * DiagonalEvaluations;

    /// <summary>Full-batch minimization: iterates until the gradient norm is at most
    /// <see cref="NewtonCgOptions.ToleranceGrad"/> or <paramref name="maxIterations"/> iterations were done.</summary>
    /// <param name="gradient">The objective and its gradient.</param>
    /// <param name="hessianVector">Its Hessian-vector product.</param>
    /// <param name="maxIterations">Most iterations (&gt;= 0).</param>
    /// <param name="diagonal">Optional curvature diagonal for the preconditioner (null: plain CG).</param>
    /// <returns>True when the tolerance was reached.</returns>
    public bool Minimize(GradientFunction gradient, HessianVectorProduct hessianVector, int maxIterations, CurvatureDiagonal? diagonal = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessianVector);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        double value = Evaluate(gradient, Point(), _g);
        Record(value, _g);
        for (int k = 0; k < maxIterations; k++)
        {
            if (LastGradientNorm <= Options.ToleranceGrad) return true;
            Iterate(gradient, hessianVector, diagonal, ref value);
        }

        return LastGradientNorm <= Options.ToleranceGrad;
    }

    /// <summary>One iteration on the objective of the current mini-batch (or of all the data): a fresh gradient at x,
    /// then CG, line search and damping update, all with these functions.</summary>
    /// <param name="gradient">The batch objective and its gradient.</param>
    /// <param name="hessianVector">A Hessian-vector product of the batch objective (or of a sub-batch).</param>
    /// <param name="diagonal">Optional curvature diagonal of the batch objective for the preconditioner (null: plain CG).</param>
    /// <returns>True when x moved; false when the gradient was already within tolerance or the line search failed.</returns>
    public bool Step(GradientFunction gradient, HessianVectorProduct hessianVector, CurvatureDiagonal? diagonal = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessianVector);
        double value = Evaluate(gradient, Point(), _g);
        Record(value, _g);
        if (LastGradientNorm <= Options.ToleranceGrad) return false;
        return Iterate(gradient, hessianVector, diagonal, ref value);
    }

    private bool Iterate(GradientFunction gradient, HessianVectorProduct hessianVector, CurvatureDiagonal? diagonal, ref double value)
    {
        var o = Options;
        double[] x = Point();
        double lambda = Damping;
        if (diagonal is not null) Precondition(diagonal, x, lambda);
        TensorPrimitives.Multiply(_previous, o.CgDecay, _d);
        double forcing = Math.Min(o.CgTolerance, Math.Sqrt(LastGradientNorm));
        var (stop, products, dampedModel) = _cg.Solve((v, av) =>
        {
            av.Clear();
            hessianVector(x, v, av);
            HessianVectorProducts++;
            TensorPrimitives.MultiplyAdd(v, lambda, av, av);
        }, _g, _d, forcing, o.MaxCgIterations, diagonal is null ? default : _inverseM);
        CgIterations += products;
        LastCgStop = stop;
        if (stop == CgStop.NegativeCurvature) NegativeCurvatureStops++;
        Iterations++;

        double gd = TensorPrimitives.Dot<double>(_g, _d);
        double dd = TensorPrimitives.Dot<double>(_d, _d);
        double predicted = dampedModel - 0.5 * lambda * dd;
        if (!(gd < 0.0))
        {
            // Not a descent direction (indefinite H seen only partly): fall back to steepest descent, no model.
            TensorPrimitives.Negate(_g, _d);
            gd = -TensorPrimitives.Dot<double>(_g, _g);
            predicted = double.NaN;
        }

        _d.CopyTo(_previous);
        double a = 1.0, rho = double.NaN;
        for (int e = 0; e < o.MaxLineSearchEvaluations; e++, a *= o.Backtrack)
        {
            TensorPrimitives.MultiplyAdd(_d, a, x, _trial);
            double trialValue = Evaluate(gradient, _trial, _trialGrad);
            if (e == 0) rho = (trialValue - value) / predicted;
            if (trialValue <= value + o.ArmijoC1 * a * gd)
            {
                UpdateDamping(rho);
                _trial.CopyTo(x, 0);
                _trialGrad.CopyTo(_g, 0);
                value = trialValue;
                Record(value, _g);
                return true;
            }
        }

        UpdateDamping(rho);
        RejectedSteps++;
        Array.Clear(_previous);
        return false;
    }

    /// <summary>M^-1 = (diag + lambda)^-alpha elementwise; an entry that is not positive and finite is left unscaled.</summary>
    private void Precondition(CurvatureDiagonal diagonal, double[] x, double lambda)
    {
        diagonal(x, _inverseM);
        DiagonalEvaluations++;
        double alpha = Options.PreconditionerExponent;
        for (int i = 0; i < _inverseM.Length; i++)
        {
            double m = Math.Pow(_inverseM[i] + lambda, alpha);
            _inverseM[i] = m > 0.0 && double.IsFinite(m) ? 1.0 / m : 1.0;
        }
    }

    /// <summary>Martens' Levenberg-Marquardt rule; an undefined rho (no model, non-finite trial value) counts as poor.</summary>
    private void UpdateDamping(double rho)
    {
        LastReductionRatio = rho;
        if (rho > 0.75) Damping *= Options.DampingDecrease;
        else if (!(rho >= 0.25)) Damping *= Options.DampingIncrease;
    }

    private double[] Point()
    {
        if (Weights.Length != Dimension)
            throw new ArgumentException($"Weights '{Weights.Name}' have length {Weights.Length} but the optimizer was created for {Dimension}.", nameof(Weights));
        return Weights.Data;
    }

    private double Evaluate(GradientFunction gradient, double[] x, double[] g)
    {
        Array.Clear(g);
        double value = gradient(x, g);
        GradientEvaluations++;
        return value;
    }

    private void Record(double value, double[] g)
    {
        if (!double.IsFinite(TensorPrimitives.Sum<double>(g) * 0.0))
            throw new NonFiniteGradientException(Weights.Name, Array.FindIndex(g, v => !double.IsFinite(v)));
        LastValue = value;
        LastGradientNorm = TensorPrimitives.Norm<double>(g);
    }

    /// <summary>Writes the state (damping, warm start, counters; not the weights).</summary>
    /// <param name="stream">Destination.</param>
    public void SaveState(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SecondOrderCheckpoint.Write(stream, Name, Dimension, w =>
        {
            foreach (long c in new[] { Iterations, GradientEvaluations, HessianVectorProducts, DiagonalEvaluations, CgIterations, NegativeCurvatureStops, RejectedSteps })
                w.Write(c);
            w.Write(Damping);
            w.Write(LastReductionRatio);
            w.Write(LastValue);
            w.Write(LastGradientNorm);
            w.Write((int)LastCgStop);
            SecondOrderCheckpoint.WriteArray(w, _previous);
        });
    }

    /// <summary>Restores state written by <see cref="SaveState"/> for the same dimension; a truncated, corrupt or
    /// mismatched file throws <see cref="InvalidDataException"/> and changes nothing.</summary>
    /// <param name="stream">Source.</param>
    public void LoadState(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SecondOrderCheckpoint.Read(stream, Name, Dimension, r =>
        {
            var c = new long[7];
            string[] names = ["iterations", "gradient evaluations", "products", "diagonals", "CG iterations", "negative-curvature stops", "rejected steps"];
            for (int i = 0; i < c.Length; i++) c[i] = SecondOrderCheckpoint.ReadCount(r, names[i]);
            double damping = r.ReadDouble(), rho = r.ReadDouble(), value = r.ReadDouble(), gNorm = r.ReadDouble();
            if (!(damping >= 0.0) || !double.IsFinite(damping)) throw new InvalidDataException($"Checkpoint's damping {damping} is invalid.");
            int stop = r.ReadInt32();
            if (!Enum.IsDefined((CgStop)stop)) throw new InvalidDataException($"Checkpoint's CG stop {stop} is invalid.");
            double[] previous = SecondOrderCheckpoint.ReadArray(r, Dimension, "warm start");
            return () =>
            {
                (Iterations, GradientEvaluations, HessianVectorProducts, DiagonalEvaluations) = (c[0], c[1], c[2], c[3]);
                (CgIterations, NegativeCurvatureStops, RejectedSteps) = (c[4], c[5], c[6]);
                (Damping, LastReductionRatio, LastValue, LastGradientNorm, LastCgStop) = (damping, rho, value, gNorm, (CgStop)stop);
                previous.CopyTo(_previous, 0);
            };
        });
    }
}
