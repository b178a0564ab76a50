using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0008: implicit float/double mixing. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0008Tests
{
    [Fact]
    public Task FloatWidenedImplicitly_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(float x) => {|DG0008:x|} * 2.0;
        }
        """);

    [Fact]
    public Task ExplicitCast_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(float x) => (double)x * 2.0;
        }
        """);
}
