using System;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Drives the <c>lr</c> of every parameter group of an optimizer along a <see cref="LearningRateSchedule"/>
/// (torch's <c>lr_scheduler</c>: attach, then call <see cref="Step"/> after each optimizer step or epoch).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class LearningRateScheduler<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Optimizer<T> _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly double[] _baseLrs;

    /// <summary>Records each group's current rate as gamma0 and sets the rate for k = 0.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="schedule">The schedule.</param>
    public LearningRateScheduler(Optimizer<T> optimizer, LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        _optimizer = optimizer;
        _schedule = schedule;
        _baseLrs = new double[optimizer.ParamGroupCount];
        for (int g = 0; g < _baseLrs.Length; g++) _baseLrs[g] = optimizer.GetLearningRate(g);
        Apply();
    }

    /// <summary>Number of <see cref="Step"/> calls so far (torch's <c>last_epoch</c>).</summary>
    public long Count { get; private set; }

    /// <summary>Advances k and sets every group's rate.</summary>
    public void Step()
    {
        Count++;
        Apply();
    }

    /// <summary>Sets k to <paramref name="count"/> (to resume, or to follow an outside step or epoch counter) and sets every group's rate.</summary>
    /// <param name="count">The new k, at least 0.</param>
    public void MoveTo(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Apply();
    }

    private void Apply()
    {
        for (int g = 0; g < _baseLrs.Length; g++) _optimizer.SetLearningRate(g, _schedule.At(Count, _baseLrs[g]));
    }
}
