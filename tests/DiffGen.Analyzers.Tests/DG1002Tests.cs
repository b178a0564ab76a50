using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG1002: a derivative cut by a conversion to an integer type. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
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
                return w * bucket + x;
            }
        }
        """);

    [Fact]
    public Task ParameterCastToLong_WarnsWithDG1001() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double {|DG1001:x|}, double w) => w * {|DG1002:(long)x|};
        }
        """);

    [Fact]
    public Task CastUsedAsIndex_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double {|DG1001:t|}, double[] a) => a[{|DG1002:(int)t|}];
        }
        """);

    [Fact]
    public Task CastUsedInLoopBound_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double {|DG1001:x|}, double w)
            {
                double s = 0;
                for (int i = 0; i < {|DG1002:(int)x|}; i++) s = s + w;
                return s;
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

    [Fact]
    public Task CastOfData_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double n) => x * (int)n;
        }
        """);

    [Fact]
    public Task CastWhoseValueGoesNowhere_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                int unused = (int)x;
                return x * x;
            }
        }
        """);

    [Fact]
    public Task IntendedCutUnderPragma_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double scaled = x * 10;
        #pragma warning disable DG1002 // a bucket is a piecewise-constant feature by design
                int bucket = (int)scaled;
        #pragma warning restore DG1002
                return w * bucket + x;
            }
        }
        """);

    [Fact]
    public Task IntendedCutUnderSuppressMessage_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            [System.Diagnostics.CodeAnalysis.SuppressMessage("DiffGen", "DG1002", Justification = "bucketing by design")]
            public static double F(double x, double w)
            {
                double scaled = x * 10;
                int bucket = (int)scaled;
                return w * bucket + x;
            }
        }
        """);
}
