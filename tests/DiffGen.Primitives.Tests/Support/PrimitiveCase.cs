using System;
using System.Numerics;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>Runs the primal: writes the outputs into <c>y</c> (a scalar result into <c>y[0]</c>).</summary>
public delegate void PrimalFn<T>(Memory<T>[] x, Memory<T> y);

/// <summary>Runs the pullback after the primal: <c>y</c> holds the outputs, <c>dy</c> the seed, <c>dx</c> the shadows.</summary>
public delegate void PullbackFn<T>(Memory<T>[] x, Memory<T> y, Memory<T> dy, Memory<T>[] dx);

/// <summary>Runs the tangent: writes the outputs into <c>y</c> and their tangents into <c>ty</c>.</summary>
public delegate void TangentFn<T>(Memory<T>[] x, Memory<T>[] tx, Memory<T> y, Memory<T> ty);

/// <summary>
/// One primitive at one point, seen uniformly: differentiable inputs as arrays (a scalar input is an
/// array of one), outputs as one array (a scalar result is an array of one). The same case in double
/// and float shares <see cref="Inputs"/>, so the two can be compared.
/// </summary>
public sealed class PrimitiveCase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Shown in failure messages.</summary>
    public required string Name { get; init; }

    /// <summary>Names of the differentiable inputs, as the primitive's parameters are named.</summary>
    public required string[] InputNames { get; init; }

    /// <summary>Which inputs are scalars (shadow <c>ref T</c>, tangent <c>T</c>).</summary>
    public required bool[] ScalarInputs { get; init; }

    /// <summary>The point, in double.</summary>
    public required double[][] Inputs { get; init; }

    /// <summary>Name of the output span, or null for a scalar result.</summary>
    public string? OutputName { get; init; }

    /// <summary>Length of the output (1 for a scalar result).</summary>
    public required int OutputLength { get; init; }

    /// <summary>The primal.</summary>
    public required PrimalFn<T> Primal { get; init; }

    /// <summary>The pullback.</summary>
    public required PullbackFn<T> Pullback { get; init; }

    /// <summary>The tangent.</summary>
    public required TangentFn<T> Tangent { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
