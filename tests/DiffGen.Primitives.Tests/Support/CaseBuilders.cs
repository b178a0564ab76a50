using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>An elementwise unary primitive: <c>F(x, result)</c>.</summary>
public delegate void UnaryFn<T>(ReadOnlySpan<T> x, Span<T> result);

/// <summary>Its pullback.</summary>
public delegate void UnaryPullbackFn<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx);

/// <summary>Its tangent.</summary>
public delegate void UnaryTangentFn<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult);

/// <summary>An elementwise binary primitive: <c>F(a, b, result)</c>.</summary>
public delegate void BinaryFn<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result);

/// <summary>Its pullback.</summary>
public delegate void BinaryPullbackFn<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result, ReadOnlySpan<T> dresult, Span<T> da, Span<T> db);

/// <summary>Its tangent.</summary>
public delegate void BinaryTangentFn<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result, ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult);

/// <summary>Cases for the primitive shapes that repeat: elementwise unary and binary maps.</summary>
public static class CaseBuilders
{
    /// <summary>Lengths that cover a single element, a SIMD tail, and more than one scratch chunk (256).</summary>
    public static readonly int[] Lengths = [1, 7, 300];

    /// <summary>An elementwise unary map at inputs drawn by <paramref name="sample"/>.</summary>
    public static IEnumerable<PrimitiveCase<T>> Unary<T>(string name, UnaryFn<T> f, UnaryPullbackFn<T> pullback, UnaryTangentFn<T> tangent,
                                                         Func<Random, int, double[]> sample)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int n in Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"{name} n={n}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [sample(rng, n)],
                OutputName = "result",
                OutputLength = n,
                Primal = (x, y) => f(x[0].Span, y.Span),
                Pullback = (x, y, dy, dx) => pullback(x[0].Span, y.Span, dy.Span, dx[0].Span),
                Tangent = (x, tx, y, ty) => tangent(x[0].Span, y.Span, tx[0].Span, ty.Span),
            };
        }
    }

    /// <summary>An elementwise binary map at inputs drawn by <paramref name="sampleA"/> and <paramref name="sampleB"/>.</summary>
    public static IEnumerable<PrimitiveCase<T>> Binary<T>(string name, BinaryFn<T> f, BinaryPullbackFn<T> pullback, BinaryTangentFn<T> tangent,
                                                          Func<Random, int, double[]> sampleA, Func<Random, int, double[]> sampleB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int n in Lengths)
        {
            var rng = new Random(100 + n);
            yield return new PrimitiveCase<T>
            {
                Name = $"{name} n={n}",
                InputNames = ["a", "b"],
                ScalarInputs = [false, false],
                Inputs = [sampleA(rng, n), sampleB(rng, n)],
                OutputName = "result",
                OutputLength = n,
                Primal = (x, y) => f(x[0].Span, x[1].Span, y.Span),
                Pullback = (x, y, dy, dx) => pullback(x[0].Span, x[1].Span, y.Span, dy.Span, dx[0].Span, dx[1].Span),
                Tangent = (x, tx, y, ty) => tangent(x[0].Span, x[1].Span, y.Span, tx[0].Span, tx[1].Span, ty.Span),
            };
        }
    }

    /// <summary>Uniform in [-1, 1).</summary>
    public static double[] Signed(Random rng, int n) => Sample.Uniform(rng, n);

    /// <summary>Magnitude in [0.5, 1.5), random sign: safe to divide by.</summary>
    public static double[] NonZero(Random rng, int n) => Sample.AwayFromZero(rng, n, 0.5, 1.5);

    /// <summary>In [0.5, 2): inside the logarithm's domain.</summary>
    public static double[] Positive(Random rng, int n) => Sample.Uniform(rng, n, 0.5, 2);
}
