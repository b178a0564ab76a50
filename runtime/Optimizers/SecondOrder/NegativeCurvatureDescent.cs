using System;
using System.IO;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>
/// Gradient descent that escapes strict saddles: while ||g|| &gt; eps_g it takes x -= lr g; when the gradient is small it
/// probes the Hessian with <see cref="Lanczos"/> on Hessian-vector products, and if the smallest Ritz value theta is
/// below -eps_H it steps along the unit Ritz vector u, signed so that g'u &lt;= 0 (which decreases f to second order,
/// f(x + a u) ~ f + a g'u + a^2 theta / 2), with a backtracking search on the distance. Gradient descent started on
/// the stable manifold of a strict saddle converges to the saddle; this method does not. The Lanczos start vectors are
/// Gaussian from a seeded generator, so a run is reproducible and its checkpoint resumes it bitwise.
/// </summary>
public sealed class NegativeCurvatureDescent
{
    private readonly double[] _g, _trial, _trialGrad, _start;
    private readonly NoiseSource _noise;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weights">The point x, updated in place.</param>
    /// <param name="options">Hyper-parameters (defaults when null), validated here.</param>
    public NegativeCurvatureDescent(Parameter<double> weights, NegativeCurvatureDescentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Options = options ?? new NegativeCurvatureDescentOptions();
        Options.Validate();
        Weights = weights;
        Dimension = weights.Length;
        (_g, _trial, _trialGrad, _start) = (new double[Dimension], new double[Dimension], new double[Dimension], new double[Dimension]);
        _noise = new NoiseSource(Options.Seed);
    }

    /// <summary>The method's name, written into checkpoints.</summary>
    public static string Name => "NegativeCurvatureDescent";

    /// <summary>The point.</summary>
    public Parameter<double> Weights { get; }

    /// <summary>The number of weights.</summary>
    public int Dimension { get; }

    /// <summary>The hyper-parameters.</summary>
    public NegativeCurvatureDescentOptions Options { get; }

    /// <summary>Steps taken (<see cref="Step"/> calls that did not find a stationary point).</summary>
    public long Iterations { get; private set; }

    /// <summary>Calls of the <see cref="GradientFunction"/>.</summary>
    public long GradientEvaluations { get; private set; }

    /// <summary>Calls of the <see cref="HessianVectorProduct"/>.</summary>
    public long HessianVectorProducts { get; private set; }

    /// <summary>Steps along a negative-curvature direction.</summary>
    public long NegativeCurvatureSteps { get; private set; }

    /// <summary>The Ritz value of the last probe (NaN before the first).</summary>
    public double LastCurvature { get; private set; } = double.NaN;

    /// <summary>The gradient norm at the start of the last step (NaN before the first).</summary>
    public double LastGradientNorm { get; private set; } = double.NaN;

    /// <summary>Steps until the point is (eps_g, eps_H) second-order stationary or <paramref name="maxIterations"/> steps
    /// were taken.</summary>
    /// <param name="gradient">The objective and its gradient.</param>
    /// <param name="hessianVector">Its Hessian-vector product.</param>
    /// <param name="maxIterations">Most steps (&gt;= 0).</param>
    /// <returns>True when a stationary point was reached.</returns>
    public bool Minimize(GradientFunction gradient, HessianVectorProduct hessianVector, int maxIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        for (int k = 0; k <= maxIterations; k++)
            if (StepCore(gradient, hessianVector, move: k < maxIterations) == CurvatureStepKind.Stationary) return true;
        return false;
    }

    /// <summary>One step.</summary>
    /// <param name="gradient">The objective and its gradient.</param>
    /// <param name="hessianVector">Its Hessian-vector product (called only when the gradient is small).</param>
    /// <returns>What the step did.</returns>
    public CurvatureStepKind Step(GradientFunction gradient, HessianVectorProduct hessianVector) => StepCore(gradient, hessianVector, move: true);

    private CurvatureStepKind StepCore(GradientFunction gradient, HessianVectorProduct hessianVector, bool move)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessianVector);
        var o = Options;
        double[] x = Point();
        double value = Evaluate(gradient, x, _g);
        if (!double.IsFinite(TensorPrimitives.Sum<double>(_g) * 0.0))
            throw new NonFiniteGradientException(Weights.Name, Array.FindIndex(_g, v => !double.IsFinite(v)));
        LastGradientNorm = TensorPrimitives.Norm<double>(_g);
        if (LastGradientNorm <= o.GradientTolerance)
        {
            _noise.FillGaussian<double>(_start);
            var probe = Lanczos.SmallestEigenpair((p, v, hv) =>
            {
                hessianVector(p, v, hv);
                HessianVectorProducts++;
            }, x, _start, o.LanczosIterations);
            LastCurvature = probe.Eigenvalue;
            if (!(probe.Eigenvalue < -o.CurvatureTolerance)) return CurvatureStepKind.Stationary;
            if (!move) return CurvatureStepKind.NegativeCurvature;
            Iterations++;
            if (CurvatureStep(gradient, x, value, probe)) return CurvatureStepKind.NegativeCurvature;
        }
        else if (!move)
        {
            return CurvatureStepKind.Gradient;
        }
        else
        {
            Iterations++;
        }

        TensorPrimitives.MultiplyAdd(_g, -o.Lr, x, x);
        return CurvatureStepKind.Gradient;
    }

    /// <summary>x += a s u with s = -sign(g'u) (+1 when g'u = 0) and a halved from the option's length until the
    /// second-order Armijo condition holds; false (x unchanged) when none does.</summary>
    private bool CurvatureStep(GradientFunction gradient, double[] x, double value, CurvatureEstimate probe)
    {
        double[] u = probe.Direction;
        double gu = TensorPrimitives.Dot<double>(_g, u);
        if (gu > 0.0)
        {
            TensorPrimitives.Negate(u, u);
            gu = -gu;
        }

        double a = Options.CurvatureStepLength;
        for (int e = 0; e < Options.MaxLineSearchEvaluations; e++, a *= 0.5)
        {
            TensorPrimitives.MultiplyAdd(u, a, x, _trial);
            double trialValue = Evaluate(gradient, _trial, _trialGrad);
            if (trialValue <= value + 1e-4 * (a * gu + 0.5 * a * a * probe.Eigenvalue))
            {
                _trial.CopyTo(x, 0);
                NegativeCurvatureSteps++;
                return true;
            }
        }

        return false;
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
        GradientEvaluations++;
        return gradient(x, g);
    }

    /// <summary>Writes the state (counters, last probe, generator state; not the weights).</summary>
    /// <param name="stream">Destination.</param>
    public void SaveState(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SecondOrderCheckpoint.Write(stream, Name, Dimension, w =>
        {
            foreach (long c in new[] { Iterations, GradientEvaluations, HessianVectorProducts, NegativeCurvatureSteps }) w.Write(c);
            w.Write(LastCurvature);
            w.Write(LastGradientNorm);
            var (s0, s1, s2, s3) = _noise.State;
            w.Write(s0);
            w.Write(s1);
            w.Write(s2);
            w.Write(s3);
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
            var c = new long[4];
            string[] names = ["iterations", "gradient evaluations", "products", "negative-curvature steps"];
            for (int i = 0; i < c.Length; i++) c[i] = SecondOrderCheckpoint.ReadCount(r, names[i]);
            double curvature = r.ReadDouble(), gNorm = r.ReadDouble();
            var state = (r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64());
            if (state == (0UL, 0UL, 0UL, 0UL)) throw new InvalidDataException("Checkpoint's generator state is all zero.");
            return () =>
            {
                (Iterations, GradientEvaluations, HessianVectorProducts, NegativeCurvatureSteps) = (c[0], c[1], c[2], c[3]);
                (LastCurvature, LastGradientNorm) = (curvature, gNorm);
                _noise.State = state;
            };
        });
    }
}
