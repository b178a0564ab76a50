using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0099: derivative generation failed. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0099Tests
{
    [Fact]
    public Task SupportedMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double[] w)
            {
                double s = 0;
                for (int i = 0; i < w.Length; i++) s = s + Math.Exp(w[i] * x);
                return Math.Log(s);
            }
        }
        """);
}
