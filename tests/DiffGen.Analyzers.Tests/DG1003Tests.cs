using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG1003: a derivative cut by Floor, Ceiling, Round, Truncate or Sign. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG1003Tests
{
    [Fact]
    public Task RoundOfScaledParameter_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double {|DG1001:x|}, double w) => w * {|DG1003:Math.Round(x * 100)|} / 100;
        }
        """);

    [Fact]
    public Task EveryRoundingFunction_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double y = x * x;
                double z = 2 * x;
                float f = (float)x;
                return w * ({|DG1003:Math.Floor(y)|} + {|DG1003:Math.Ceiling(y)|} + {|DG1003:Math.Truncate(z)|} + {|DG1003:Math.Sign(z)|} + (double){|DG1003:MathF.Round(f)|}) + x;
            }
        }
        """);

    [Fact]
    public Task FloorInCondition_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double y = x * 3;
                if ({|DG1003:Math.Floor(y)|} > 2) return w;
                return w * x;
            }
        }
        """);

    [Fact]
    public Task FractionalPart_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => x - Math.Floor(x);
        }
        """);

    [Fact]
    public Task SignTimesSmoothTerm_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => Math.Sign(x) * x * x + Math.Floor(x) * x;
        }
        """);

    [Fact]
    public Task RoundOfData_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double n) => x * Math.Round(n);
        }
        """);

    [Fact]
    public Task SeverityNoneInEditorConfig_NoWarning() => Verify.AnalyzerWithEditorConfigAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double y = x * 3;
                return w * Math.Floor(y) + x;
            }
        }
        """, "dotnet_diagnostic.DG1003.severity = none\n");
}
