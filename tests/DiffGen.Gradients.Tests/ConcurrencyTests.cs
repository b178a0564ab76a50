using System.Linq;
using System.Threading.Tasks;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>Generated derivatives share no state between threads (tapes are per call, pooled memory is returned).</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void LongLoopGradient_FromManyThreads_MatchesSequentialResults()
    {
        double[] points = Enumerable.Range(0, 64).Select(i => -2.0 + i * 0.0625).ToArray();
        double[] sequential = points.Select(x => { EdgeCaseFunctions.LongLoopGradient(x, 3000, out double dx); return dx; }).ToArray();
        double[] parallel = new double[points.Length];
        Parallel.For(0, points.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            int i = k % points.Length;
            EdgeCaseFunctions.LongLoopGradient(points[i], 3000, out double dx);
            double other = LoopFunctions.FixedPointOfScaledCosineGradient(0.5, out _);
            Assert.True(other > 0);
            parallel[i] = dx;
        });
        Assert.Equal(sequential, parallel);
    }
}
