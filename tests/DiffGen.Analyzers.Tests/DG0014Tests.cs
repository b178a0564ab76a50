using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0014: an array argument the pullback cannot get back as it was at the call. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0014Tests
{
    [Fact]
    public Task SameArrayAsInputAndOutput_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            public static void Twice(ReadOnlySpan<double> x, Span<double> y) { }

            [DerivativeOf(nameof(Twice))]
            public static void TwicePullback(ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> dy, Span<double> dx) { }

            [Differentiable]
            public static double F(double[] w)
            {
                double[] h = new double[1];
                h[0] = w[0];
                {|DG0014:Twice(h, h)|};
                return h[0];
            }
        }
        """);

    /// <summary>Written again after the call: saved at the call and restored for the pullback.</summary>
    [Fact]
    public Task OutputWrittenAfterTheCall_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            public static void Twice(ReadOnlySpan<double> x, Span<double> y) { }

            [DerivativeOf(nameof(Twice))]
            public static void TwicePullback(ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> dy, Span<double> dx) { }

            [Differentiable]
            public static double F(double[] w)
            {
                double[] h = new double[1];
                Twice(w, h);
                h[0] = 2 * h[0];
                return h[0];
            }
        }
        """);

    [Fact]
    public Task OutputOnlyRead_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            public static void Twice(ReadOnlySpan<double> x, Span<double> y) { }

            [DerivativeOf(nameof(Twice))]
            public static void TwicePullback(ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> dy, Span<double> dx) { }

            [Differentiable]
            public static double F(double[] w)
            {
                double[] h = new double[1];
                Twice(w, h);
                return 2 * h[0];
            }
        }
        """);
}
