using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0002: an unsupported expression. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0002Tests
{
    [Fact]
    public Task SwitchExpressionWithoutADiscardArm_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => {|DG0002:x switch { > 0 => x, <= 0 => -x, double.NaN => 0 }|};
        }
        """);

    [Fact]
    public Task StepOfAVariableTheStatementAlsoReads_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] a, int i)
            {
                double y = a[i] + a[{|DG0002:i++|}];
                double z = a[i++] * 2;
                return y + z;
            }
        }
        """);

    [Fact]
    public Task AssignmentInsideExpression_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double y = x;
                return ({|DG0002:y = x * 2|}) + 1;
            }
        }
        """);

    [Fact]
    public Task ConditionalExpression_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => x > 0 ? x : -x;
        }
        """);
    [Fact]
    public Task RecursiveLocalFunction_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double Power(double v, int k) => k == 0 ? 1 : v * {|DG0002:Power(v, k - 1)|};
                return Power(x, 3);
            }
        }
        """);

    [Fact]
    public Task LocalFunctionChangingAVariableInsideAnExpression_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double last = 0;
                double Remember(double v) { last = v; return v * v; }
                return x + {|DG0002:Remember(x)|} + last;
            }
        }
        """);

    [Fact]
    public Task LocalFunctions_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double[] w)
            {
                double total = 0;
                void Add(double v) => total += v * v;
                static double Square(double v) => v * v;
                double Dot(System.ReadOnlySpan<double> a)
                {
                    double s = 0;
                    for (int i = 0; i < a.Length; i++) s += a[i] * x;
                    return s;
                }
                for (int i = 0; i < 3; i++) Add(x * i);
                return total + Square(x) + Dot(w.AsSpan(1));
            }
        }
        """);
    [Fact]
    public Task ForeachOverASpanLocal_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                var tail = w.AsSpan(1);
                double s = 0;
                foreach (double v in tail) s += v;
                for (int i = 0; i < tail.Length; i++) s += tail[i] * tail[i];
                return s;
            }
        }
        """);

    [Fact]
    public Task JaggedRowUsedAsAValue_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[][] b)
            {
                if ({|DG0002:b[1]|} == null) return 0;
                return b[0][0];
            }
        }
        """);

    [Fact]
    public Task GetLengthWithAVariableDimension_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a, int d) => a[0, 0] * {|DG0002:a.GetLength(d)|};
        }
        """);

    [Fact]
    public Task JaggedRowToAHelperTakingAnArrayThatIsNotLoweredInPlace_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double H(double[] v)
            {
                double s = 0;
                for (int i = 0; i < v.Length; i++) s += v[i];
                if (s > 1) return s;
                return s * s;
            }

            [Differentiable]
            public static double F(double[][] b) => H({|DG0002:b[0]|});
        }
        """);

    [Fact]
    public Task JaggedRowToAHelperTakingASpan_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double H(ReadOnlySpan<double> v)
            {
                double s = 0;
                for (int i = 0; i < v.Length; i++) s += v[i];
                if (s > 1) return s;
                return s * s;
            }

            [Differentiable]
            public static double F(double[][] b) => H(b[0]) + H(b[1].AsSpan(1, 2));
        }
        """);
}
