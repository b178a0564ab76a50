using System.Linq;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Which methods get <c>{M}Jacobian</c> (<see cref="DiffGen.Generator.Stages.JacobianSupport"/>): static methods writing
/// span outputs with forward mode, a differentiable input and one element type; not scalar results, instance methods,
/// mixed precisions, methods without differentiable inputs or without <c>{M}Tangent</c>. Read from the generated
/// compilation's symbols, next to a member the method does get, so that each absence is the rule's and not a failure.
/// </summary>
public class JacobianSupportTests
{
    private const string Source = """
        using System;
        using System.Numerics;
        using DiffGen;
        public static partial class C
        {
            [Differentiable]
            public static void Square<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T> { for (int i = 0; i < y.Length; i++) y[i] = x[i] * x[i]; }

            [Differentiable]
            public static void Map(ReadOnlySpan<double> x, double s, Span<double> y, Span<double> z)
            {
                for (int i = 0; i < y.Length; i++) y[i] = s * Math.Sin(x[i]);
                z[0] = s * s;
            }

            [Differentiable]
            public static void MapF(float[] x, Span<float> y) { for (int i = 0; i < y.Length; i++) y[i] = x[i] * x[i]; }

            [Differentiable]
            public static double Scalar(ReadOnlySpan<double> x) => x[0] * x[1];

            [Differentiable]
            public static void Mixed(ReadOnlySpan<float> x, double s, Span<double> y) { for (int i = 0; i < y.Length; i++) y[i] = s * (double)x[i]; }

            [Differentiable]
            public static void DataOnly([NoDerivative] ReadOnlySpan<double> x, Span<double> y) { for (int i = 0; i < y.Length; i++) y[i] = 2 * x[i]; }

            public static void Twice(ReadOnlySpan<double> x, Span<double> y) { for (int i = 0; i < y.Length; i++) y[i] = 2 * x[i]; }

            [DerivativeOf(nameof(Twice))]
            public static void TwicePullback(ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> dy, Span<double> dx) { for (int i = 0; i < dy.Length; i++) dx[i] += 2 * dy[i]; }

            [Differentiable]
            public static void NoTangent(ReadOnlySpan<double> x, Span<double> y)
            {
                double[] h = new double[y.Length];
                Twice(x, h);
                for (int i = 0; i < y.Length; i++) y[i] = h[i] * h[i];
            }
        }

        public partial class Model
        {
            public double W;

            [Differentiable]
            public void Forward(ReadOnlySpan<double> x, Span<double> y) { for (int i = 0; i < y.Length; i++) y[i] = W * x[i]; }
        }
        """;

    private static readonly Compilation Output = Generate();

    private static Compilation Generate()
    {
        var (output, _, diagnostics) = GeneratorHarness.Generate(Source);
        Assert.Empty(diagnostics);
        return output;
    }

    private static IMethodSymbol? Member(string type, string name)
        => Output.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().SingleOrDefault();

    [Fact]
    public void Generated_CompilesWithoutWarningsOrErrors() => Assert.Empty(GeneratorHarness.Problems(Output));

    [Fact]
    public void SpanOutputs_GetJacobian_WithTheMethodsParametersThenTheMatrixThenTheStrategy()
    {
        var jacobian = Member("C", "MapJacobian");
        Assert.NotNull(jacobian);
        Assert.True(jacobian!.ReturnsVoid);
        Assert.Equal(
            new[] { "System.ReadOnlySpan<double>", "double", "System.Span<double>", "System.Span<double>", "System.Span<double>", "DiffGen.JacobianStrategy" },
            jacobian.Parameters.Select(p => p.Type.ToDisplayString()));
        Assert.Equal("jacobian", jacobian.Parameters[4].Name);
        Assert.True(jacobian.Parameters[5].HasExplicitDefaultValue);
        Assert.Contains("row-major", jacobian.GetDocumentationCommentXml());
    }

    [Fact]
    public void FloatArrayInputs_GetAFloatJacobian()
        => Assert.Equal("System.Span<float>", Member("C", "MapFJacobian")?.Parameters[2].Type.ToDisplayString());

    [Fact]
    public void GenericMath_GetsAJacobianPerPrecision()
        => Assert.Equal(new[] { "System.Span<double>", "System.Span<float>" },
            Output.GetTypeByMetadataName("C")!.GetMembers("SquareJacobian").OfType<IMethodSymbol>().Select(m => m.Parameters[2].Type.ToDisplayString()).OrderBy(t => t));

    [Theory]
    [InlineData("C", "Scalar", "ScalarGradient")]      // its Jacobian is the gradient row
    [InlineData("C", "Mixed", "MixedTangent")]         // float and double: no one element type for the matrix
    [InlineData("C", "DataOnly", "DataOnlyTangent")]   // no differentiable input: no column
    [InlineData("C", "NoTangent", "NoTangentPullback")] // a rule without a tangent: no forward mode
    [InlineData("Model", "Forward", "ForwardPullback")] // instance methods read their object's state
    public void OtherMethods_GetNoJacobian(string type, string method, string present)
    {
        Assert.NotNull(Member(type, present));
        Assert.Null(Member(type, method + "Jacobian"));
    }

    [Fact]
    public void RuleWithoutTangent_LeavesItsCallerWithoutForwardMode() => Assert.Null(Member("C", "NoTangentTangent"));
}
