using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DiffGen.Gradients.Tests.Corpus;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// {M}Directional against {M}Tangent for every corpus method (found by reflection): at points off
/// the kinks the exact directional derivative is the ordinary tangent.
/// </summary>
public sealed class DirectionalModeTests
{
    private static readonly Type[] CorpusTypes =
    {
        typeof(SmoothFunctions), typeof(NonsmoothFunctions), typeof(BranchFunctions), typeof(LoopFunctions),
        typeof(CallFunctions), typeof(CallFunctionsSecond), typeof(Outer<int>.Inner), typeof(StructFunctions),
        typeof(NestedHost.Inner), typeof(EdgeCaseFunctions), typeof(IdiomFunctions), typeof(FloatFunctions),
        typeof(GlobalNamespaceFunctions), typeof(Corpus.Containers.Deeper.NestedNamespaceFunctions),
        typeof(Corpus.Containers.RecordContainer), typeof(Corpus.Containers.RecordStructContainer),
        typeof(Corpus.Containers.ReadOnlyStructContainer), typeof(Corpus.Containers.SealedContainer),
        typeof(Corpus.Containers.AbstractContainer), typeof(Corpus.Containers.InternalContainer),
        typeof(Corpus.Containers.Constrained<object>.Inner), typeof(Corpus.Containers.Level1.Level2.Level3),
        typeof(Corpus.Containers.Overloads), typeof(DataFlowFunctions),
    };

    private static IEnumerable<MethodInfo> DifferentiableMethods()
        => CorpusTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                      .Where(m => m.GetCustomAttribute<DifferentiableAttribute>() is not null);

    public static TheoryData<string> MethodNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var m in DifferentiableMethods()) data.Add(QualifiedName(m));
            return data;
        }
    }

    /// <summary>Type, name and parameter types, so overloads get distinct names.</summary>
    private static string QualifiedName(MethodInfo m)
        => m.DeclaringType!.Name + "." + m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";

    /// <summary>The generated {M}{suffix} whose leading parameters are M's parameters.</summary>
    private static MethodInfo Generated(MethodInfo m, string suffix)
    {
        var types = m.GetParameters().Select(p => p.ParameterType).ToArray();
        return m.DeclaringType!.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Single(g => g.Name == m.Name + suffix && g.GetParameters().Length >= types.Length
                             && g.GetParameters().Take(types.Length).Select(p => p.ParameterType).SequenceEqual(types)
                             && (suffix == "GradientCheck" ? g.GetParameters().Length == types.Length
                                 : g.GetParameters().Skip(types.Length).All(p => p.ParameterType == m.ReturnType || p.ParameterType == m.ReturnType.MakeByRefType()))
                             && g.GetParameters().Length == types.Length + (suffix == "GradientCheck" ? 0 : CountDifferentiable(m)));
    }

    private static int CountDifferentiable(MethodInfo m)
        => m.GetParameters().Count(p => (p.ParameterType == typeof(double) || p.ParameterType == typeof(float))
                                        && p.GetCustomAttribute<NoDerivativeAttribute>() is null);

    [Fact]
    public void Reflection_CorpusMethods_AllHaveTheFourGeneratedMethods()
    {
        var methods = DifferentiableMethods().ToList();
        Assert.True(methods.Count >= 100, $"only {methods.Count} [Differentiable] methods found");
        foreach (var m in methods)
        {
            foreach (string suffix in new[] { "Gradient", "Tangent", "Directional", "GradientCheck" })
                Assert.NotNull(Generated(m, suffix));
        }
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Directional_AtRandomPoints_EqualsTangent(string qualifiedName)
    {
        var method = DifferentiableMethods().Single(m => QualifiedName(m) == qualifiedName);
        var parameters = method.GetParameters();
        var tangentMethod = Generated(method, "Tangent");
        var directionalMethod = Generated(method, "Directional");
        bool single = method.ReturnType == typeof(float);
        var random = new Random(Numeric.StableSeed(qualifiedName));
        for (int n = 0; n < 10; n++)
        {
            var args = new List<object>();
            var tangents = new List<object>();
            foreach (var p in parameters)
            {
                // Random points avoid the measure-zero kink sets; keep arguments in (0.2, 0.9) so every
                // domain (logs, roots, arcsines, Newton iterations) is valid.
                double value = 0.2 + 0.7 * random.NextDouble();
                if (method.Name == "ClampBetween" && p.Name == "lo") value = 0.1;   // Math.Clamp needs lo <= hi
                if (method.Name == "ClampBetween" && p.Name == "hi") value = 1.0;
                if (p.ParameterType == typeof(int)) args.Add(3);
                else if (p.ParameterType == typeof(float)) args.Add((float)value);
                else args.Add(value);
                bool differentiable = (p.ParameterType == typeof(double) || p.ParameterType == typeof(float))
                                      && p.GetCustomAttribute<NoDerivativeAttribute>() is null;
                if (differentiable)
                {
                    double d = 2 * random.NextDouble() - 1;
                    tangents.Add(single ? (object)(float)d : d);
                }
            }
            object[] all = args.Concat(tangents).ToArray();
            object tangentResult = tangentMethod.Invoke(null, all)!;
            object directionalResult = directionalMethod.Invoke(null, all)!;
            double tv = Convert.ToDouble(tangentResult.GetType().GetField("Item1")!.GetValue(tangentResult));
            double tt = Convert.ToDouble(tangentResult.GetType().GetField("Item2")!.GetValue(tangentResult));
            double dv = Convert.ToDouble(directionalResult.GetType().GetField("Item1")!.GetValue(directionalResult));
            double dt = Convert.ToDouble(directionalResult.GetType().GetField("Item2")!.GetValue(directionalResult));
            string where = $"{qualifiedName} at ({string.Join(", ", args)}) along ({string.Join(", ", tangents)})";
            Assert.True(tv == dv, $"{where}: Tangent value {tv:R}, Directional value {dv:R}");
            double tolerance = single ? 1e-5 : 1e-12;
            Numeric.AssertClose(tt, dt, tolerance, tolerance * 1e-3, where);
        }
    }
}
