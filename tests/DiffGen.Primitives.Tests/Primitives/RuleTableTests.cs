using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary>
/// The rule table, read by reflection the way the generator reads it: every public
/// <see cref="DerivativeOfAttribute"/> rule in the runtime assembly targets an existing method, and
/// every primitive with rules has exactly one pullback and one tangent with the signature shape of
/// docs/custom-derivatives.md (F's parameters, then seeds, then shadows or tangents, named d*/t*).
/// </summary>
public sealed class RuleTableTests
{
    private static readonly Assembly Runtime = typeof(DerivativeOfAttribute).Assembly;

    /// <summary>The primitives of issues 3 and 15; the table must hold at least these.</summary>
    private static readonly string[] Expected =
    [
        "Dot", "Axpy", "Add", "Sub", "Mul", "Div", "Scale", "Sum", "Mean", "MatVec", "MatMul", "Relu", "Tanh",
        "Sigmoid", "Exp", "Log", "LogSumExp", "Softmax", "LogSoftmax", "CrossEntropy",
        "Conv2D", "MaxPool2D", "AvgPool2D", "BatchNorm", "Dropout",
    ];

    /// <summary>The first-order rules (second-order rules, over dual numbers, are checked by <see cref="EverySecondOrderRule_MirrorsItsFirstOrderRules"/>).</summary>
    private static IEnumerable<(MethodInfo Rule, DerivativeOfAttribute Attribute)> Rules()
        => AllRules().Where(r => !IsOverDualNumbers(r.Rule));

    private static IEnumerable<(MethodInfo Rule, DerivativeOfAttribute Attribute)> AllRules()
        => Runtime.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (m, m.GetCustomAttribute<DerivativeOfAttribute>()!))
            .Where(x => x.Item2 is not null);

    /// <summary>Whether a method takes dual numbers: a second-order rule's primal or pullback.</summary>
    private static bool IsOverDualNumbers(MethodInfo method)
        => method.GetParameters().Any(p => DualElement(p.ParameterType) is not null);

    private static Type? DualElement(Type t)
    {
        if (t.IsByRef || t.IsArray)
        {
            return DualElement(t.GetElementType()!);
        }

        if (t == typeof(Dual) || t == typeof(DualF))
        {
            return t;
        }

        return t.IsGenericType ? t.GetGenericArguments().Select(DualElement).FirstOrDefault(e => e is not null) : null;
    }

    /// <summary>
    /// Each primal over dual numbers (a second-order rule's primal) has one pullback over the same dual type, and
    /// both have the shapes of a generic primal's and its pullback's (dual numbers in place of T); the primitives
    /// of the sample models have them for Dual and DualF.
    /// </summary>
    [Fact]
    public void EverySecondOrderRule_MirrorsItsFirstOrderRules()
    {
        var failures = new List<string>();
        var secondOrder = AllRules().Where(r => IsOverDualNumbers(r.Rule)).ToList();
        var covered = new HashSet<string>();
        foreach (var group in secondOrder.GroupBy(r => (Type: r.Attribute.Of ?? r.Rule.DeclaringType!, r.Attribute.Method)))
        {
            var duals = group.Key.Type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == group.Key.Method && !m.IsGenericMethod && IsOverDualNumbers(m)).ToList();
            var generics = group.Key.Type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == group.Key.Method && m.IsGenericMethod).ToList();
            foreach (var dual in duals)
            {
                var pullbacks = group.Where(r => r.Attribute.Kind == DerivativeKind.Pullback && StartsWith(r.Rule, dual)
                                                 && DualElement(r.Rule.GetParameters()[0].ParameterType) == DualElement(dual.GetParameters()[0].ParameterType)).ToList();
                var primal = generics.FirstOrDefault(g => g.GetParameters().Select(Shape).SequenceEqual(dual.GetParameters().Select(Shape)));
                if (pullbacks.Count != 1 || primal is null)
                {
                    failures.Add($"{dual}: {pullbacks.Count} pullbacks (want 1), generic primal of the same shape {(primal is null ? "missing" : "found")}");
                    continue;
                }

                Check(failures, primal, pullbacks[0].Rule, ExpectedPullback(primal), "void");
                covered.Add(group.Key.Method + "/" + DualElement(dual.GetParameters()[0].ParameterType)!.Name);
            }
        }

        foreach (string name in new[] { "MatMul", "AddBias", "Relu", "CrossEntropy", "Sub", "Dot", "Add", "Mul", "Sum", "Mean", "Exp", "Log", "Tanh", "Sigmoid", "Softmax", "LogSoftmax" })
        {
            foreach (string dual in new[] { "Dual", "DualF" })
            {
                if (!covered.Contains(name + "/" + dual))
                {
                    failures.Add($"{name}: no second-order rule over {dual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The table names every expected primitive.</summary>
    [Fact]
    public void Table_ListsEveryIssuePrimitive()
    {
        var names = Rules().Select(r => r.Attribute.Method).ToHashSet();
        string[] missing = Expected.Where(e => !names.Contains(e)).ToArray();
        Assert.True(missing.Length == 0, "no rules for: " + string.Join(", ", missing));
    }

    /// <summary>Each primal with rules has one pullback and one tangent of the documented shape.</summary>
    [Fact]
    public void EveryRule_HasDocumentedShape()
    {
        var failures = new List<string>();
        var byTarget = Rules().GroupBy(r => (Type: r.Attribute.Of ?? r.Rule.DeclaringType!, r.Attribute.Method));
        int primals = 0;
        foreach (var group in byTarget)
        {
            var candidates = group.Key.Type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == group.Key.Method && m.GetCustomAttribute<DerivativeOfAttribute>() is null && !IsOverDualNumbers(m))
                .ToList();
            if (candidates.Count == 0)
            {
                failures.Add($"{group.Key.Method}: no public primal of that name in {group.Key.Type.Name}");
                continue;
            }

            foreach (var primal in candidates)
            {
                primals++;
                var pullbacks = group.Where(r => r.Attribute.Kind == DerivativeKind.Pullback && StartsWith(r.Rule, primal)).ToList();
                var tangents = group.Where(r => r.Attribute.Kind == DerivativeKind.Tangent && StartsWith(r.Rule, primal)).ToList();
                if (pullbacks.Count != 1 || tangents.Count != 1)
                {
                    failures.Add($"{primal.Name}: {pullbacks.Count} pullbacks and {tangents.Count} tangents (want 1 and 1)");
                    continue;
                }

                Check(failures, primal, pullbacks[0].Rule, ExpectedPullback(primal), "void");
                bool scalarResult = primal.ReturnType != typeof(void);
                Check(failures, primal, tangents[0].Rule, ExpectedTangent(primal), scalarResult ? "(T Value, T Tangent)" : "void");
                if (scalarResult)
                {
                    var names = tangents[0].Rule.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames;
                    if (names is null || !names.SequenceEqual(["Value", "Tangent"]))
                    {
                        failures.Add($"{tangents[0].Rule.Name}: tuple elements must be named (Value, Tangent)");
                    }
                }
            }
        }

        Assert.True(primals >= Expected.Length, $"only {primals} primals found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool StartsWith(MethodInfo rule, MethodInfo primal)
    {
        var r = rule.GetParameters();
        var p = primal.GetParameters();
        return r.Length >= p.Length && p.Select((x, i) => Shape(x) == Shape(r[i])).All(b => b);
    }

    private static void Check(List<string> failures, MethodInfo primal, MethodInfo rule, IEnumerable<string> extra, string returns)
    {
        string[] want = primal.GetParameters().Select(Shape).Concat(extra).ToArray();
        string[] have = rule.GetParameters().Select(Shape).ToArray();
        if (!want.SequenceEqual(have))
        {
            failures.Add($"{rule.Name}: ({string.Join(", ", have)}) but the convention gives ({string.Join(", ", want)})");
        }

        string ret = rule.ReturnType == typeof(void) ? "void" : TypeName(rule.ReturnType);
        string wantRet = returns == "void" ? "void" : "ValueTuple<T, T>";
        if (ret != wantRet)
        {
            failures.Add($"{rule.Name}: returns {ret}, expected {returns}");
        }
    }

    /// <summary>Seeds (scalar result: <c>T seed</c>; outputs: <c>ReadOnlySpan&lt;T&gt; d{out}</c>), then shadows.</summary>
    private static IEnumerable<string> ExpectedPullback(MethodInfo primal)
    {
        if (primal.ReturnType != typeof(void))
        {
            yield return "T seed";
        }
        else
        {
            foreach (var o in Outputs(primal))
            {
                yield return "ReadOnlySpan<T> d" + o.Name;
            }
        }

        foreach (var p in Differentiable(primal))
        {
            yield return (IsScalar(p) ? "ref T d" : "Span<T> d") + p.Name;
        }
    }

    /// <summary>Tangents of the inputs (<c>T t{x}</c> or <c>ReadOnlySpan&lt;T&gt; t{x}</c>), then <c>Span&lt;T&gt; t{out}</c>.</summary>
    private static IEnumerable<string> ExpectedTangent(MethodInfo primal)
    {
        foreach (var p in Differentiable(primal))
        {
            yield return (IsScalar(p) ? "T t" : "ReadOnlySpan<T> t") + p.Name;
        }

        foreach (var o in Outputs(primal))
        {
            yield return "Span<T> t" + o.Name;
        }
    }

    private static IEnumerable<ParameterInfo> Differentiable(MethodInfo primal)
        => primal.GetParameters().Where(p => p.GetCustomAttribute<NoDerivativeAttribute>() is null
            && (IsScalar(p) || TypeName(p.ParameterType) is "ReadOnlySpan<T>" or "T[]"));

    /// <summary>Span&lt;T&gt; parameters without [NoDerivative] (the generator's outputs; a [NoDerivative] span, such as batch norm's running statistics, is data).</summary>
    private static IEnumerable<ParameterInfo> Outputs(MethodInfo primal)
        => primal.GetParameters().Where(p => TypeName(p.ParameterType) == "Span<T>" && p.GetCustomAttribute<NoDerivativeAttribute>() is null);

    private static bool IsScalar(ParameterInfo p) => TypeName(p.ParameterType) is "T" or "Double" or "Single";

    private static string Shape(ParameterInfo p)
        => (p.ParameterType.IsByRef ? "ref " : "") + TypeName(p.ParameterType) + " " + p.Name;

    private static string TypeName(Type t)
    {
        if (t.IsByRef)
        {
            return TypeName(t.GetElementType()!);
        }

        if (t.IsGenericParameter || t == typeof(Dual) || t == typeof(DualF))
        {
            return "T";
        }

        if (t.IsArray)
        {
            return TypeName(t.GetElementType()!) + "[]";
        }

        if (t.IsGenericType)
        {
            string name = t.Name[..t.Name.IndexOf('`')];
            return name + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
        }

        return t.Name;
    }
}
