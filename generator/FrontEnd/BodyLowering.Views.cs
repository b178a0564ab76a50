using System.Collections.Generic;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Views: names for part of an array variable. A span local declared from a slice
/// (<c>var row = m.AsSpan(r * d, d)</c>) and a span parameter of an inlined helper are views; reads,
/// writes, <c>Length</c> and further slices through them go to the array at the view's offset, and so
/// do their derivatives (the array's shadow at the same offset).
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>Span and array parameters of the helpers being inlined, and span locals: other names for (parts of) arrays.</summary>
    private readonly Dictionary<ISymbol, ArrayView> _views = new(SymbolEqualityComparer.Default);

    /// <summary><paramref name="Length"/> elements of array variable <paramref name="Array"/> from <paramref name="Offset"/> (null: from 0).</summary>
    private sealed record ArrayView(int Array, Expr? Offset, Expr Length);

    /// <summary>The view a span parameter of an inlined helper or a span local stands for, if <paramref name="operation"/> names one.</summary>
    private ArrayView? View(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        ISymbol? symbol = operation switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        return symbol is not null && _views.TryGetValue(symbol, out var view) ? view : null;
    }

    /// <summary>An element index through a view: the view's offset added.</summary>
    private static Expr Offset(Expr? offset, Expr index)
        => offset is null ? index : new BinaryExpr(BinaryOp.Add, offset, index, ScalarKind.Int);

    /// <summary>A whole view as a call argument: its array when it is all of it (an array parameter stays an array), else the slice.</summary>
    private ArrayRefExpr ViewArgument(ArrayView view)
        => view.Offset is null
            ? new(view.Array, _variables[view.Array].Kind)
            : new(view.Array, _variables[view.Array].Kind, view.Offset, view.Length, _variables[view.Array].Shape == Shape.Array);

    /// <summary>
    /// The view an array argument denotes: a whole array variable, <c>a.AsSpan(start, length)</c>,
    /// <c>s.Slice(start, length)</c>, or a view of the helper being inlined, passed on. Start and length
    /// are evaluated once, into fresh locals, as the call would.
    /// </summary>
    /// <param name="steadyVariables">Whether the variables the bounds read keep their values while the view is used (true in an inlined body, which cannot assign the caller's variables).</param>
    private ArrayView? ArgumentView(IOperation value, List<Stmt> into, bool steadyVariables = true)
    {
        if (View(value) is { } passedOn) return passedOn;
        if (JaggedRow(value, into, steadyVariables) is { } row) return row;
        if (ArrayVariable(value) is int whole) return new ArrayView(whole, null, new LengthExpr(whole));
        if (SliceArgument(value, into) is not ArrayRefExpr slice) return null;
        if (slice.Start is not { } start) return new ArrayView(slice.Variable, null, new LengthExpr(slice.Variable)); // a.AsSpan(): all of it
        var offset = Evaluated(start, "offset", into, steadyVariables);
        return new ArrayView(slice.Variable, offset, Evaluated(slice.Length ?? new BinaryExpr(BinaryOp.Subtract, new LengthExpr(slice.Variable), offset, ScalarKind.Int), "length", into, steadyVariables));
    }

    /// <summary>An int value evaluated once: a literal (or a steady variable) as itself, anything else into a fresh local.</summary>
    private Expr Evaluated(Expr value, string name, List<Stmt> into, bool steadyVariables)
    {
        if (value is LiteralExpr || (steadyVariables && value is VariableExpr)) return value;
        int local = AddSyntheticVariable(ScalarKind.Int, name);
        into.Add(new AssignStmt(local, value));
        return new VariableExpr(local, ScalarKind.Int);
    }

    /// <summary>
    /// <c>var row = m.AsSpan(r * d, d);</c>, <c>ReadOnlySpan&lt;double&gt; tail = s.Slice(1);</c>: a span local
    /// naming part of an array (or of another such span) is that part: reads, writes, <c>Length</c> and
    /// further slices go to the array at the offset, and so do their derivatives. Its bounds are
    /// evaluated where it is declared.
    /// </summary>
    private bool TryLowerSpanView(ILocalSymbol local, Shape shape, IVariableInitializerOperation? initializer, List<Stmt> into)
    {
        if (shape is not (Shape.Span or Shape.ReadOnlySpan) || local.IsRef || initializer?.Value is not { } value) return false;
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        if (View(value) is null && ArrayVariable(value) is null && value is not IInvocationOperation { TargetMethod.Name: "AsSpan" or "Slice" }) return false;
        if (ArgumentView(value, into, steadyVariables: false) is not { } view)
        {
            Report(ProblemKind.UnsupportedExpression, value, $"initializer of span local '{local.Name}' (use a.AsSpan(start, length), s.Slice(start, length), an array or span variable, or stackalloc)");
            return true;
        }
        _views[local] = view;
        return true;
    }
}
