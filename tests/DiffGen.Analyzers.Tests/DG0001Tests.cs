using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0001: an unsupported statement. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0001Tests
{
    [Fact]
    public Task Switch_ReportsAtTheKeyword() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                {|DG0001:switch|} (1) { default: break; }
                return x;
            }
        }
        """);

    [Fact]
    public Task CallWhoseResultIsDiscarded_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                {|DG0001:Console.WriteLine(x)|};
                return x;
            }
        }
        """);

    [Fact]
    public Task AllocationInLoop_LengthChangesEachIteration_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                double s = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    double[] {|DG0001:t = new double[i + 1]|};
                    t[i] = w[i];
                    s += t[i] * t[i];
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task AllocationInLoop_LengthTheLoopDoesNotChange_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w, int k)
            {
                double s = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    double[] t = new double[k];
                    t[i % k] = w[i];
                    s += t[i % k] * w[i];
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task IfElse_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                if (x > 1) { x = x * 2; } else { x = x + 1; }
                return x;
            }
        }
        """);
}
