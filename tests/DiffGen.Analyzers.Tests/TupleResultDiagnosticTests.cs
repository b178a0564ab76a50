using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>
/// Methods returning tuples: tuples of doubles or of floats on static methods are vector outputs and get no
/// diagnostic; mixed or non-floating elements, tuple results of methods reading objects, and calls of tuple-returning
/// methods inside differentiated code are refused where they stand. Tuple parameters of numbers are objects whose
/// floating elements carry derivatives; other elements are refused at the parameter.
/// </summary>
public class TupleResultDiagnosticTests
{
    [Fact]
    public Task TupleOfDoublesOrFloats_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static (double R, double Theta) Polar(double x, double y) => (Math.Sqrt(x * x + y * y), Math.Atan2(y, x));

            [Differentiable]
            public static (float, float, float) Three(float x, ReadOnlySpan<float> w)
            {
                var t = (x * w[0], x + w[1], 1f);
                if (x > 2) return (0f, 0f, x);
                return t;
            }
        }
        """);

    [Fact]
    public Task MixedElementKinds_ReportAtTheName() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static (double, float) {|DG0007:Mixed|}(double x) => (x, (float)x);

            [Differentiable]
            public static (double, int) {|DG0007:WithCount|}(double x) => (x, 1);
        }
        """);

    [Fact]
    public Task TupleResultOfAnInstanceMethod_Reports() => Verify.AnalyzerAsync("""
        public partial class Model
        {
            public double Weight;

            [Differentiable]
            public (double, double) {|DG0007:Both|}(double x) => (Weight * x, x);
        }
        """);

    [Fact]
    public Task CallOfATupleReturningMethod_ReportsAtTheCall() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static (double R, double Theta) Polar(double x, double y) => (Math.Sqrt(x * x + y * y), Math.Atan2(y, x));

            [Differentiable]
            public static double Area(double x, double y)
            {
                var (r, theta) = {|DG0002:Polar(x, y)|};
                return r * theta;
            }
        }
        """);

    [Fact]
    public Task TupleParameters_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F((double X, double Y) p, (double, int) q, [NoDerivative] (float, float) r) => p.X * p.Item2 + q.Item1 * q.Item2 + (double)r.Item1;
        }
        """);

    [Fact]
    public Task TupleParameterWithAStringElement_ReportsAtTheParameter() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F((double X, string Label) {|DG0007:p|}) => {|DG0002:p.X|};
        }
        """);

    [Fact]
    public Task TupleResultOfAMethodTakingATuple_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static (double, double) {|DG0007:Swap|}((double A, double B) p) => (p.B, p.A);
        }
        """);

    [Fact]
    public Task ParameterReachingNoElement_GetsDG1001() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static (double, double) F(double x, double {|DG1001:unused|}) => (x * x, 2 * x);
        }
        """);
}
