using System;
using System.Globalization;
using System.Linq;
using DiffGen.Package.Tests.Support;
using Xunit;

namespace DiffGen.Package.Tests;

/// <summary>
/// Fresh console apps that take DiffGen from the packed feed: the generator must run from the package
/// (analyzers/dotnet/cs) and the app must print the gradient of f(a, b) = a^2 b + sin b, checked here against
/// the closed form. The net8.0 app compiles against DiffGen's lib/net8.0 and runs with RollForward=Major on the
/// newest installed runtime (the CI image has only .NET 10); it prints the target of the DiffGen assembly it
/// loaded, so the test sees that the net8.0 build was used, and the largest difference between the packaged GEMM
/// (SIMD kernels with the target's fused multiply-add path, see runtime/Polyfills/VectorFma.cs) and a triple loop.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public class ConsumerTests(PackageFeed feed)
{
    private const double A = 1.5, B = 0.5;

    private const string GradientProgram = """
        using System;
        using System.CodeDom.Compiler;
        using System.Globalization;
        using System.Reflection;
        using System.Runtime.Versioning;
        using DiffGen;

        public static partial class Model
        {
            [Differentiable]
            public static double F(double a, double b) => a * a * b + Math.Sin(b);
        }

        public static class Program
        {
            public static void Main()
            {
                double value = Model.FGradient(1.5, 0.5, out double da, out double db);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gradient {value:R} {da:R} {db:R}"));
                Assembly runtime = typeof(DifferentiableAttribute).Assembly;
                Console.WriteLine("framework " + runtime.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
                Console.WriteLine("assembly-version " + runtime.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]);
                Console.WriteLine("generated-code-version " + typeof(Model).GetMethod("FGradient")!.GetCustomAttribute<GeneratedCodeAttribute>()!.Version);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"matmul-error {MatMulError(97, 101, 103):R}"));
            }

            // The packaged GEMM (SIMD kernels, edge tiles) against a plain triple loop written here.
            private static double MatMulError(int m, int k, int n)
            {
                var random = new Random(7);
                double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
                for (int i = 0; i < a.Length; i++) a[i] = random.NextDouble() - 0.5;
                for (int i = 0; i < b.Length; i++) b[i] = random.NextDouble() - 0.5;
                SpanOps.MatMul<double>(a, b, m, k, n, false, false, c);
                double worst = 0;
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double sum = 0;
                        for (int p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
                        worst = Math.Max(worst, Math.Abs(sum - c[i * n + j]));
                    }
                }

                return worst;
            }
        }
        """;

    [Theory]
    [InlineData("net8.0", "DiffGen", ".NETCoreApp,Version=v8.0")]
    [InlineData("net10.0", "DiffGen", ".NETCoreApp,Version=v10.0")]
    [InlineData("net10.0", "DiffGen.Gpu", ".NETCoreApp,Version=v10.0")] // the generator arrives through DiffGen.Gpu's dependency
    public void Consumer_DifferentiableMethod_PrintsClosedFormGradient(string targetFramework, string packageId, string expectedRuntimeTarget)
    {
        var app = new ConsumerApp(feed, "Gradient" + targetFramework.Replace(".", "") + packageId.Replace(".", ""), targetFramework, packageId, GradientProgram);

        app.Build().EnsureSuccess($"building the {targetFramework} consumer of {packageId}");
        string output = app.Run().EnsureSuccess($"running the {targetFramework} consumer").Output;

        double[] printed = Line(output, "gradient ").Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, printed.Length);
        AssertClose(A * A * B + Math.Sin(B), printed[0]);
        AssertClose(2 * A * B, printed[1]);
        AssertClose(A * A + Math.Cos(B), printed[2]);
        Assert.Equal(expectedRuntimeTarget, Line(output, "framework "));
        Assert.InRange(double.Parse(Line(output, "matmul-error "), CultureInfo.InvariantCulture), 0, 1e-12);
        // One version (Directory.Build.props) for the package's assemblies and the generated code's GeneratedCode stamp.
        Assert.Equal(Line(output, "assembly-version "), Line(output, "generated-code-version "));
    }

    [Fact]
    public void Consumer_CallWithoutDerivative_FailsWithDG0003FromPackagedAnalyzer()
    {
        var app = new ConsumerApp(feed, "NotDifferentiable", "net10.0", "DiffGen", """
            using System;
            using DiffGen;

            public static partial class Model
            {
                static double Opaque(double v) => v * v;

                [Differentiable]
                public static double F(double a) => Opaque(a) + a;
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine(Model.F(1.0));
            }
            """);

        CliResult build = app.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(9,41): error DG0003: 'Model.Opaque' receives a differentiable value but has no derivative", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
    }

    private static string Line(string output, string prefix)
    {
        string? line = output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"no line starting with '{prefix}' in:\n{output}");
        return line![prefix.Length..];
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, printed {actual:R}");
}
