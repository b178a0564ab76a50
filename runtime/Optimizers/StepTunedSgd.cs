using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="StepTunedSgd{T}"/> (Castera's thesis, Algorithm 3; defaults from there).</summary>
public sealed record StepTunedSgdOptions : OptimizerOptions
{
    /// <summary>alpha, the only parameter that needs tuning (default 1e-3 is a placeholder; torch has no equivalent).</summary>
    public override double Lr { get; init; } = 1e-3;

    /// <summary>nu: the step factor used when the curvature estimate is not positive (default 2).</summary>
    public double Nu { get; init; } = 2.0;

    /// <summary>beta in [0, 1): momentum of the curvature estimate G (default 0.9).</summary>
    public double Beta { get; init; } = 0.9;

    /// <summary>m~ &gt; 0, lower clip of the step factor (default 0.5).</summary>
    public double MinStepFactor { get; init; } = 0.5;

    /// <summary>M~ &gt;= max(m~, nu), upper clip of the step factor (default 2).</summary>
    public double MaxStepFactor { get; init; } = 2.0;

    /// <summary>delta in (0, 1/2): decay alpha / (k + 1)^(1/2 + delta) (default 0.001).</summary>
    public double Delta { get; init; } = 1e-3;

    /// <summary>Steps per decay unit: k in the decay counts epochs when this is the number of mini-batches per epoch
    /// (the thesis' experiments); 1 decays per step (default).</summary>
    public long StepsPerEpoch { get; init; } = 1;

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.Require(Lr > 0.0, nameof(Lr), $"Invalid learning rate: {OptimizerValidation.Format(Lr)}");
        OptimizerValidation.Require(Nu > 0.0, nameof(Nu), $"Invalid nu value: {OptimizerValidation.Format(Nu)}");
        OptimizerValidation.Require(Beta >= 0.0 && Beta < 1.0, nameof(Beta), $"Invalid beta value: {OptimizerValidation.Format(Beta)}");
        OptimizerValidation.Require(MinStepFactor > 0.0, nameof(MinStepFactor), $"Invalid m~ value: {OptimizerValidation.Format(MinStepFactor)}");
        OptimizerValidation.Require(MaxStepFactor > 0.0, nameof(MaxStepFactor), $"Invalid M~ value: {OptimizerValidation.Format(MaxStepFactor)}");
        OptimizerValidation.Require(MinStepFactor <= MaxStepFactor, nameof(MinStepFactor),
            $"Invalid step factor bounds: m~ = {OptimizerValidation.Format(MinStepFactor)} exceeds M~ = {OptimizerValidation.Format(MaxStepFactor)}");
        OptimizerValidation.Require(Nu <= MaxStepFactor, nameof(Nu),
            $"Invalid nu value: {OptimizerValidation.Format(Nu)} exceeds M~ = {OptimizerValidation.Format(MaxStepFactor)}");
        OptimizerValidation.Require(Delta > 0.0 && Delta < 0.5, nameof(Delta), $"Invalid delta value: {OptimizerValidation.Format(Delta)}");
        OptimizerValidation.Require(StepsPerEpoch >= 1, nameof(StepsPerEpoch), $"Invalid steps per epoch value: {StepsPerEpoch}");
    }
}

/// <summary>First half step of Step-Tuned SGD: keep g (slot 1, <c>first_grad</c>) and move theta by -eta g.</summary>
public readonly struct StepTunedFirstHalfRule : IElementRule
{
    /// <summary>eta_k.</summary>
    public readonly double Eta;

    /// <summary>Creates the rule.</summary>
    /// <param name="eta">eta_k.</param>
    public StepTunedFirstHalfRule(double eta) => Eta = eta;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        state1 = grad;
        param = param - L.Constant(Eta) * grad;
    }
}

/// <summary>Second half step: G = beta G + (1 - beta)(g_half - g_first) (slot 0, <c>G</c>), theta -= eta g_half, with the
/// sums ||g_first||^2 and &lt;G, g_first&gt; that the step-size update needs accumulated in the same pass.</summary>
public readonly struct StepTunedSecondHalfRule : IElementReductionRule
{
    /// <summary>eta_k.</summary>
    public readonly double Eta;

    /// <summary>beta.</summary>
    public readonly double Beta;

    /// <summary>1 - beta.</summary>
    public readonly double OneMinusBeta;

    /// <summary>Creates the rule.</summary>
    /// <param name="eta">eta_k.</param>
    /// <param name="beta">beta.</param>
    public StepTunedSecondHalfRule(double eta, double beta)
    {
        Eta = eta;
        Beta = beta;
        OneMinusBeta = 1.0 - beta;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2, ref L sum0, ref L sum1) where L : struct, ILane<L>
    {
        state0 = state0 * L.Constant(Beta) + L.Constant(OneMinusBeta) * (grad - state1);
        param = param - L.Constant(Eta) * grad;
        sum0 = sum0 + state1 * state1;
        sum1 = sum1 + state0 * state1;
    }
}

/// <summary>Undoes the first half step when the second gradient is not finite: theta += eta g_first (slot 1). Not bitwise
/// (theta - eta g + eta g rounds), which is why the thesis' iteration is never restarted from the restored point within
/// the same step.</summary>
public readonly struct StepTunedUndoFirstHalfRule : IElementRule
{
    /// <summary>eta_k of the half step being undone.</summary>
    public readonly double Eta;

    /// <summary>Creates the rule.</summary>
    /// <param name="eta">eta_k.</param>
    public StepTunedUndoFirstHalfRule(double eta) => Eta = eta;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L> =>
        param = param + L.Constant(Eta) * state1;
}

/// <summary>
/// Step-Tuned SGD (Castera, Bolte, Fevotte, Pauwels; thesis Algorithm 3): each mini-batch gives two half steps; the
/// gradient difference feeds a debiased curvature estimate G whose Barzilai-Borwein-like ratio
/// ||dtheta||^2 / &lt;Ghat, dtheta&gt; (or nu when not positive), clipped to [m~, M~], scales the next step
/// eta = alpha / (k + 1)^(1/2 + delta) * gamma. The cost is that of SGD: one gradient per half step.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class StepTunedSgd<T> : GroupedOptimizer<T, StepTunedSgdOptions> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer (one parameter group: the step factor is shared by all parameters).</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public StepTunedSgd(IEnumerable<Parameter<T>> parameters, StepTunedSgdOptions? options = null)
        : base(parameters, options ?? new StepTunedSgdOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "StepTunedSGD";

    /// <summary>gamma_k, the current step factor (gamma_0 = 1).</summary>
    public double Gamma { get; private set; } = 1.0;

    /// <summary>k, the number of completed steps.</summary>
    public long K { get; private set; }

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IOptimizerVisitor<T, TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }

    /// <inheritdoc/>
    protected override StateLayout GetLayout(int group) => new(["G", "first_grad", null], null, [false, true, false]);

    /// <summary>
    /// One iteration on one mini-batch through the common entry point: <paramref name="closure"/> is called twice
    /// (the two gradients of the method, with the same mini-batch).
    /// </summary>
    /// <param name="closure">Loss and gradient oracle for the current mini-batch.</param>
    /// <returns>The loss of the first evaluation (a step skipped for a non-finite gradient is counted in <see cref="Optimizer{T}.SkippedSteps"/>).</returns>
    public override double Step(Func<double> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        double first = double.NaN;
        bool firstCall = true;
        Step(() =>
        {
            double value = closure();
            if (firstCall) first = value;
            firstCall = false;
        });
        return first;
    }

    /// <summary>One iteration on one mini-batch. <paramref name="computeGradients"/> must write the mini-batch gradient at
    /// the current parameters into <see cref="Parameter{T}.Grad"/>; it is called twice, with the same mini-batch.</summary>
    /// <param name="computeGradients">Gradient oracle for the current mini-batch.</param>
    /// <returns>False when skipped because of a non-finite gradient (the parameters are then restored).</returns>
    public bool Step(Action computeGradients)
    {
        ArgumentNullException.ThrowIfNull(computeGradients);
        RequireSingleGroup();
        var ps = ParamGroups[0].Parameters;
        computeGradients();
        ValidateLengths();
        if (!CheckGradients()) return false;

        double eta = NextStepSize;
        var first = new StepTunedFirstHalfRule(eta);
        foreach (var p in ps)
        {
            var s = GetOrCreateState(p, 0);
            ElementwiseKernel.Run(KernelPath, first, p.Data, p.Grad, s.SlotSpan(0), s.SlotSpan(1), default);
        }

        // A second gradient that cannot be used (wrong length, non-finite) undoes the first half step before the error
        // or the skip, so that the iteration leaves the parameters as they were.
        void UndoFirstHalf()
        {
            var undo = new StepTunedUndoFirstHalfRule(eta);
            foreach (var p in ps)
            {
                var s = GetState(p)!;
                // The rule reads only the saved first gradient (slot 1), which also stands in for Grad.
                ElementwiseKernel.Run(KernelPath, undo, p.Data, s.SlotSpan(1), s.SlotSpan(0), s.SlotSpan(1), default);
            }
        }

        computeGradients();
        try
        {
            ValidateLengths();
        }
        catch (ArgumentException)
        {
            UndoFirstHalf();
            throw;
        }

        var (bad, index) = FindNonFiniteGradient();
        if (bad is not null)
        {
            UndoFirstHalf();
            return ReportNonFiniteGradient(bad, index);
        }

        var second = SecondHalfRule(eta);
        double g1Sq = 0.0, gDotG1 = 0.0;
        foreach (var p in ps)
        {
            var s = GetState(p)!;
            var (sq, dot) = ElementwiseKernel.RunReduce(KernelPath, second, p.Data, p.Grad, s.SlotSpan(0), s.SlotSpan(1), default);
            g1Sq += sq;
            gDotG1 += dot;
        }

        CompleteIteration(eta, g1Sq, gDotG1);
        return true;
    }

    /// <summary>eta_k = alpha / (k + 1)^(1/2 + delta) * gamma_k, the step size of both half steps of the next iteration
    /// (k counted in <see cref="StepTunedSgdOptions.StepsPerEpoch"/> units).</summary>
    public double NextStepSize
    {
        get
        {
            var o = ParamGroups[0].Options;
            long decayIndex = K / o.StepsPerEpoch;
            return o.Lr / Math.Pow(decayIndex + 1, 0.5 + o.Delta) * Gamma;
        }
    }

    /// <summary>The second half-step rule for step size <paramref name="eta"/> with this optimizer's beta.</summary>
    /// <param name="eta">eta_k from <see cref="NextStepSize"/>.</param>
    /// <returns>The rule.</returns>
    public StepTunedSecondHalfRule SecondHalfRule(double eta) => new(eta, ParamGroups[0].Options.Beta);

    /// <summary>The state of <paramref name="parameter"/> (<c>G</c> in slot 0, the transient <c>first_grad</c> in slot 1),
    /// created on first use. Other backends (ILGPU) read its initial values and mirror its slots.</summary>
    /// <param name="parameter">A parameter of this optimizer.</param>
    /// <returns>The live state.</returns>
    public ParameterState<T> PrepareState(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        RequireSingleGroup();
        if (GroupOf(parameter) != 0) throw new ArgumentException($"Parameter '{parameter.Name}' does not belong to this optimizer.", nameof(parameter));
        return GetOrCreateState(parameter, 0);
    }

    /// <summary>Ends an iteration whose two half steps ran with step size <paramref name="eta"/>: counts a step on every
    /// parameter and sets the next step factor from the two sums of the second half step (all parameters together).
    /// <see cref="Step(Action)"/> calls it; other backends call it with their own sums.</summary>
    /// <param name="eta">The step size used (<see cref="NextStepSize"/> before the iteration).</param>
    /// <param name="firstGradSquaredNorm">||g_first||^2, the first sum of <see cref="StepTunedSecondHalfRule"/>.</param>
    /// <param name="curvatureDotFirstGrad">&lt;G, g_first&gt;, its second sum.</param>
    public void CompleteIteration(double eta, double firstGradSquaredNorm, double curvatureDotFirstGrad)
    {
        RequireSingleGroup();
        var o = ParamGroups[0].Options;
        foreach (var p in ParamGroups[0].Parameters) GetOrCreateState(p, 0).Step++;

        // dtheta = -eta g1 and Ghat = G / (1 - beta^(k+1)):
        // ||dtheta||^2 = eta^2 ||g1||^2, <Ghat, dtheta> = -eta <G, g1> / (1 - beta^(k+1)).
        double dThetaSq = eta * eta * firstGradSquaredNorm;
        double curvature = -eta * curvatureDotFirstGrad / (1.0 - Math.Pow(o.Beta, K + 1));
        double gamma = curvature > 0.0 ? dThetaSq / curvature : o.Nu;
        Gamma = Math.Min(Math.Max(gamma, o.MinStepFactor), o.MaxStepFactor);
        K++;
    }

    private void RequireSingleGroup()
    {
        if (ParamGroupCount != 1) throw new InvalidOperationException("Step-Tuned SGD uses one step factor for all parameters: use a single parameter group");
    }

    /// <inheritdoc/>
    protected override void WriteExtraState(BinaryWriter writer)
    {
        writer.Write(Gamma);
        writer.Write(K);
    }

    /// <inheritdoc/>
    protected override Action ReadExtraState(BinaryReader reader)
    {
        double gamma = reader.ReadDouble();
        long k = reader.ReadInt64();
        return () => (Gamma, K) = (gamma, k);
    }
}
