using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0001: an unsupported statement. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0001Tests
{
    [Fact]
    public Task SwitchWithABreakBeforeTheSectionEnds_ReportsTheStatement() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int n)
            {
                switch (n)
                {
                    case 1:
                        {|DG0001:if (x > 0) break;|}
                        x = x * 2;
                        break;
                    default:
                        break;
                }
                return x;
            }
        }
        """);

    [Fact]
    public Task SwitchStatementsAndPatterns_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int n)
            {
                switch (n)
                {
                    case 0: return x;
                    case 1 or 2: x = x * n; break;
                    case > 2 when x > 0: x = Math.Exp(x); break;
                    default: x = -x; break;
                }
                if (x is > 0 and < 1) x = x * x;
                return x switch { < -1 => -x, var y when y > 5 => y * 2, _ => x };
            }
        }
        """);

    [Fact]
    public Task CallWhoseResultIsDiscarded_GivenAnArray_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                {|DG0001:Array.Reverse(w)|};
                return w[0];
            }
        }
        """);

    [Fact]
    public Task LoggingAssertionsAndGuards_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double[] w)
            {
                if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "must not be negative");
                Console.WriteLine($"x = {x}, first weight {w[0]}");
                System.Diagnostics.Debug.Assert(w.Length > 0, "weights");
                Console.WriteLine("square: " + x * x);
                return x * w[0];
            }
        }
        """);

    [Fact]
    public Task JaggedLocalOfDifferentiableValuesInsideALoop_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                double s = 0;
                for (int r = 0; r < 3; r++)
                {
                    var {|DG0001:t = new double[2][]|};
                    for (int i = 0; i < 2; i++) t[i] = new double[w.Length];
                    t[1][0] = w[r] * w[0];
                    s += t[1][0];
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task JaggedLocalOfDataInsideALoop_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                double s = 0;
                for (int r = 0; r < 3; r++)
                {
                    var t = new int[2][];
                    for (int i = 0; i < 2; i++) t[i] = new int[r + 1];
                    t[1][r] = r;
                    s += w[t[1][r]] * w[0];
                }
                return s;
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

    [Fact]
    public Task GotoCaseThatComesBack_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int mode)
            {
                switch (mode)
                {
                    case 0:
                        x *= 2;
                        goto case 1;
                    case 1:
                        x += 1;
                        {|DG0001:goto case 0;|}
                }
                return x;
            }
        }
        """);

    [Fact]
    public Task GotoCaseBeforeTheEndOfASection_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int mode)
            {
                switch (mode)
                {
                    case 0:
                        {|DG0001:if (x > 1) goto case 1;|}
                        x *= 2;
                        break;
                    case 1:
                        x += 1;
                        break;
                }
                return x;
            }
        }
        """);

    [Fact]
    public Task GotoCaseAndGotoDefaultAtTheEndOfSections_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int mode)
            {
                switch (mode)
                {
                    case 0:
                        x *= x;
                        goto case 1;
                    case 1:
                        x = Math.Sin(x);
                        goto default;
                    default:
                        x += 1;
                        break;
                }
                return x;
            }
        }
        """);
}
