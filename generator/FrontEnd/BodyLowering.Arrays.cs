using System.Collections.Generic;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// 2-D (<c>T[,]</c>) and jagged (<c>T[][]</c>) arrays. Each is lowered to one flat variable of its
/// elements in row-major order plus int variables for its shape, so the rest of the pipeline, shadows
/// and tangents included, sees only one-dimensional arrays: <c>a[i, j]</c> is element <c>i * cols + j</c>,
/// <c>b[i][j]</c> is element <c>offsets[i] + j</c>, and a row <c>b[i]</c> is a view of the flat variable
/// from <c>offsets[i]</c> to <c>offsets[i + 1]</c>. Parameters keep their own type in the generated
/// public members (<see cref="ArrayLayout"/>); 2-D and jagged locals are allocated flat.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>A 2-D or jagged array: its flat variable and its shape variables (see <see cref="ArrayLayout"/>).</summary>
    private sealed record MultiArray(int Flat, bool Jagged, int Rows, int Columns);

    private readonly Dictionary<ISymbol, MultiArray> _multiArrays = new(SymbolEqualityComparer.Default);

    /// <summary>Flat variables of jagged arrays: never an array in their own right (<c>b[i]</c> is a row, not an element).</summary>
    private readonly HashSet<int> _jaggedFlats = new();

    /// <summary>The method's 2-D and jagged parameters, in order.</summary>
    public List<ArrayLayout> Layouts { get; } = new();

    /// <summary>A <c>T[,]</c> or <c>T[][]</c> parameter: its flat form and shape parameters. False for other types.</summary>
    private bool TryAddLayoutParameter(IParameterSymbol parameter)
    {
        if (_generic is not null || ArrayLayoutTypes.Of(parameter.Type) is not var (jagged, kind)) return false;
        bool differentiable = kind.IsFloating() && !SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute);
        int flat = AddVariable(parameter, parameter.Name, kind, isParameter: true, differentiable, Shape.ReadOnlySpan);
        int rows = AddShapeVariable(parameter.Name + (jagged ? "_offsets" : "_rows"), isParameter: true, jagged ? Shape.ReadOnlySpan : Shape.Scalar);
        int columns = jagged ? -1 : AddShapeVariable(parameter.Name + "_cols", isParameter: true, Shape.Scalar);
        _multiArrays[parameter] = new MultiArray(flat, jagged, rows, columns);
        if (jagged) _jaggedFlats.Add(flat);
        Layouts.Add(new ArrayLayout(parameter.Name, flat, rows, columns));
        return true;
    }

    private int AddShapeVariable(string name, bool isParameter, Shape shape)
    {
        int index = _variables.Count;
        _variables.Add(new VariableInfo(UniqueName(name), ScalarKind.Int, isParameter, IsDifferentiableParameter: false, IsActive: false, shape));
        if (!isParameter) SyntheticVariables.Add(index);
        return index;
    }

    /// <summary>The 2-D or jagged array <paramref name="operation"/> names, if it names one.</summary>
    private MultiArray? MultiArrayOf(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        ISymbol? symbol = operation switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        return symbol is not null && _multiArrays.TryGetValue(symbol, out var array) ? array : null;
    }

    private static Expr Int(int variable) => new VariableExpr(variable, ScalarKind.Int);

    private static Expr IntLiteral(int value) => new LiteralExpr(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Int);

    /// <summary><c>a[i, j]</c>: element <c>j</c> of the flat variable at offset <c>i * cols</c>; <c>b[i][j]</c>: at offset <c>offsets[i]</c>.</summary>
    private (int Variable, IOperation Index, Expr? Offset)? MultiElementReference(IOperation operation)
    {
        if (operation is not IArrayElementReferenceOperation element) return null;
        if (element.Indices.Length == 2 && MultiArrayOf(element.ArrayReference) is { Jagged: false } matrix)
            return (matrix.Flat, element.Indices[1], new BinaryExpr(BinaryOp.Multiply, Lower(element.Indices[0], null), Int(matrix.Columns), ScalarKind.Int));
        if (element.Indices.Length == 1 && element.ArrayReference is IArrayElementReferenceOperation { Indices.Length: 1 } row && MultiArrayOf(row.ArrayReference) is { Jagged: true } jagged)
            return (jagged.Flat, element.Indices[0], new ElementExpr(jagged.Rows, Lower(row.Indices[0], null), ScalarKind.Int));
        return null;
    }

    /// <summary>
    /// Shapes: <c>a.GetLength(d)</c>, <c>b.Length</c> (rows of a jagged array), <c>b[i].Length</c>; and a
    /// row used as a value, which is reported. Null when <paramref name="operation"/> is none of these.
    /// </summary>
    private Expr? LowerArrayShape(IOperation operation, List<Stmt>? lift)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "GetLength", Instance: { } instance, Arguments.Length: 1 } call when MultiArrayOf(instance) is { } array:
            {
                if (call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: int dimension } || dimension < 0 || dimension > (array.Jagged ? 0 : 1))
                {
                    Report(ProblemKind.UnsupportedExpression, call, $"GetLength with a dimension other than {(array.Jagged ? "the constant 0" : "the constants 0 and 1")}");
                    return Invalid;
                }
                return array.Jagged ? JaggedRowCount(array) : Int(dimension == 0 ? array.Rows : array.Columns);
            }
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } when MultiArrayOf(instance) is { Jagged: true } jagged:
                return JaggedRowCount(jagged);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } when JaggedRow(instance, lift, steadyVariables: true) is { } row:
                return row.Length;
            case IArrayElementReferenceOperation { Indices.Length: 1 } row when MultiArrayOf(row.ArrayReference) is { Jagged: true }:
                Report(ProblemKind.UnsupportedExpression, operation, "a row of a jagged array used as a value (read its elements b[i][j], name it with 'var row = b[i];', or pass it to a [Differentiable] helper)");
                return Invalid;
            default:
                return null;
        }
    }

    /// <summary><c>offsets.Length - 1</c>.</summary>
    private static Expr JaggedRowCount(MultiArray jagged)
        => new BinaryExpr(BinaryOp.Subtract, new LengthExpr(jagged.Rows), IntLiteral(1), ScalarKind.Int);

    /// <summary>Whether <paramref name="value"/> is a row <c>b[i]</c> of a jagged array (nothing is lowered).</summary>
    private bool IsJaggedRow(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        return value is IArrayElementReferenceOperation { Indices.Length: 1 } row && MultiArrayOf(row.ArrayReference) is { Jagged: true };
    }

    /// <summary>
    /// <c>b[i]</c> of a jagged array: the view of its row, from <c>offsets[i]</c> for
    /// <c>offsets[i + 1] - offsets[i]</c> elements. With <paramref name="into"/>, the row's bounds are
    /// evaluated once, there (read where <paramref name="steadyVariables"/> allows).
    /// </summary>
    private ArrayView? JaggedRow(IOperation value, List<Stmt>? into, bool steadyVariables)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        if (value is not IArrayElementReferenceOperation { Indices.Length: 1 } row || MultiArrayOf(row.ArrayReference) is not { Jagged: true } jagged) return null;
        var index = Lower(row.Indices[0], into);
        if (into is not null) index = Evaluated(index, "row", into, steadyVariables);
        Expr start = new ElementExpr(jagged.Rows, index, ScalarKind.Int);
        Expr length = new BinaryExpr(BinaryOp.Subtract, new ElementExpr(jagged.Rows, new BinaryExpr(BinaryOp.Add, index, IntLiteral(1), ScalarKind.Int), ScalarKind.Int), start, ScalarKind.Int);
        if (into is not null)
        {
            start = Evaluated(start, "offset", into, steadyVariables);
            length = Evaluated(length, "length", into, steadyVariables);
        }
        return new ArrayView(jagged.Flat, start, length);
    }

    /// <summary>
    /// Locals: <c>var row = b[i];</c> (a view of the row), <c>double[,] c = new double[n, m];</c> (a flat
    /// array of n * m elements), <c>double[][] d = new double[n][];</c> (BodyLowering.JaggedLocals.cs);
    /// higher-rank locals are reported. False for other locals.
    /// </summary>
    private bool TryLowerArrayLocal(ILocalSymbol local, IVariableInitializerOperation? initializer, IOperation declarator, List<Stmt> into)
    {
        if (initializer?.Value is { } value && !local.IsRef && IsJaggedRow(value))
        {
            _views[local] = JaggedRow(value, into, steadyVariables: false)!;
            return true;
        }
        if (ArrayLayoutTypes.Refusal(local.Type, _generic is not null) is { } refusal)
        {
            Report(ProblemKind.UnsupportedType, declarator, $"local '{local.Name}' of type '{local.Type.ToDisplayString()}'{refusal}");
            return true;
        }
        if (_generic is not null || ArrayLayoutTypes.Of(local.Type) is not var (jagged, kind)) return false;
        if (jagged)
        {
            LowerJaggedLocal(local, kind, initializer, declarator, into);
            return true;
        }
        var creation = initializer?.Value;
        while (creation is IConversionOperation conversion) creation = conversion.Operand;
        if (creation is not IArrayCreationOperation { DimensionSizes.Length: 2, Initializer: null } sizes)
        {
            Report(ProblemKind.UnsupportedExpression, declarator, $"initializer of 2-D array local '{local.Name}' (use new {kind.Keyword()}[rows, columns])");
            return true;
        }
        int rows = AddShapeVariable(local.Name + "_rows", isParameter: false, Shape.Scalar);
        int columns = AddShapeVariable(local.Name + "_cols", isParameter: false, Shape.Scalar);
        var rowCount = Lower(sizes.DimensionSizes[0], into);
        var columnCount = Lower(sizes.DimensionSizes[1], into);
        into.Add(new AssignStmt(rows, rowCount));
        into.Add(new AssignStmt(columns, columnCount));
        int flat = AddVariable(local, local.Name, kind, isParameter: false, differentiable: false, Shape.Array);
        _multiArrays[local] = new MultiArray(flat, Jagged: false, rows, columns);
        // Sizes that are constants or variables size the storage themselves, so an allocation in a loop
        // whose sizes the loop does not change can move before it (LoopAllocations), as new T[n * m] would.
        static Expr Size(Expr size, int variable) => size is LiteralExpr or VariableExpr ? size : Int(variable);
        into.Add(new AllocateStmt(flat, new BinaryExpr(BinaryOp.Multiply, Size(rowCount, rows), Size(columnCount, columns), ScalarKind.Int), OnStack: false, AddSite(sizes)));
        return true;
    }

    /// <summary><c>foreach (var row in b)</c> over a jagged array: a loop over its rows, <c>row</c> the view of each.</summary>
    private bool TryLowerRowForEach(IForEachLoopOperation loop, IOperation collection, List<Stmt> into)
    {
        if (MultiArrayOf(collection) is not { Jagged: true } jagged) return false;
        if (loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: { } row })
        {
            Report(ProblemKind.UnsupportedStatement, loop, "foreach over a jagged array without a row variable (write foreach (var row in b))");
            return true;
        }
        int position = AddSyntheticVariable(ScalarKind.Int, "rowIndex");
        into.Add(new AssignStmt(position, IntLiteral(0)));
        int id = RegisterLoop(loop);
        var body = new List<Stmt>();
        var start = Evaluated(new ElementExpr(jagged.Rows, Int(position), ScalarKind.Int), "offset", body, steadyVariables: false);
        var end = new ElementExpr(jagged.Rows, new BinaryExpr(BinaryOp.Add, Int(position), IntLiteral(1), ScalarKind.Int), ScalarKind.Int);
        var length = Evaluated(new BinaryExpr(BinaryOp.Subtract, end, start, ScalarKind.Int), "length", body, steadyVariables: false);
        _views[row] = new ArrayView(jagged.Flat, start, length);
        LowerLoopBody(loop.Body, body);
        var condition = new BinaryExpr(BinaryOp.Less, Int(position), JaggedRowCount(jagged), ScalarKind.Bool);
        var increment = new Stmt[] { new AssignStmt(position, new BinaryExpr(BinaryOp.Add, Int(position), IntLiteral(1), ScalarKind.Int)) };
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: false, body.ToArray(), increment));
        return true;
    }
}
