using System;
using System.Linq;
using DiffGen.Gradients.Tests.Scratch;
using Xunit;

namespace DiffGen.Gradients.Tests
{
    /// <summary>
    /// Local arrays of a gradient are rented from <see cref="ScratchArrays{T}"/> and given back: a second call reuses
    /// them (no allocation), finds them zeroed as <c>new T[n]</c> would be, and gets the same gradient.
    /// </summary>
    public class ScratchArrayTests
    {
        private static readonly double[] X = Enumerable.Range(0, 2000).Select(i => Math.Sin(i * 0.37)).ToArray();

        [Fact]
        public void RepeatedGradient_ReusesZeroedArrays_AndGivesTheSameResult()
        {
            var first = new double[X.Length];
            double v1 = ScratchFunctions.AccumulateGradient(X, first);
            var second = new double[X.Length];
            long before = GC.GetAllocatedBytesForCurrentThread();
            double v2 = ScratchFunctions.AccumulateGradient(X, second);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(v1, v2);
            Assert.Equal(first, second);
            Assert.True(allocated < 1024, $"{allocated} bytes allocated on the second call");
            // d/dx_i of sum_i (2 x_i)^2 + sum_i x_i (acc starts at zero): 8 x_i + 1.
            for (int i = 0; i < X.Length; i++) Assert.Equal(8 * X[i] + 1, first[i], 12);
        }
    }
}

namespace DiffGen.Gradients.Tests.Scratch
{
    public static partial class ScratchFunctions
    {
        [Differentiable]
        public static double Accumulate(double[] x)
        {
            double[] acc = new double[x.Length];
            double[] twice = new double[x.Length];
            for (int i = 0; i < x.Length; i++) acc[i] += x[i];
            for (int i = 0; i < x.Length; i++) twice[i] = 2 * x[i];
            double s = 0;
            for (int i = 0; i < x.Length; i++) s += twice[i] * twice[i] + acc[i];
            return s;
        }
    }
}
