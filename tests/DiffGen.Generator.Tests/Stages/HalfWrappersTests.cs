using System;
using System.Linq;
using System.Reflection;
using DiffGen.Generator.Models;
using DiffGen.Generator.Stages;
using DiffGen.Generator.Tests.Support;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Half members of generic-math methods (generator/Stages/HalfWrappers.cs): decided on the IR's record of which
/// parameters and result the type parameter types; emitted beside the float instantiation only.
/// </summary>
public class HalfWrappersTests
{
    private const string Source = """
        using System;
        using System.Numerics;
        using DiffGen;

        namespace Sample
        {
            public static partial class Generic
            {
                [Differentiable]
                public static T F<T>(T x, ReadOnlySpan<T> w, int n, double c) where T : IFloatingPointIeee754<T>
                    => x * w[n] * T.CreateChecked(c);

                [Differentiable]
                public static T G<T>((T A, T B) p) where T : IFloatingPointIeee754<T> => p.A * p.B;
            }
        }
        """;

    [Fact]
    public void Ir_RecordsWhichParametersAndResultTheTypeParameterTypes()
    {
        var instances = GeneratorHarness.FrontEnd(GeneratorHarness.Compilation(Source), "F").Instances;
        Assert.Equal(new[] { ScalarKind.Double, ScalarKind.Float }, instances.Select(ir => ir.Variables[0].Kind));
        Assert.All(instances, ir => Assert.Equal(new[] { true, true, false, false, true }, ir.TypeParameterUses.ToArray()));
        Assert.False(HalfWrappers.Applies(instances[0]));
        Assert.True(HalfWrappers.Applies(instances[1]));
    }

    [Fact]
    public void TupleParameters_GetNoHalfMembers()
    {
        var instances = GeneratorHarness.FrontEnd(GeneratorHarness.Compilation(Source), "G").Instances;
        Assert.All(instances, ir => Assert.False(HalfWrappers.Applies(ir)));
    }

    [Fact]
    public void HalfMembers_CompileWithHalfWhereTheMethodHasT()
    {
        var (output, _, diagnostics) = GeneratorHarness.Generate(Source);
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var type = GeneratorHarness.CompileAndLoad(Source).GetType("Sample.Generic")!;
        string Signature(MethodInfo m) => m.ReturnType.Name + " " + m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";
        var half = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(Signature).Where(s => s.Contains("Half")).OrderBy(s => s).ToArray();
        Assert.Equal(new[]
        {
            "Half FGradient(Half, ReadOnlySpan`1, Int32, Double, Half&, Span`1, Double&)",
            "ValueTuple`2 FDirectional(Half, ReadOnlySpan`1, Int32, Double, Half, ReadOnlySpan`1, Double)",
            "ValueTuple`2 FTangent(Half, ReadOnlySpan`1, Int32, Double, Half, ReadOnlySpan`1, Double)",
            "Void FPullback(Half, ReadOnlySpan`1, Int32, Double, Half, Half&, Span`1, Double&)",
        }, half);
    }
}
