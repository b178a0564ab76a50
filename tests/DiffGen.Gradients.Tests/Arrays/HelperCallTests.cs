using System.Linq;
using Xunit;
using H = DiffGen.Gradients.Tests.Arrays.Corpus.HelperCallFunctions;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// Helpers called in loops keep their meaning when inlined: a [NoDerivative] parameter given data
/// (closed form). The gradients of the other helper cases are checked against central differences in
/// <see cref="ArrayFiniteDifferenceTests"/>.
/// </summary>
public sealed class HelperCallTests
{
    [Fact]
    public void ScaledSum_PassiveArgumentToANoDerivativeParameter_DifferentiatesTheRest()
    {
        double[] x = { 0.5, -1.25, 2.0 };
        double[] dx = new double[x.Length];
        H.ScaledSumGradient(x, 0.7, dx);
        Assert.Equal(x.Select(v => 2 * 0.7 * v).ToArray(), dx.Select(v => System.Math.Round(v, 12)).ToArray());
    }
}
