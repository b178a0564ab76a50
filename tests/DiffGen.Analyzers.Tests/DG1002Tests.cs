using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG1002: a differentiable value converted to an integer type, its derivative lost.</summary>
public class DG1002Tests
{
    [Fact]
    public Task ActiveLocalCastToInt_OnlyPathToResult_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double scaled = x * 10;
                int bucket = {|DG1002:(int)scaled|};
                return w * bucket;
            }
        }
        """);

    [Fact]
    public Task InterpolationIndex_ValueAlsoUsedSmoothly_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double t, [NoDerivative] double[] a)
            {
                int i = (int)t;
                double f = t - i;
                return a[i] * (1 - f) + a[i + 1] * f;
            }
        }
        """);
}
