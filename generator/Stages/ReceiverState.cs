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

    /// <summary>Declares each receiver variable and binds it to its member's value (read once, at entry).</summary>
    public static void WriteBindings(IndentedWriter w, MethodIr ir)
    {
        foreach (int i in Members(ir))
            w.Line($"{ir.Variables[i].TypeName} {ir.Variables[i].Name} = {Value(ir.Variables[i].Receiver!)};");
    }

    /// <summary>Whether reverse mode needs a <c>Tangent</c> argument: a differentiable member that is not a <c>Parameter&lt;T&gt;</c>.</summary>
    public static bool NeedsReverseBundle(MethodIr ir)
        => Members(ir).Any(i => ir.Variables[i].IsDifferentiableParameter && !ir.Variables[i].Receiver!.IsParameterObject);

    /// <summary>Whether forward mode needs a <c>Tangent</c> argument (the direction of the object's state).</summary>
    public static bool NeedsForwardBundle(MethodIr ir)
        => Members(ir).Any(i => ir.Variables[i].IsDifferentiableParameter);

    /// <summary>
    /// The argument passed for a member's shadow to the reverse body: the <c>Parameter&lt;T&gt;</c>'s
    /// <c>.Grad</c>, or the bundle's member (by reference for a scalar).
    /// </summary>
    public static string ShadowArgument(VariableInfo variable, string bundle)
    {
        var member = variable.Receiver!;
        string name = Identifiers.Escape(member.Name);
        if (member.IsParameterObject) return $"this.{name}.Grad";
        return variable.IsScalar ? $"ref {bundle}.{name}" : $"{bundle}.{name}";
    }

    /// <summary>The bundle's member holding a member's tangent or adjoint, as code.</summary>
    public static string BundleMember(VariableInfo variable, string bundle)
        => $"{bundle}.{Identifiers.Escape(variable.Receiver!.Name)}";

    /// <summary>
    /// Throws <c>ArgumentException</c> naming the bundle (or the <c>Parameter&lt;T&gt;</c>) when a derivative
    /// array's length differs from its member's: the bundle was made for another object, or the member's
    /// array was replaced since.
    /// </summary>
    public static void WriteLengthChecks(IndentedWriter w, MethodIr ir, string? bundle, bool parameterGradients)
    {
        if (bundle is not null && !ir.Receiver!.IsValueType) w.Line($"global::System.ArgumentNullException.ThrowIfNull({bundle});");
        foreach (int i in Members(ir))
        {
            var variable = ir.Variables[i];
            if (!variable.IsDifferentiableParameter || variable.IsScalar) continue;
            string value = Value(variable.Receiver!);
            string name = Identifiers.Escape(variable.Receiver!.Name);
            if (variable.Receiver!.IsParameterObject && parameterGradients)
                w.Line($"if (this.{name}.Grad.Length != {value}.Length) throw new global::System.ArgumentException(\"{Identifiers.Bare(name)}.Grad must have the length of {Identifiers.Bare(name)}.Data (\" + {value}.Length + \"), not \" + this.{name}.Grad.Length + \".\");");
            else if (bundle is not null && (!variable.Receiver!.IsParameterObject || !parameterGradients))
                w.Line($"if ({bundle}.{name}.Length != {value}.Length) throw new global::System.ArgumentException(\"{bundle}.{Identifiers.Bare(name)} must have the length of this object's {Identifiers.Bare(name)} (\" + {value}.Length + \"), not \" + {bundle}.{name}.Length + \".\", nameof({bundle}));");
        }
    }
}
