using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Which methods get <c>{M}Jacobian</c>: a static method returning <c>void</c> that writes <c>Span&lt;T&gt;</c> outputs,
/// reads no objects, has forward mode (<c>{M}Tangent</c>, for the columns; <c>{M}Pullback</c> gives the rows) and at
/// least one differentiable parameter, its differentiable parameters and outputs all of one element type (the matrix
/// has one). A method returning a scalar gets none: its Jacobian is the one row <c>{M}Gradient</c> writes.
/// </summary>
public static class JacobianSupport
{
    /// <summary>Whether <paramref name="ir"/> gets <c>{M}Jacobian</c>.</summary>
    public static bool Applies(MethodIr ir)
    {
        if (!ir.ReturnsVoid || ir.ReadsObjects || !ir.HasForwardMode) return false;
        var inputs = Inputs(ir).ToList();
        var outputs = Outputs(ir).ToList();
        if (inputs.Count == 0 || outputs.Count == 0) return false;
        var kind = outputs[0].Kind;
        return kind.IsFloating() && inputs.Concat(outputs).All(v => v.Kind == kind);
    }

    /// <summary>The method's own parameters, in order.</summary>
    public static IEnumerable<VariableInfo> Parameters(MethodIr ir) => ir.Variables.Take(ir.ParameterCount).Where(ObjectState.TakesArgument);

    /// <summary>The differentiable inputs, in parameter order: the columns of the Jacobian (a scalar one, an array its elements).</summary>
    public static IEnumerable<VariableInfo> Inputs(MethodIr ir) => Parameters(ir).Where(v => v.IsDifferentiableParameter);

    /// <summary>The outputs, in parameter order: the rows of the Jacobian (each element one).</summary>
    public static IEnumerable<VariableInfo> Outputs(MethodIr ir) => Parameters(ir).Where(v => v.IsOutput);
}
