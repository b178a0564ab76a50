using System;
using System.Buffers;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using Xunit;
using P = DiffGen.Gradients.Tests.Arrays.Corpus.PooledFunctions;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// Array locals rented from <see cref="ArrayPool{T}.Shared"/> (the table cases in <see cref="PooledCases"/> are
/// also checked against central differences and forward mode by <see cref="ArrayFiniteDifferenceTests"/>): the
/// generated code ignores the garbage a rented array may hold beyond what the method writes, gives every rented
/// array back exactly once, honours the user's clearArray, and does not allocate once the pool is warm.
/// </summary>
public sealed class PooledLocalTests
{
    private static readonly double[] A = { 0.9, -1.1, 0.4, 0.7, -0.3 };

    /// <summary>Fills the pool's arrays of these lengths with NaN, so any read of an unwritten entry shows.</summary>
    private static void PoisonPool(params int[] lengths)
    {
        foreach (int length in lengths)
        {
            var rented = Enumerable.Range(0, 4).Select(_ => ArrayPool<double>.Shared.Rent(length)).ToArray();
            foreach (var array in rented)
            {
                Array.Fill(array, double.NaN);
                ArrayPool<double>.Shared.Return(array);
            }
        }
    }

    [Fact]
    public void PooledFunctions_WithGarbageInThePool_MatchTheirNewArrayTwinsBitForBit()
    {
        double[] x = { 0.3, -0.8, 1.1, 0.25, -0.6, 0.9 }, y = { 0.5, 1.5, 0.7, 1.2, 0.9 };
        PoisonPool(5, 6, 7);
        Assert.Equal(P.NewRecurrence(A, 0.6, 7), P.PooledRecurrence(A, 0.6, 7));
        PoisonPool(6);
        Assert.Equal(P.NewLayers(x, x.Reverse().ToArray()), P.PooledLayers(x, x.Reverse().ToArray()));
        PoisonPool(5);
        Assert.Equal(P.NewWithStack(A, y, 0.2), P.PooledWithStack(A, y, 0.2));
        PoisonPool(6);
        Assert.Equal(P.NewTwo(x), P.TwoPooled(x));
    }

    [Fact]
    public void PooledRecurrence_GradientTangentAndPullback_WithGarbageInThePool_AgreeWithEachOther()
    {
        var da = new double[A.Length];
        PoisonPool(5);
        double value = P.PooledRecurrenceGradient(A, 0.6, 7, da, out double dx0);
        Assert.Equal(P.NewRecurrence(A, 0.6, 7), value);
        Assert.All(da, d => Assert.True(double.IsFinite(d)));

        PoisonPool(5);
        var pulled = new double[A.Length];
        double pulledX0 = 0;
        P.PooledRecurrencePullback(A, 0.6, 7, 2.0, pulled, ref pulledX0);
        for (int i = 0; i < A.Length; i++) Assert.Equal(2 * da[i], pulled[i], 12);
        Assert.Equal(2 * dx0, pulledX0, 12);

        PoisonPool(5);
        var (tangentValue, tangent) = P.PooledRecurrenceTangent(A, 0.6, 7, new double[A.Length], 1.0);
        Assert.Equal(value, tangentValue);
        Assert.Equal(dx0, tangent, 12);

        var check = P.PooledRecurrenceGradientCheck(A, 0.6, 7);
        Assert.True(check.Passed(1e-6, 1e-8), check.ToString());
    }

    /// <summary>
    /// The shared pool keeps the array this thread returned last in a thread-local slot and hands it out first: the
    /// array the method rents (the one just returned) is back in that slot after the call, and returned only once
    /// (a second Return would put it in the pool twice, so two Rents would both get it).
    /// </summary>
    [Theory]
    [InlineData("Gradient")]
    [InlineData("Pullback")]
    [InlineData("Tangent")]
    [InlineData("Directional")]
    public void RentedArray_AfterTheCall_IsBackInThePoolExactlyOnce(string entry)
    {
        double[] x = { 0.3, -0.8, 1.1, 0.25, -0.6, 0.9 };
        double[] mine = ArrayPool<double>.Shared.Rent(x.Length);
        ArrayPool<double>.Shared.Return(mine);

        switch (entry)
        {
            case "Gradient": P.PooledSineOfSquaresGradient(x, new double[x.Length]); break;
            case "Pullback": P.PooledSineOfSquaresPullback(x, 1.0, new double[x.Length]); break;
            case "Tangent": P.PooledSineOfSquaresTangent(x, new double[x.Length]); break;
            default: P.PooledSineOfSquaresDirectional(x, new double[x.Length]); break;
        }

        double[] first = ArrayPool<double>.Shared.Rent(x.Length);
        double[] second = ArrayPool<double>.Shared.Rent(x.Length);
        try
        {
            Assert.Same(mine, first);
            Assert.NotSame(first, second);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(second);
            ArrayPool<double>.Shared.Return(first);
        }
    }

    [Fact]
    public void PooledPrefixF_ReturnsItsArrayWithClearArray_AfterTheAdjointSweep()
    {
        float[] x = { 0.3f, -0.8f, 1.1f, 0.25f };
        float[] mine = ArrayPool<float>.Shared.Rent(x.Length + 1);
        ArrayPool<float>.Shared.Return(mine);

        float value = P.PooledPrefixFGradient(x, new float[x.Length]);

        float[] back = ArrayPool<float>.Shared.Rent(x.Length + 1);
        Assert.Same(mine, back);
        Assert.All(back, v => Assert.Equal(0f, v));
        Assert.Equal(P.PooledPrefixF(x), value);
        ArrayPool<float>.Shared.Return(back);
    }

    [Fact]
    public void RepeatedGradient_WithALargePooledLocal_DoesNotAllocateAnArrayPerCall()
    {
        double[] x = Enumerable.Range(0, 3000).Select(i => Math.Sin(i * 0.37)).ToArray();
        double[] dx = new double[x.Length];
        double sink = 0;
        for (int i = 0; i < 5; i++) sink += P.PooledSineOfSquaresGradient(x, dx);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++) sink += P.PooledSineOfSquaresGradient(x, dx);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Without the generated Return every call would allocate a fresh 4096-element array (32 KiB; 1.6 MB over the
        // 50 calls). The bound leaves room for a few arrays only: the value tape's spill arrays share the pool's
        // per-core stacks with tests running in parallel, which may occasionally take one.
        Assert.True(allocated < 4 * 4096 * sizeof(double), $"{allocated} bytes allocated over 50 calls");
        Assert.True(double.IsFinite(sink));
    }

    [Fact]
    public void PooledSoftmax_TangentMatchesCentralDifferences_AndIsAdjointToThePullback()
    {
        double[] x = { 0.4, -1.2, 0.9, 0.1 }, tx = { 0.3, -0.7, 0.2, 1.1 }, seed = { 0.8, -1.3, 0.5, 2.0 };
        PoisonPool(x.Length);
        var y = new double[x.Length];
        var ty = new double[x.Length];
        P.PooledSoftmaxTangent(x, y, tx, ty);

        for (int j = 0; j < y.Length; j++)
        {
            int k = j;
            double fd = FiniteDifferences.Central(h =>
            {
                var moved = x.Select((v, i) => v + h * tx[i]).ToArray();
                var output = new double[x.Length];
                P.PooledSoftmax(moved, output);
                return output[k];
            }, 0.0);
            Assert.Equal(fd, ty[j], 9);
        }

        PoisonPool(x.Length);
        var dx = new double[x.Length];
        P.PooledSoftmaxPullback(x, new double[x.Length], seed, dx);
        // <seed, J tx> == <J^T seed, tx>
        Assert.Equal(seed.Zip(ty, (a, b) => a * b).Sum(), dx.Zip(tx, (a, b) => a * b).Sum(), 12);
    }
}
