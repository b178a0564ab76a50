using System;
using DiffGen.Gradients.Tests.Allocation;
using Xunit;

namespace DiffGen.Gradients.Tests
{
    /// <summary>
    /// Generated gradients allocate nothing: straight-line code uses no tape, short loops record on the
    /// stack, and long loops rent pooled arrays that are reused from one call to the next.
    /// </summary>
    public class AllocationTests
    {
        [Fact]
        public void StraightLineGradient_AllocatesNothing()
        {
            double sink = 0;
            for (int i = 0; i < 100; i++) sink += AllocationFunctions.StraightGradient(0.3 + i * 1e-3, 0.7, out double dx, out double dy) + dx + dy;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++) sink += AllocationFunctions.StraightGradient(0.3 + i * 1e-6, 0.7, out double dx, out double dy) + dx + dy;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.True(double.IsFinite(sink));
        }

        [Theory]
        [InlineData(5)]      // fits the stack buffers
        [InlineData(5_000)]  // spills to pooled arrays
        public void LoopGradient_AfterWarmUp_AllocatesNothing(int steps)
        {
            double sink = 0;
            for (int i = 0; i < 10; i++) sink += AllocationFunctions.LoopGradient(0.5, 0.9, steps, out double dx, out double da) + dx + da;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++) sink += AllocationFunctions.LoopGradient(0.5, 0.9, steps, out double dx, out double da) + dx + da;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.True(double.IsFinite(sink));
        }
    }
}

namespace DiffGen.Gradients.Tests.Allocation
{
    public static partial class AllocationFunctions
    {
        [Differentiable]
        public static double Straight(double x, double y) => Math.Sin(x * y) + Math.Exp(-x * x) / (1 + y * y) + DiffMath.Relu(x - y);

        [Differentiable]
        public static double Loop(double x, double a, int steps)
        {
            for (int i = 0; i < steps; i++) x = a * Math.Tanh(x) + 0.1 * x;
            return x;
        }
    }
}
