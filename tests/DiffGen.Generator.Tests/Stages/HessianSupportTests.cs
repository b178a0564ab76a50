using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DiffGen.Generator.Rules;
using DiffGen.Generator.Stages;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// The dual numbers that {M}HessianVector runs on cover the registry: every primitive and every function its
/// partials call has a DualMath form (or the generator treats it as blocking), and each DualMath function's
/// tangent agrees with central differences of the library function (independent of the registry's formulas).
/// </summary>
public class HessianSupportTests
{
    private static IEnumerable<Formula> Walk(Formula formula) => new[] { formula }.Concat(formula switch
    {
        BinaryFormula b => Walk(b.Left).Concat(Walk(b.Right)),
        NegateFormula n => Walk(n.Operand),
        ConditionalFormula c => Walk(c.Condition).Concat(Walk(c.WhenTrue)).Concat(Walk(c.WhenFalse)),
        MathFormula m => m.Arguments.SelectMany(Walk),
        NonsmoothHelperFormula h => h.Arguments.SelectMany(Walk),
        _ => Enumerable.Empty<Formula>(),
    });

    private static HashSet<string> PublicStatics(Type type, Type first)
        => new(type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                   .Where(m => m.GetParameters().Length > 0 && m.GetParameters()[0].ParameterType == first).Select(m => m.Name));

    [Fact]
    public void DualMathFunctions_EqualTheRuntimesForDualAndDualF()
    {
        Assert.Equal(HessianSupport.DualMathFunctions.OrderBy(n => n), PublicStatics(typeof(DualMath), typeof(Dual)).OrderBy(n => n));
        Assert.Equal(HessianSupport.DualMathFunctions.OrderBy(n => n), PublicStatics(typeof(DualMath), typeof(DualF)).OrderBy(n => n));
    }

    [Fact]
    public void EveryPrimitiveAndEveryFunctionOfItsPartials_HasADualForm()
    {
        var missing = new List<string>();
        foreach (var rule in PrimitiveRegistry.All)
        {
            foreach (var source in rule.Sources)
                if (!HessianSupport.DualMathFunctions.Contains(source.Method)) missing.Add(rule.Name + ": " + source.Method);
            foreach (var formula in rule.Partials.SelectMany(Walk))
            {
                if (formula is MathFormula m && !HessianSupport.DualMathFunctions.Contains(m.Function)) missing.Add(rule.Name + " partial: " + m.Function);
                if (formula is NonsmoothHelperFormula h && !PublicStatics(typeof(DualNonsmoothRules), typeof(Dual)).Contains(h.Function))
                    missing.Add(rule.Name + " partial: DualNonsmoothRules." + h.Function);
            }
        }
        Assert.True(missing.Count == 0, "no dual form: " + string.Join(", ", missing));
    }

    public static TheoryData<string> OneArgument()
    {
        var data = new TheoryData<string>();
        foreach (var rule in PrimitiveRegistry.All.Where(r => r.Arity == 1 && r.Sources.Length > 0 && !r.IsNonsmooth && !r.ZeroDerivative
                                                              && typeof(Math).GetMethod(r.Sources[0].Method, new[] { typeof(double) }) is not null
                                                                 | typeof(double).GetMethod(r.Sources[0].Method, new[] { typeof(double) }) is not null)) data.Add(rule.Name);
        return data;
    }

    /// <summary>d/dx of the library function at x in (0.2, 0.9) (Acosh: 1.2 to 1.9), against the tangent of its DualMath form seeded with 1.</summary>
    [Theory]
    [MemberData(nameof(OneArgument))]
    public void DualMath_OneArgumentTangent_MatchesCentralDifferences(string name)
    {
        var rule = PrimitiveRegistry.All.Single(r => r.Name == name);
        var source = rule.Sources[0];
        var library = source.Library == MethodLibrary.FloatingPoint ? typeof(double) : typeof(Math);
        var primal = library.GetMethod(source.Method, new[] { typeof(double) })!;
        var dual = typeof(DualMath).GetMethod(source.Method, new[] { typeof(Dual) })!;
        var dualF = typeof(DualMath).GetMethod(source.Method, new[] { typeof(DualF) })!;
        double F(double x) => (double)primal.Invoke(null, new object[] { x })!;
        var random = new Random(name.Length * 7919 + name[0]);
        for (int k = 0; k < 5; k++)
        {
            double x = 0.2 + 0.7 * random.NextDouble() + (name == "Acosh" ? 1.0 : 0.0);
            if (name == "TanPi") x = 0.2 + 0.2 * random.NextDouble();
            double h = 1e-5;
            double reference = (F(x + h) - F(x - h)) / (2 * h);
            var y = (Dual)dual.Invoke(null, new object[] { new Dual(x, 1.0) })!;
            Assert.Equal(F(x), y.Value);
            Assert.True(Math.Abs(y.Tangent - reference) <= 1e-6 * Math.Max(1, Math.Abs(reference)), $"{name}'({x}) = {reference}, dual tangent {y.Tangent}");
            var yf = (DualF)dualF.Invoke(null, new object[] { new DualF((float)x, 1f) })!;
            Assert.True(Math.Abs(yf.Tangent - reference) <= 1e-3 * Math.Max(1, Math.Abs(reference)), $"{name}'({x}) = {reference}, float dual tangent {yf.Tangent}");
        }
    }

    [Fact]
    public void DualMath_NonsmoothAtTheKink_FollowsTheGivenRule()
    {
        Assert.Equal(0.25, DualMath.Abs(new Dual(0, 1), 0.25).Tangent);
        Assert.Equal(1.0, DualMath.Relu(new Dual(0, 1), 1.0).Tangent);
        Assert.Equal(0.3 * 2 + 0.7 * 5, DualMath.Max(new Dual(1, 2), new Dual(1, 5), 0.3).Tangent, 15);
        Assert.Equal(2.0, DualMath.Clamp(new Dual(1, 2), new Dual(1, 3), new Dual(4, 5), passesAtBound: true).Tangent);
        Assert.Equal(3.0, DualMath.Clamp(new Dual(1, 2), new Dual(1, 3), new Dual(4, 5), passesAtBound: false).Tangent);
        Assert.Equal(0.0, DualMath.Floor(new Dual(1.5, 1)).Tangent);
    }

    [Fact]
    public void DualMath_IntegerDataArguments_MatchCentralDifferences()
    {
        // RootN(x, 3) = x^(1/3): its tangent and the tangent of its dual partial (the second derivative).
        double x = 0.7, h = 1e-5;
        var y = DualMath.RootN(new Dual(x, 1), 3);
        Assert.Equal((double.RootN(x + h, 3) - double.RootN(x - h, 3)) / (2 * h), y.Tangent, 8);
        var partial = DualNonsmoothRules.RootNPartial(new Dual(x, 1), 3, y);
        Assert.Equal(-2.0 / 9.0 * Math.Pow(x, -5.0 / 3.0), partial.Tangent, 8);
        Assert.Equal(8.0, DualMath.ScaleB(new Dual(1.5, 1), 3).Tangent);
        Assert.Equal(-1.0, DualMath.CopySign(new Dual(2, 1), -3.0, 0.0).Tangent);
        Assert.Equal(1.0, DualMath.MaxMagnitude(new Dual(-3, 1), new Dual(2, 5), 0.5).Tangent);
    }

    [Fact]
    public void DualMath_PowWithConstantExponentAtANegativeBase_HasNoNaNTangent()
    {
        var y = DualMath.Pow(new Dual(-2, 1), 3.0);
        Assert.Equal(-8, y.Value);
        Assert.Equal(12, y.Tangent);
    }
}
