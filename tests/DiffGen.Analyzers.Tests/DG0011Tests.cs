using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0011: a write outside the method's locals. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0011Tests
{
    [Fact]
    public Task FieldWrite_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            static double field;

            [Differentiable]
            public static double F(double x)
            {
                {|DG0011:field|} = x;
                return x;
            }
        }
        """);

    [Fact]
    public Task ParameterElementWrite_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                {|DG0011:w[0] = 1.0|};
                return w[0];
            }
        }
        """);

    [Fact]
    public Task LocalWrites_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double[] a = new double[1];
                a[0] = x;
                double y = a[0];
                y = y * 2;
                return y;
            }
        }
        """);
    [Fact]
    public Task SpanLocalReassigned_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                System.ReadOnlySpan<double> part = w.AsSpan(0, 2);
                {|DG0011:part|} = w.AsSpan(1, 2);
                return part[0];
            }
        }
        """);

    [Fact]
    public Task WritesThroughASpanOfALocalArray_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                double[] buffer = new double[4];
                System.Span<double> half = buffer.AsSpan(2);
                half[0] = w[0] * w[1];
                half[1] += w[0];
                var row = w.AsSpan(1, 2);
                return buffer[2] * buffer[3] + row[1] * row.Length;
            }
        }
        """);

    [Fact]
    public Task WriteThroughASpanOfAParameter_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                System.Span<double> part = w.AsSpan(0, 2);
                {|DG0011:part[0] = 1.0|};
                return part[1];
            }
        }
        """);

    [Fact]
    public Task ElementOfA2DOrJaggedParameter_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a, double[][] b)
            {
                {|DG0011:a[0, 1] = 2|};
                {|DG0011:b[0][1] = 3|};
                {|DG0011:b[1]|} = new double[2];
                return a[0, 0] + b[0][0];
            }
        }
        """);

    [Fact]
    public Task ElementOfA2DLocal_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a)
            {
                var t = new double[2, 2];
                t[0, 1] = a[0, 0];
                t[1, 1] += a[0, 1] * t[0, 1];
                return t[1, 1];
            }
        }
        """);

    [Fact]
    public Task RowOfAJaggedArrayReassigned_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[][] b)
            {
                var row = b[0];
                {|DG0011:row|} = b[1];
                return row[0];
            }
        }
        """);

    [Fact]
    public Task RowOfAJaggedLocalAssignedOtherThanByItsAllocationLoop_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x, int n)
            {
                var t = new double[n][];
                for (int i = 0; i < n; i++) t[i] = new double[2];
                {|DG0011:t[0] = x|};
                {|DG0011:t[1] = new double[4]|};
                t[1][0] = x[0];
                return t[1][0] * t[0][1];
            }
        }
        """);
}
