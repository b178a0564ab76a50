using System;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// What DG0007 says about array types a method cannot take (generator/FrontEnd/ArrayLayoutTypes.cs): higher ranks,
/// 2-D arrays of other elements (a generic T), and 2-D arrays in generic methods each get their own way out,
/// never the claim that the type they used is supported. Positive and negative cases: DiffGen.Analyzers.Tests (DG0007).
/// </summary>
public class ArrayRefusalTests
{
    private const string Source = """
        using System;
        using System.Numerics;
        using DiffGen;

        namespace Sample
        {
            public static partial class Refused
            {
                [Differentiable]
                public static double ThreeD(double[,,] a, double x) => x;

                [Differentiable]
                public static T GenericGrid<T>(T[,] a, T x) where T : IFloatingPointIeee754<T> => x;

                [Differentiable]
                public static T DoubleGridInGeneric<T>(double[,] a, T x) where T : IFloatingPointIeee754<T> => x;

                [Differentiable]
                public static double DecimalGrid(decimal[,] a, double x) => x;
            }
        }
        """;

    private static readonly Lazy<Compilation> Compiled = new(() => GeneratorHarness.Compilation(Source));

    private static string Detail(string method)
        => Assert.Single(GeneratorHarness.FrontEnd(Compiled.Value, method).Problems, p => p.Kind == ProblemKind.UnsupportedType).Detail;

    [Fact]
    public void ThreeDimensionalArray_SaysWhichRanksAreSupported() => Assert.Contains("rank 1 and 2", Detail("ThreeD"));

    [Fact]
    public void GridOfAGenericT_SaysWhichElementsAreSupported()
    {
        string detail = Detail("GenericGrid");
        Assert.Contains("double, float or int", detail);
        Assert.DoesNotContain("rank 1 and 2", detail);
    }

    [Fact]
    public void DoubleGridInAGenericMethod_SaysToWriteTheMethodForOneType() => Assert.Contains("not generic", Detail("DoubleGridInGeneric"));

    [Fact]
    public void GridOfDecimal_SaysWhichElementsAreSupported() => Assert.Contains("double, float or int", Detail("DecimalGrid"));
}
