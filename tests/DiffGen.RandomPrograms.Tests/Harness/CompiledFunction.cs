using System;
using DiffGen.RandomPrograms.Tests.Generation;

namespace DiffGen.RandomPrograms.Tests.Harness;

/// <summary>Entry points of one compiled random function (see <see cref="HarnessWriter"/>).</summary>
/// <param name="Function">the function.</param>
/// <param name="Value">f(p, n).</param>
/// <param name="Gradient">writes ∇f into its third argument, returns f.</param>
/// <param name="Tangent">returns the tangent along u, writes f into value[0].</param>
/// <param name="Directional">the same for <c>{M}Directional</c>.</param>
/// <param name="Pullback">adds seed·∇f to its last argument.</param>
/// <param name="HessianVector">writes H u into its last argument (null: the function has no <c>{M}HessianVector</c>).</param>
public sealed record CompiledFunction(
    RandomFunction Function,
    Func<double[], int, double> Value,
    Func<double[], int, double[], double> Gradient,
    Func<double[], int, double[], double[], double> Tangent,
    Func<double[], int, double[], double[], double> Directional,
    Action<double[], int, double, double[]> Pullback,
    Action<double[], int, double[], double[]>? HessianVector = null);

/// <summary>A function the generator refused or whose generated code does not compile.</summary>
public sealed record CompileFailure(RandomFunction Function, string Diagnostics);
