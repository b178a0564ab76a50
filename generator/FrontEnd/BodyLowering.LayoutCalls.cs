using System.Collections.Generic;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Calls of <c>[Differentiable]</c> methods taking 2-D (<c>T[,]</c>) or jagged (<c>T[][]</c>) arrays. The
/// callee's derivative bodies take each such array in its flat form (the elements in row-major order,
/// then the rows and columns, or the row offsets; see <see cref="ArrayLayout"/>), as private overloads
/// beside the public members: a caller in the same type passes its own flat form of a 2-D or jagged
/// parameter or local, with its shadow, so no array is rebuilt or packed at the call.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The type of the method being lowered: the generated code of its calls lives there.</summary>
    public INamedTypeSymbol? ContainingType { get; set; }

    /// <summary>The roles of a callee parameter's arguments: one, or for a 2-D or jagged array its flat form's (elements, then shape data).</summary>
    private IEnumerable<ArgumentRole> ArgumentRoles(IParameterSymbol parameter)
    {
        if (ArrayLayoutTypes.Of(parameter.Type) is not var (jagged, kind))
        {
            yield return SymbolFacts.IsDifferentiableParameter(parameter, _generic) ? ArgumentRole.Input : ArgumentRole.Data;
            yield break;
        }
        yield return kind.IsFloating() && !SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute) ? ArgumentRole.Input : ArgumentRole.Data;
        yield return ArgumentRole.Data; // rows, or the row offsets
        if (!jagged) yield return ArgumentRole.Data; // columns
    }

    /// <summary>Why a callee's flat-form members cannot be called for its 2-D or jagged parameter, or null.</summary>
    private string? LayoutCalleeProblem(IMethodSymbol callee, IParameterSymbol parameter)
    {
        if (callee.ReturnsVoid) return $"takes the 2-D or jagged array '{parameter.Name}' and returns void (its derivatives are not generated: return double or float)";
        for (var type = ContainingType; type is not null; type = type.ContainingType)
            if (SymbolEqualityComparer.Default.Equals(type, callee.ContainingType)) return null;
        return $"takes the 2-D or jagged array '{parameter.Name}' and is declared in another type (its derivatives for such arrays are private to its type: declare it in the caller's type, or take a flat array and compute the index)";
    }

    /// <summary>A 2-D or jagged parameter or local passed whole: its flat form. False after reporting anything else.</summary>
    private bool TryAddLayoutArguments(IArgumentOperation argument, IOperation value, List<Expr> arguments)
    {
        if (MultiArrayOf(value) is not { } array)
        {
            Report(ProblemKind.UnsupportedExpression, argument, $"a 2-D or jagged argument other than a parameter or local of this method, passed to '{argument.Parameter!.ContainingSymbol.Name}' (pass the array variable itself)");
            return false;
        }
        arguments.Add(new ArrayRefExpr(array.Flat, _variables[array.Flat].Kind));
        if (array.Jagged)
        {
            arguments.Add(new ArrayRefExpr(array.Rows, ScalarKind.Int));
        }
        else
        {
            arguments.Add(Int(array.Rows));
            arguments.Add(Int(array.Columns));
        }
        return true;
    }
}
