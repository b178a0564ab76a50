using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Log{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Log(ReadOnlySpan<Dual> x, Span<Dual> result)
        => UnaryDual<double>(LogTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Log{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Log(ReadOnlySpan<DualF> x, Span<DualF> result)
        => UnaryDual<float>(LogTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Log{T}"/>: its pullback over dual numbers (log'' / log' = -1 / x).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Log))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void LogPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => UnaryPullbackDual<double>(LogPullback, LogCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>Second-order rule of <see cref="Log{T}"/>: its pullback over dual numbers (log'' / log' = -1 / x).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Log))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void LogPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => UnaryPullbackDual<float>(LogPullback, LogCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>f''/f' of log: log'' / log' = -1 / x.</summary>
    private static void LogCurvature<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, Span<T> w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Divide(w, x, w);
        TensorPrimitives.Negate<T>(w, w);
    }
}
