using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>Objects passed to void [Differentiable] methods writing Span outputs: no diagnostic; an output that is not a local array is still refused.</summary>
public class ObjectOutputCallTests
{
    [Fact]
    public Task ObjectPassedToAVoidMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public partial struct Body
        {
            public double Mass;
        }

        public static partial class C
        {
            [Differentiable]
            public static void Heights(Body body, double dt, Span<double> heights)
            {
                for (int i = 0; i < heights.Length; i++) heights[i] = body.Mass * dt * i;
            }

            [Differentiable]
            public static double Last(Body body, double dt)
            {
                var heights = new double[3];
                Heights(body, dt, heights);
                return heights[2];
            }
        }
        """);

    [Fact]
    public Task OutputThatIsAParameter_Reports() => Verify.AnalyzerAsync("""
        public partial struct Body
        {
            public double Mass;
        }

        public static partial class C
        {
            [Differentiable]
            public static void Heights(Body body, double dt, Span<double> heights)
            {
                for (int i = 0; i < heights.Length; i++) heights[i] = body.Mass * dt * i;
            }

            [Differentiable]
            public static void Forward(Body body, double dt, Span<double> heights)
            {
                {|DG0011:Heights(body, dt, heights)|};
            }
        }
        """);
}
