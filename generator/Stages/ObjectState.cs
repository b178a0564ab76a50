using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// How generated members reach the state of the objects a method reads: its receiver's and its
/// parameters' of differentiable types. Members are read into locals at the body's entry; their
/// derivatives travel through each type's nested <c>Tangent</c> (one argument per object) or, for the
/// receiver's <c>Parameter&lt;T&gt;</c> members, through their own <c>.Grad</c>.
/// </summary>
internal static class ObjectState
{
    /// <summary>The generated nested type holding one derivative per differentiable member.</summary>
    public const string TangentType = "Tangent";

    /// <summary>Whether the variable is a parameter of the generated members (members of objects are read from them).</summary>
    public static bool TakesArgument(VariableInfo variable) => variable.Member is null;

    /// <summary>An object member's value, as code: <c>this.w</c>, <c>b.Mass</c>, or <c>this.W.Data</c> for a <c>Parameter&lt;T&gt;</c>.</summary>
    public static string Value(ObjectMember member)
        => member.Root + "." + member.Path + (member.IsParameterObject ? ".Data" : "");

    /// <summary>Declares each object member's local and reads it from its object (once, at entry).</summary>
    public static void WriteBindings(IndentedWriter w, MethodIr ir)
    {
        for (int i = 0; i < ir.ParameterCount; i++)
            if (ir.Variables[i].Member is { } member)
                w.Line($"{ir.Variables[i].TypeName} {ir.Variables[i].Name} = {Value(member)};");
    }

    /// <summary>The name of an object parameter's derivative argument (<c>d</c> or <c>t</c> and the name).</summary>
    public static string BundleOf(VariableInfo objectParameter, string prefix) => prefix + Identifiers.Bare(objectParameter.Name);

    /// <summary>The bundle's member holding a member's derivative, as code.</summary>
    public static string BundleMember(ObjectMember member, string bundle) => $"{bundle}.{member.Path}";

    /// <summary>Whether forward mode takes a <c>Tangent</c> for the receiver (the direction of its state).</summary>
    public static bool NeedsReceiverDirection(MethodIr ir)
        => ir.Variables.Take(ir.ParameterCount).Any(v => v.Member is { OfReceiver: true } && v.IsDifferentiableParameter);

    /// <summary>
    /// One public shape of reverse mode for the receiver: its derivative in a <c>Tangent</c> argument
    /// (<paramref name="Bundle"/>), or, when all of its differentiable state is <c>Parameter&lt;T&gt;</c>,
    /// in each parameter's <c>.Grad</c> (no argument).
    /// </summary>
    /// <param name="ShadowArguments">What the reverse body gets for the receiver's shadows, in member order.</param>
    /// <param name="GradientParameter">The declaration {M}Gradient adds (out for a struct), if any.</param>
    /// <param name="PullbackParameter">The declaration {M}Pullback adds (ref for a struct), if any.</param>
    public sealed record ReverseForm(string? Bundle, IReadOnlyList<string> ShadowArguments, string? GradientParameter, string? PullbackParameter);

    /// <summary>
    /// The reverse-mode forms of a method: one without the receiver for a static method or a receiver with
    /// no differentiable state; else the <c>Tangent</c> form, and, for state that is all <c>Parameter&lt;T&gt;</c>,
    /// also the <c>.Grad</c> form (torch's <c>backward()</c>; a data-parallel trainer uses a Tangent per worker).
    /// </summary>
    public static IReadOnlyList<ReverseForm> ReverseForms(MethodIr ir, string bundle)
    {
        var members = ir.Variables.Take(ir.ParameterCount).Where(v => v.Member is { OfReceiver: true } && v.IsDifferentiableParameter).ToList();
        if (members.Count == 0) return new[] { new ReverseForm(null, Array.Empty<string>(), null, null) };
        bool valueType = ir.Receiver!.IsValueType;
        var forms = new List<ReverseForm>
        {
            new(bundle,
                members.Select(v => (v.IsScalar ? "ref " : "") + BundleMember(v.Member!, bundle)).ToList(),
                (valueType ? "out " : "") + TangentType + " " + bundle,
                (valueType ? "ref " : "") + TangentType + " " + bundle),
        };
        if (members.All(v => v.Member!.IsParameterObject))
            forms.Add(new ReverseForm(null, members.Select(v => $"this.{v.Member!.Path}.Grad").ToList(), null, null));
        return forms;
    }

    /// <summary>What a form's docs add about the receiver's derivative.</summary>
    public static string Docs(ReverseForm form, MethodIr ir)
    {
        if (!ir.IsInstance || form.ShadowArguments.Count == 0) return "";
        return form.Bundle is null
            ? " The object's derivative is added to each of its parameters' <c>Grad</c>."
            : ir.Receiver!.IsValueType
                ? $" The object's derivative is returned in <paramref name=\"{form.Bundle}\"/> (the Pullback adds to it)."
                : $" The object's derivative is added to <paramref name=\"{form.Bundle}\"/>, one member per differentiable member.";
    }

    /// <summary>
    /// Checks of the objects' derivative arguments before anything is written: non-null class tangents,
    /// and each derivative array as long as its member (<c>ArgumentException</c> naming the argument).
    /// <paramref name="bundleOf"/> names the derivative argument of each object root (null: none;
    /// for the receiver's .Grad form, its Parameters' Grad arrays are checked instead).
    /// </summary>
    public static void WriteChecks(IndentedWriter w, MethodIr ir, Func<string, string?> bundleOf, ISet<string> classBundles)
    {
        foreach (var bundle in classBundles) w.Line($"global::System.ArgumentNullException.ThrowIfNull({bundle});");
        for (int i = 0; i < ir.ParameterCount; i++)
        {
            var variable = ir.Variables[i];
            if (variable.Member is not { } member || !variable.IsDifferentiableParameter || variable.IsScalar) continue;
            string value = Value(member);
            string shown = member.Path.Replace("@", "");
            if (bundleOf(member.Root) is string bundle)
                w.Line($"if ({bundle}.{member.Path}.Length != {value}.Length) throw new global::System.ArgumentException(\"{bundle}.{shown} must have the length of {member.Root}.{shown} (\" + {value}.Length + \"), not \" + {bundle}.{member.Path}.Length + \".\", nameof({bundle}));");
            else if (member.IsParameterObject)
                w.Line($"if (this.{member.Path}.Grad.Length != {value}.Length) throw new global::System.ArgumentException(\"{shown}.Grad must have the length of {shown}.Data (\" + {value}.Length + \"), not \" + this.{member.Path}.Grad.Length + \".\");");
        }
    }
}
