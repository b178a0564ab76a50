using System.Collections.Generic;
using System.Globalization;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// A method returning a tuple of numbers (<c>(double R, double Theta) Polar(double x, double y)</c>) is lowered as a
/// void method writing the tuple's elements, in order, to a synthetic output span: reverse mode then seeds each element
/// and forward mode gives each element's tangent through the span-output machinery, unchanged, and the generated public
/// members take and return tuples (<c>Stages.TupleResultWrappers</c>).
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The synthetic output holding a tuple result, when the method returns one.</summary>
    private int? _tupleResult;

    /// <summary>Adds the output span of a tuple result (after the method's parameters, before any local).</summary>
    public void AddTupleResult(ScalarKind kind)
    {
        _tupleResult = _variables.Count;
        _variables.Add(new VariableInfo(UniqueName("result"), kind, IsParameter: true, IsDifferentiableParameter: false, IsActive: false, Shape.Span, IsOutput: true));
    }

    /// <summary><c>return (a, b);</c> (or a tuple local) of a tuple-returning method: the elements stored to the output, then a plain return.</summary>
    private bool TryLowerTupleReturn(IOperation value, List<Stmt> into)
    {
        if (_tupleResult is not int result) return false;
        if (TupleValues(value, into) is not { } values) return true;
        var kind = _variables[result].Kind;
        for (int i = 0; i < values.Count; i++)
            into.Add(new StoreStmt(result, new LiteralExpr(i.ToString(CultureInfo.InvariantCulture), ScalarKind.Int), Coerce(values[i], kind, value)));
        into.Add(new ReturnStmt(null));
        return true;
    }
}
