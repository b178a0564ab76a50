using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// How the generated members of an instance method reach their object's state: values bound from
/// <c>this</c> at entry, derivatives through the object's nested <c>Tangent</c> (a bundle argument) or,
/// for <c>Parameter&lt;T&gt;</c> members, their own <c>.Grad</c>.
/// </summary>
internal static class ReceiverState
{
    /// <summary>The generated nested type holding one derivative per differentiable member.</summary>
    public const string TangentType = "Tangent";

    /// <summary>Indices of the variables bound from the receiver.</summary>
    public static IEnumerable<int> Members(MethodIr ir)
        => Enumerable.Range(0, ir.ParameterCount).Where(i => ir.Variables[i].Receiver is not null);

    /// <summary>Whether the variable is an argument of the generated members (not bound from the receiver).</summary>
    public static bool TakesArgument(VariableInfo variable) => variable.Receiver is null;

    /// <summary>The receiver's value of a member, as code: <c>this.w</c>, or <c>this.W.Data</c> for a <c>Parameter&lt;T&gt;</c>.</summary>
    public static string Value(ReceiverMember member)
        => "this." + Identifiers.Escape(member.Name) + (member.IsParameterObject ? ".Data" : "");

    /// <summary>Whether forward mode needs a <c>Tangent</c> argument (the direction of the object's state).</summary>
    public static bool NeedsForwardBundle(MethodIr ir)
        => Members(ir).Any(i => ir.Variables[i].IsDifferentiableParameter);

    /// <summary>
    /// One public shape of reverse mode for an instance method: the object's derivative in a
    /// <c>Tangent</c> argument (<paramref name="Bundle"/>), or, when all of its differentiable state is
    /// <c>Parameter&lt;T&gt;</c>, in each parameter's <c>.Grad</c> (no argument).
    /// </summary>
    /// <param name="ShadowArguments">What the reverse body gets for the object's shadows, in member order.</param>
    /// <param name="GradientParameter">The declaration {M}Gradient adds (out for a struct), if any.</param>
    /// <param name="PullbackParameter">The declaration {M}Pullback adds (ref for a struct), if any.</param>
    public sealed record ReverseForm(string? Bundle, IReadOnlyList<string> ShadowArguments, string? GradientParameter, string? PullbackParameter);

    /// <summary>
    /// The reverse-mode forms of a method: one without the object for a static method or an object with no
    /// differentiable state; else the <c>Tangent</c> form, and, for state that is all <c>Parameter&lt;T&gt;</c>,
    /// also the <c>.Grad</c> form (torch's <c>backward()</c>; a data-parallel trainer uses a Tangent per worker).
    /// </summary>
    public static IReadOnlyList<ReverseForm> ReverseForms(MethodIr ir, string bundle)
    {
        var members = Members(ir).Where(i => ir.Variables[i].IsDifferentiableParameter).Select(i => ir.Variables[i]).ToList();
        if (members.Count == 0) return new[] { new ReverseForm(null, Array.Empty<string>(), null, null) };
        bool valueType = ir.Receiver!.IsValueType;
        var forms = new List<ReverseForm>
        {
            new(bundle,
                members.Select(v => (v.IsScalar ? "ref " : "") + BundleMember(v, bundle)).ToList(),
                (valueType ? "out " : "") + TangentType + " " + bundle,
                (valueType ? "ref " : "") + TangentType + " " + bundle),
        };
        if (members.All(v => v.Receiver!.IsParameterObject))
            forms.Add(new ReverseForm(null, members.Select(v => $"this.{Identifiers.Escape(v.Receiver!.Name)}.Grad").ToList(), null, null));
        return forms;
    }

    /// <summary>What a form's docs add about the object's derivative.</summary>
    public static string Docs(ReverseForm form, MethodIr ir)
    {
        if (!ir.IsInstance || form.ShadowArguments.Count == 0) return "";
        return form.Bundle is null
            ? " The object's derivative is added to each of its parameters' <c>Grad</c>."
            : ir.Receiver!.IsValueType
                ? $" The object's derivative is returned in <paramref name=\"{form.Bundle}\"/> (the Pullback adds to it)."
                : $" The object's derivative is added to <paramref name=\"{form.Bundle}\"/>, one member per differentiable member.";
    }

    /// <summary>The bundle's member holding a member's tangent or adjoint, as code.</summary>
    public static string BundleMember(VariableInfo variable, string bundle)
        => $"{bundle}.{Identifiers.Escape(variable.Receiver!.Name)}";

    /// <summary>
    /// Throws <c>ArgumentException</c> naming the bundle (or the <c>Parameter&lt;T&gt;</c>) when a derivative
    /// array's length differs from its member's: the bundle was made for another object, or the member's
    /// array was replaced since.
    /// </summary>
    public static void WriteLengthChecks(IndentedWriter w, MethodIr ir, string? bundle)
    {
        if (bundle is not null && !ir.Receiver!.IsValueType) w.Line($"global::System.ArgumentNullException.ThrowIfNull({bundle});");
        foreach (int i in Members(ir))
        {
            var variable = ir.Variables[i];
            if (!variable.IsDifferentiableParameter || variable.IsScalar) continue;
            string value = Value(variable.Receiver!);
            string name = Identifiers.Escape(variable.Receiver!.Name);
            if (bundle is null)
                w.Line($"if (this.{name}.Grad.Length != {value}.Length) throw new global::System.ArgumentException(\"{Identifiers.Bare(name)}.Grad must have the length of {Identifiers.Bare(name)}.Data (\" + {value}.Length + \"), not \" + this.{name}.Grad.Length + \".\");");
            else
                w.Line($"if ({bundle}.{name}.Length != {value}.Length) throw new global::System.ArgumentException(\"{bundle}.{Identifiers.Bare(name)} must have the length of this object's {Identifiers.Bare(name)} (\" + {value}.Length + \"), not \" + {bundle}.{name}.Length + \".\", nameof({bundle}));");
        }
    }
}
