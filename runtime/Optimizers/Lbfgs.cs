using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Lbfgs{T}"/> (torch.optim.LBFGS names and defaults).</summary>
public sealed record LbfgsOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1.0;

    /// <summary>Iterations per <see cref="Lbfgs{T}.Step"/> call (torch <c>max_iter</c>, default 20).</summary>
    public int MaxIter { get; init; } = 20;

    /// <summary>Closure evaluations per call; null means max_iter * 5 / 4 (torch <c>max_eval</c>).</summary>
    public int? MaxEval { get; init; }

    /// <summary>Stop when max |g| is at most this (torch <c>tolerance_grad</c>, default 1e-7).</summary>
    public double ToleranceGrad { get; init; } = 1e-7;

    /// <summary>Stop on smaller changes of step or loss (torch <c>tolerance_change</c>, default 1e-9).</summary>
    public double ToleranceChange { get; init; } = 1e-9;

    /// <summary>Number of (s, y) pairs kept (torch <c>history_size</c>, default 100).</summary>
    public int HistorySize { get; init; } = 100;

    /// <summary>Strong-Wolfe line search (torch <c>line_search_fn="strong_wolfe"</c>); false: fixed step lr.</summary>
    public bool StrongWolfe { get; init; }

    /// <summary>max_eval with torch's default applied.</summary>
    public int EffectiveMaxEval => MaxEval ?? MaxIter * 5 / 4;

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(MaxIter >= 1, nameof(MaxIter), $"Invalid max_iter value: {MaxIter}");
        OptimizerValidation.Require(EffectiveMaxEval >= 1, nameof(MaxEval), $"Invalid max_eval value: {EffectiveMaxEval}");
        OptimizerValidation.Require(HistorySize >= 1, nameof(HistorySize), $"Invalid history_size value: {HistorySize}");
        OptimizerValidation.Require(ToleranceGrad >= 0.0, nameof(ToleranceGrad), $"Invalid tolerance_grad value: {OptimizerValidation.Format(ToleranceGrad)}");
        OptimizerValidation.Require(ToleranceChange >= 0.0, nameof(ToleranceChange), $"Invalid tolerance_change value: {OptimizerValidation.Format(ToleranceChange)}");
    }
}

/// <summary>
/// L-BFGS on a closure (torch.optim.LBFGS, 1.13): two-loop recursion, optional strong-Wolfe line search with cubic
/// interpolation (c1 = 1e-4, c2 = 0.9, 25 evaluations), state kept across calls. All parameters are treated as one flat
/// vector in group order; only one parameter group is supported, as in torch.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Lbfgs<T> : GroupedOptimizer<T, LbfgsOptions> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _params;
    private readonly int _n;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters (one group).</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Lbfgs(IEnumerable<Parameter<T>> parameters, LbfgsOptions? options = null) : base(parameters, options ?? new LbfgsOptions())
    {
        _params = ParamGroups[0].Parameters.ToArray();
        _n = _params.Sum(p => p.Length);
    }

    /// <inheritdoc/>
    public override string Name => "LBFGS";

    /// <summary>Closure evaluations so far (torch state <c>func_evals</c>).</summary>
    public int FuncEvals { get; private set; }

    /// <summary>Iterations so far (torch state <c>n_iter</c>).</summary>
    public int NIter { get; private set; }

    /// <summary>Last search direction (<c>d</c>), null before the first iteration.</summary>
    public T[]? D { get; private set; }

    /// <summary>Last step length (<c>t</c>).</summary>
    public double StepLength { get; private set; }

    /// <summary>Stored gradient differences y, oldest first (<c>old_dirs</c>).</summary>
    public IReadOnlyList<T[]> OldDirs => _oldDirs;

    /// <summary>Stored steps s, oldest first (<c>old_stps</c>).</summary>
    public IReadOnlyList<T[]> OldStps => _oldStps;

    /// <summary>1 / (y's) per pair (<c>ro</c>).</summary>
    public IReadOnlyList<double> Ro => _ro;

    /// <summary>Initial Hessian scaling y's / y'y (<c>H_diag</c>).</summary>
    public double HDiag { get; private set; } = 1.0;

    /// <summary>The two-loop coefficients of the last recursion (<c>al</c>; NaN where unset).</summary>
    public IReadOnlyList<double> Al => _al ?? [];

    /// <summary>Flat gradient at the previous iterate (<c>prev_flat_grad</c>).</summary>
    public T[]? PrevFlatGrad { get; private set; }

    /// <summary>Loss at the previous iterate (<c>prev_loss</c>).</summary>
    public double PrevLoss { get; private set; }

    private readonly List<T[]> _oldDirs = [];
    private readonly List<T[]> _oldStps = [];
    private readonly List<double> _ro = [];
    private double[]? _al;

    /// <inheritdoc/>
    public override TResult Accept<TResult>(IOptimizerVisitor<T, TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }

    /// <inheritdoc/>
    protected override StateLayout GetLayout(int group) => new([]);

    /// <summary>Performs up to max_iter iterations. The closure must compute the loss at the current parameters and
    /// write the gradient into <see cref="Parameter{T}.Grad"/> (overwriting it); it returns the loss.</summary>
    /// <param name="closure">The objective.</param>
    /// <returns>The loss at the start of the call (torch's <c>orig_loss</c>).</returns>
    public override double Step(Func<double> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        if (ParamGroupCount != 1) throw new InvalidOperationException("LBFGS doesn't support per-parameter options (parameter groups)");
        ValidateLengths();
        var o = ParamGroups[0].Options;
        double lr = o.Lr;
        int maxEval = o.EffectiveMaxEval;

        double origLoss = Evaluate(closure, out T[] flatGrad);
        double loss = origLoss;
        int currentEvals = 1;
        FuncEvals++;
        if (MaxAbs(flatGrad) <= o.ToleranceGrad) return origLoss;

        T[]? d = D;
        double t = StepLength;
        T[]? q = null;
        int nIter = 0;
        while (nIter < o.MaxIter)
        {
            nIter++;
            NIter++;
            double gtd;
            if (NIter == 1)
            {
                d = new T[_n];
                gtd = LbfgsKernels.ScaleAddDot<T>(flatGrad, -T.One, d, accumulate: false, flatGrad);
                _oldDirs.Clear();
                _oldStps.Clear();
                _ro.Clear();
                HDiag = 1.0;
            }
            else
            {
                // y = g - g_prev, s = d t and both inner products in one pass.
                var y = new T[_n];
                var s = new T[_n];
                var (ys, yy) = LbfgsKernels.DiffAndDots<T>(flatGrad, PrevFlatGrad!, d!, Tc(t), y, s);
                if (ys > 1e-10)
                {
                    if (_oldDirs.Count == o.HistorySize)
                    {
                        _oldDirs.RemoveAt(0);
                        _oldStps.RemoveAt(0);
                        _ro.RemoveAt(0);
                    }

                    _oldDirs.Add(y);
                    _oldStps.Add(s);
                    _ro.Add(1.0 / ys);
                    HDiag = ys / yy;
                }

                d = TwoLoop(flatGrad, q ??= new T[_n], o.HistorySize, out gtd);
            }

            PrevFlatGrad = (T[])flatGrad.Clone();
            PrevLoss = loss;

            t = NIter == 1 ? Math.Min(1.0, 1.0 / SumAbs(flatGrad)) * lr : lr;
            if (gtd > -o.ToleranceChange) break;

            int lsEvals = 0;
            bool optCond;
            if (o.StrongWolfe)
            {
                T[] x0 = Flatten();
                (loss, flatGrad, t, lsEvals) = StrongWolfeSearch(closure, x0, t, d!, loss, flatGrad, gtd, o.ToleranceChange);
                AddStep(t, d!);
                optCond = MaxAbs(flatGrad) <= o.ToleranceGrad;
            }
            else
            {
                AddStep(t, d!);
                optCond = false;
                if (nIter != o.MaxIter)
                {
                    loss = Evaluate(closure, out flatGrad);
                    optCond = MaxAbs(flatGrad) <= o.ToleranceGrad;
                    lsEvals = 1;
                }
            }

            currentEvals += lsEvals;
            FuncEvals += lsEvals;

            if (nIter == o.MaxIter) break;
            if (currentEvals >= maxEval) break;
            if (optCond) break;
            if (MaxAbsScaled(d!, t) <= o.ToleranceChange) break;
            if (Math.Abs(loss - PrevLoss) < o.ToleranceChange) break;
        }

        D = d;
        StepLength = t;
        return origLoss;
    }

    /// <summary>The two-loop recursion d = -H g over the stored pairs, each pass fused with the inner product the next
    /// one needs (<see cref="LbfgsKernels"/>); also returns g'd from the last pass, which the line search needs.</summary>
    private T[] TwoLoop(T[] flatGrad, T[] q, int historySize, out double gtd)
    {
        int m = _oldDirs.Count;
        _al ??= Enumerable.Repeat(double.NaN, historySize).ToArray();
        var r = new T[_n];
        if (m == 0)
        {
            LbfgsKernels.ScaleAddDot<T>(flatGrad, -T.One, q, accumulate: false, null);
            gtd = LbfgsKernels.ScaleAddDot<T>(q, Tc(HDiag), r, accumulate: false, flatGrad);
            return r;
        }

        // First loop, newest pair first: al_i = ro_i s_i'q, q -= al_i y_i; each pass also computes s_{i-1}'q.
        double dot = LbfgsKernels.ScaleAddDot<T>(flatGrad, -T.One, q, accumulate: false, _oldStps[m - 1]);
        for (int i = m - 1; i > 0; i--)
        {
            _al[i] = dot * _ro[i];
            dot = LbfgsKernels.ScaleAddDot<T>(_oldDirs[i], Tc(-_al[i]), q, accumulate: true, _oldStps[i - 1]);
        }

        // Last pass of the first loop fused with r = H_diag q and y_0'r.
        _al[0] = dot * _ro[0];
        dot = LbfgsKernels.AxpyScaleDot<T>(_oldDirs[0], Tc(-_al[0]), q, Tc(HDiag), r, _oldDirs[0]);

        // Second loop, oldest pair first: be_i = ro_i y_i'r, r += (al_i - be_i) s_i; each pass computes y_{i+1}'r, the
        // last one g'r.
        for (int i = 0; i < m; i++)
        {
            double be = dot * _ro[i];
            dot = LbfgsKernels.ScaleAddDot<T>(_oldStps[i], Tc(_al[i] - be), r, accumulate: true, i + 1 < m ? _oldDirs[i + 1] : flatGrad);
        }

        gtd = dot;
        return r;
    }

    private (double F, T[] G, double T, int Evals) StrongWolfeSearch(Func<double> closure, T[] x, double t, T[] d, double f, T[] g, double gtd,
        double toleranceChange, double c1 = 1e-4, double c2 = 0.9, int maxLs = 25)
    {
        double dNorm = MaxAbs(d);
        g = (T[])g.Clone();
        var (fNew, gNew) = Directional(closure, x, t, d);
        int evals = 1;
        double gtdNew = Dot(gNew, d);
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        T[] gPrev = g;
        bool done = false;
        int lsIter = 0;
        double[] bracket = [], bf = [], bgtd = [];
        T[][] bg = [];
        while (lsIter < maxLs)
        {
            if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev))
            {
                (bracket, bf, bg, bgtd) = ([tPrev, t], [fPrev, fNew], [gPrev, (T[])gNew.Clone()], [gtdPrev, gtdNew]);
                break;
            }

            if (Math.Abs(gtdNew) <= -c2 * gtd)
            {
                (bracket, bf, bg) = ([t], [fNew], [gNew]);
                done = true;
                break;
            }

            if (gtdNew >= 0)
            {
                (bracket, bf, bg, bgtd) = ([tPrev, t], [fPrev, fNew], [gPrev, (T[])gNew.Clone()], [gtdPrev, gtdNew]);
                break;
            }

            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = CubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = (T[])gNew.Clone();
            gtdPrev = gtdNew;
            (fNew, gNew) = Directional(closure, x, t, d);
            evals++;
            gtdNew = Dot(gNew, d);
            lsIter++;
        }

        if (lsIter == maxLs)
            (bracket, bf, bg, bgtd) = ([0, t], [f, fNew], [g, gNew], [gtd, gtdNew]);

        bool insufProgress = false;
        var (low, high) = bf[0] <= bf[^1] ? (0, 1) : (1, 0);
        while (!done && lsIter < maxLs)
        {
            if (Math.Abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
            t = CubicInterpolate(bracket[0], bf[0], bgtd[0], bracket[1], bf[1], bgtd[1], null, null);
            double bmax = Math.Max(bracket[0], bracket[1]), bmin = Math.Min(bracket[0], bracket[1]);
            double eps = 0.1 * (bmax - bmin);
            if (Math.Min(bmax - t, t - bmin) < eps)
            {
                if (insufProgress || t >= bmax || t <= bmin)
                {
                    t = Math.Abs(t - bmax) < Math.Abs(t - bmin) ? bmax - eps : bmin + eps;
                    insufProgress = false;
                }
                else
                {
                    insufProgress = true;
                }
            }
            else
            {
                insufProgress = false;
            }

            (fNew, gNew) = Directional(closure, x, t, d);
            evals++;
            gtdNew = Dot(gNew, d);
            lsIter++;
            if (fNew > f + c1 * t * gtd || fNew >= bf[low])
            {
                bracket[high] = t;
                bf[high] = fNew;
                bg[high] = (T[])gNew.Clone();
                bgtd[high] = gtdNew;
                (low, high) = bf[0] <= bf[1] ? (0, 1) : (1, 0);
            }
            else
            {
                if (Math.Abs(gtdNew) <= -c2 * gtd)
                {
                    done = true;
                }
                else if (gtdNew * (bracket[high] - bracket[low]) >= 0)
                {
                    bracket[high] = bracket[low];
                    bf[high] = bf[low];
                    bg[high] = bg[low];
                    bgtd[high] = bgtd[low];
                }

                bracket[low] = t;
                bf[low] = fNew;
                bg[low] = (T[])gNew.Clone();
                bgtd[low] = gtdNew;
            }
        }

        return (bf[low], bg[low], bracket[low], evals);
    }

    /// <summary>Minimiser of the cubic through (x1, f1, g1), (x2, f2, g2), clamped to the bounds (torch's <c>_cubic_interpolate</c>).</summary>
    private static double CubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double? lo, double? hi)
    {
        var (xmin, xmax) = lo is { } l && hi is { } h ? (l, h) : x1 <= x2 ? (x1, x2) : (x2, x1);
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0)
        {
            double d2 = Math.Sqrt(d2Square);
            double minPos = x1 <= x2
                ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.Min(Math.Max(minPos, xmin), xmax);
        }

        return (xmin + xmax) / 2.0;
    }

    private (double F, T[] G) Directional(Func<double> closure, T[] x, double t, T[] d)
    {
        AddStep(t, d);
        double f = Evaluate(closure, out T[] g);
        SetFlat(x);
        return (f, g);
    }

    private double Evaluate(Func<double> closure, out T[] flatGrad)
    {
        double loss = closure();
        ValidateLengths();
        flatGrad = new T[_n];
        int offset = 0;
        foreach (var p in _params)
        {
            p.Grad.CopyTo(flatGrad, offset);
            offset += p.Length;
        }

        return loss;
    }

    private void AddStep(double t, T[] d)
    {
        T tt = Tc(t);
        int offset = 0;
        foreach (var p in _params)
        {
            // (d t) + theta: the same rounding as theta += d t (a non-fused multiply, then an add).
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd<T>(d.AsSpan(offset, p.Length), tt, p.Data, p.Data);
            offset += p.Length;
        }
    }

    private T[] Flatten()
    {
        var x = new T[_n];
        int offset = 0;
        foreach (var p in _params)
        {
            p.Data.CopyTo(x, offset);
            offset += p.Length;
        }

        return x;
    }

    private void SetFlat(T[] x)
    {
        int offset = 0;
        foreach (var p in _params)
        {
            x.AsSpan(offset, p.Length).CopyTo(p.Data);
            offset += p.Length;
        }
    }

    private static T Tc(double v) => T.CreateTruncating(v);

    private static double Dot(T[] a, T[] b) => double.CreateTruncating(System.Numerics.Tensors.TensorPrimitives.Dot<T>(a, b));

    private static double MaxAbs(T[] a)
    {
        T m = T.Zero;
        foreach (var v in a) m = T.Max(m, T.Abs(v));
        return double.CreateTruncating(m);
    }

    private static double MaxAbsScaled(T[] d, double t)
    {
        T tt = Tc(t), m = T.Zero;
        foreach (var v in d) m = T.Max(m, T.Abs(v * tt));
        return double.CreateTruncating(m);
    }

    private static double SumAbs(T[] a) => double.CreateTruncating(System.Numerics.Tensors.TensorPrimitives.SumOfMagnitudes<T>(a));

    /// <inheritdoc/>
    protected override void WriteExtraState(BinaryWriter writer)
    {
        writer.Write(FuncEvals);
        writer.Write(NIter);
        writer.Write(StepLength);
        writer.Write(HDiag);
        writer.Write(PrevLoss);
        WriteVector(writer, D);
        WriteVector(writer, PrevFlatGrad);
        writer.Write(_oldDirs.Count);
        for (int i = 0; i < _oldDirs.Count; i++)
        {
            WriteVector(writer, _oldDirs[i]);
            WriteVector(writer, _oldStps[i]);
            writer.Write(_ro[i]);
        }

        writer.Write(_al?.Length ?? -1);
        if (_al is not null) foreach (double a in _al) writer.Write(a);
    }

    /// <inheritdoc/>
    protected override Action ReadExtraState(BinaryReader reader)
    {
        int funcEvals = reader.ReadInt32(), nIter = reader.ReadInt32();
        double t = reader.ReadDouble(), hDiag = reader.ReadDouble(), prevLoss = reader.ReadDouble();
        T[]? d = ReadVector(reader), prev = ReadVector(reader);
        int pairs = reader.ReadInt32();
        if (pairs < 0 || pairs > ParamGroups[0].Options.HistorySize) throw new InvalidDataException($"Invalid L-BFGS history length {pairs}.");
        var dirs = new List<T[]>();
        var stps = new List<T[]>();
        var ro = new List<double>();
        for (int i = 0; i < pairs; i++)
        {
            dirs.Add(ReadVector(reader) ?? throw new InvalidDataException("Missing L-BFGS history vector."));
            stps.Add(ReadVector(reader) ?? throw new InvalidDataException("Missing L-BFGS history vector."));
            ro.Add(reader.ReadDouble());
        }

        int alLength = reader.ReadInt32();
        double[]? al = alLength < 0 ? null : new double[alLength];
        for (int i = 0; i < alLength; i++) al![i] = reader.ReadDouble();
        return () =>
        {
            (FuncEvals, NIter, StepLength, HDiag, PrevLoss, D, PrevFlatGrad, _al) = (funcEvals, nIter, t, hDiag, prevLoss, d, prev, al);
            _oldDirs.Clear(); _oldDirs.AddRange(dirs);
            _oldStps.Clear(); _oldStps.AddRange(stps);
            _ro.Clear(); _ro.AddRange(ro);
        };
    }

    private static void WriteVector(BinaryWriter w, T[]? v)
    {
        w.Write(v?.Length ?? -1);
        if (v is not null) w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()));
    }

    private T[]? ReadVector(BinaryReader r)
    {
        int length = r.ReadInt32();
        if (length < 0) return null;
        if (length != _n) throw new InvalidDataException($"L-BFGS vector of length {length}, expected {_n}.");
        var v = new T[length];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan());
        if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException();
        return v;
    }
}
