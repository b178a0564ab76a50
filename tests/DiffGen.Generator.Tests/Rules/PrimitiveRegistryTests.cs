using System;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;
using Xunit;

namespace DiffGen.Generator.Tests.Rules;

/// <summary>
/// Every registry entry checked on its own, in double precision: partials against central differences
/// of the library function, directional rules against one-sided differences at the kinks, and sources
/// that name real overloads (of Math, of double's generic-math statics, of DiffMath). Independent of the
/// renderer and of generated code.
/// </summary>
public class PrimitiveRegistryTests
{
    public static TheoryData<string> Differentiable()
    {
        var data = new TheoryData<string>();
        foreach (var rule in PrimitiveRegistry.All.Where(r => !r.ZeroDerivative)) data.Add(rule.Name);
        return data;
    }

    public static TheoryData<string> Nonsmooth()
    {
        var data = new TheoryData<string>();
        foreach (var rule in PrimitiveRegistry.All.Where(r => r.IsNonsmooth)) data.Add(rule.Name);
        return data;
    }

    /// <summary>The primitive's value at double arguments (the operators by their C# meaning), with its data arguments.</summary>
    private static double Apply(PrimitiveRule rule, double[] x) => rule.Name switch
    {
        "Add" => x[0] + x[1],
        "Subtract" => x[0] - x[1],
        "Multiply" => x[0] * x[1],
        "Divide" => x[0] / x[1],
        _ => (double)FormulaEvaluator.Call(TypeOf(rule.Sources[0].Library), rule.Sources[0].Method, x.Cast<object>().Concat(Data(rule)).ToArray()),
    };

    /// <summary>The data arguments the entries with integer arguments are checked at (n = 3).</summary>
    private static object[] Data(PrimitiveRule rule) => rule.Name is "ScaleB" or "RootN" ? new object[] { 3 } : Array.Empty<object>();

    /// <summary>The class a source's library names, in double precision.</summary>
    private static Type TypeOf(MethodLibrary library) => library switch
    {
        MethodLibrary.DiffMath => typeof(DiffMath),
        MethodLibrary.FloatingPoint => typeof(double),
        _ => typeof(Math),
    };

    /// <summary>A seed that is the same in every process (string.GetHashCode is randomized per process).</summary>
    private static int StableSeed(string name)
    {
        int seed = 17;
        foreach (char c in name) seed = unchecked(seed * 31 + c);
        return seed & 0x7fffffff;
    }

    /// <summary>Points inside every entry's domain: arguments in (0.2, 0.9), Clamp's bounds ordered around its value.</summary>
    private static double[] Point(PrimitiveRule rule, Random random)
    {
        var x = Enumerable.Range(0, rule.Arity).Select(_ => 0.2 + 0.7 * random.NextDouble()).ToArray();
        if (rule.Name == "Clamp") (x[0], x[1], x[2]) = (0.5 + (random.NextDouble() - 0.5) * 0.9, 0.3, 0.7);
        if (rule.Name == "Acosh") x[0] += 1.0; // defined on [1, ∞)
        if (rule.Name == "TanPi") x[0] = 0.2 + 0.2 * random.NextDouble(); // tan(πx) has a pole at 0.5
        return x;
    }

    [Theory]
    [MemberData(nameof(Differentiable))]
    public void Partials_MatchCentralDifferences(string name)
    {
        var rule = PrimitiveRegistry.Rule(new Primitive(name));
        Assert.Equal(rule.Arity, rule.Partials.Length);
        var random = new Random(StableSeed(name));
        for (int trial = 0; trial < 20; trial++)
        {
            var x = Point(rule, random);
            var evaluator = new FormulaEvaluator(x, Apply(rule, x), data: Data(rule));
            for (int i = 0; i < rule.Arity; i++)
            {
                const double h = 1e-6;
                var up = (double[])x.Clone();
                var down = (double[])x.Clone();
                up[i] += h;
                down[i] -= h;
                double expected = (Apply(rule, up) - Apply(rule, down)) / (2 * h);
                double actual = evaluator.Number(rule.Partials[i]);
                Assert.True(Math.Abs(actual - expected) <= 1e-6 * (1 + Math.Abs(expected)),
                    $"{name} ∂/∂x{i} at ({string.Join(", ", x)}): rule {actual}, central difference {expected}");
            }
        }
    }

    /// <summary>At each kink and in each direction, f'(x; t) equals the one-sided difference quotient.</summary>
    [Theory]
    [MemberData(nameof(Nonsmooth))]
    public void Directional_MatchesOneSidedDifferencesAtKinks(string name)
    {
        var rule = PrimitiveRegistry.Rule(new Primitive(name));
        Assert.NotNull(rule.Directional);
        var kinks = name switch
        {
            "Relu" or "Abs" => new[] { new[] { 0.0 } },
            "Max" or "Min" => new[] { new[] { 0.5, 0.5 }, new[] { -1.0, -1.0 } },
            "Clamp" => new[] { new[] { 0.3, 0.3, 0.7 }, new[] { 0.7, 0.3, 0.7 } },
            // CopySign's kink in x (where it is continuous); its jump at y = 0 has no difference quotient to match.
            "CopySign" => new[] { new[] { 0.0, 0.7 }, new[] { 0.0, -0.4 } },
            // Ties a = b and the origin, where they are continuous (at a = -b they jump).
            "MaxMagnitude" or "MinMagnitude" => new[] { new[] { 0.5, 0.5 }, new[] { -1.0, -1.0 }, new[] { 0.0, 0.0 } },
            _ => throw new InvalidOperationException("No kinks listed for " + name),
        };
        var random = new Random(7);
        foreach (var x in kinks)
        {
            for (int trial = 0; trial < 16; trial++)
            {
                var t = x.Select(_ => random.NextDouble() * 2 - 1).ToArray();
                const double h = 1e-7;
                double fx = Apply(rule, x);
                double expected = (Apply(rule, x.Select((v, i) => v + h * t[i]).ToArray()) - fx) / h;
                double actual = new FormulaEvaluator(x, fx, t).Number(rule.Directional!);
                Assert.True(Math.Abs(actual - expected) <= 1e-6, $"{name}'(({string.Join(", ", x)}); ({string.Join(", ", t)})): rule {actual}, difference {expected}");
            }
        }
    }

    [Fact]
    public void Sources_NameRealOverloadsAndResolveToTheirEntry()
    {
        foreach (var rule in PrimitiveRegistry.All)
        {
            foreach (var source in rule.Sources)
            {
                var type = TypeOf(source.Library);
                var overloads = type.GetMethods().Where(m => m.Name == source.Method && m.ReturnType == typeof(double)
                                                              && (source.Parameters is null || m.GetParameters().Length == source.Parameters)).ToList();
                Assert.True(overloads.Count > 0, $"{rule.Name}: no double overload {type.Name}.{source.Method}");
                foreach (var overload in overloads)
                    Assert.Same(rule, PrimitiveRegistry.Find(source.Library, source.Method, overload.GetParameters().Length));
            }
        }
    }

    [Fact]
    public void Names_AreUnique_AndEveryNonsmoothEntryDescribesItsKink()
    {
        Assert.Equal(PrimitiveRegistry.All.Count, PrimitiveRegistry.All.Select(r => r.Name).Distinct().Count());
        foreach (var rule in PrimitiveRegistry.All.Where(r => r.Directional is not null))
        {
            Assert.NotEqual(KinkSetting.None, rule.Kink);
            Assert.False(string.IsNullOrWhiteSpace(rule.DescribeKink!(Models.NonsmoothSettings.Default)));
        }
    }
}
