using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Jagged locals: <c>var m = new T[n][];</c> followed, in the same block, by a <c>for</c> loop whose body
/// allocates the rows (<c>m[i] = new T[length];</c>, <c>i</c> the loop variable). Like a jagged parameter,
/// such a local is one flat array of its elements in row-major order plus an int array of row offsets
/// (<c>n + 1</c> of them, allocated at the declaration). The rows' lengths are computed by a copy of the
/// loop's header run just before the loop, so the flat array is allocated once with all rows in it and
/// each row allocation in the loop has nothing left to do. This needs lengths the loop body cannot change:
/// the loop's condition, step and each row's length read no variable the body writes.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>A row allocation the sizing pass before its loop accounts for: the jagged local, the row's index and length, the declaration's site.</summary>
    private sealed record RowAllocation(MultiArray Array, IOperation Index, IOperation Length, int Site);

    /// <summary>
    /// Loops that allocate the rows of jagged locals declared before them, keyed by the loop (operations compare
    /// by reference), then by the local; consumed where the loop is lowered (a helper lowered in place twice
    /// registers its loop again).
    /// </summary>
    private readonly Dictionary<IOperation, Dictionary<ILocalSymbol, RowAllocation>> _rowSizingLoops = new();

    /// <summary>The row allocation statements accounted for by a sizing pass (by reference): they lower to nothing.</summary>
    private readonly HashSet<IOperation> _sizedRowAllocations = new();

    /// <summary>Flat variables of jagged locals (not parameters); forgotten with them by <c>Rollback</c>.</summary>
    private readonly HashSet<int> _jaggedLocalFlats = new();

    /// <summary>Jagged locals already reported: their rows' assignments are not reported again.</summary>
    private readonly HashSet<int> _refusedJaggedLocals = new();

    private static string JaggedLocalForm(string name, ScalarKind kind)
        => $"after the declaration, in the same block: for (int i = 0; i < n; i++) {name}[i] = new {kind.Keyword()}[length];";

    /// <summary><c>T[][] m = new T[n][];</c>: its offsets allocated here, its rows found in the loop that allocates them.</summary>
    private void LowerJaggedLocal(ILocalSymbol local, ScalarKind kind, IVariableInitializerOperation? initializer, IOperation declarator, List<Stmt> into)
    {
        // Registered even when refused, so that its uses are read as a jagged array's and not reported again.
        int offsets = AddShapeVariable(local.Name + "_offsets", isParameter: false, Shape.Array);
        int flat = AddVariable(local, local.Name, kind, isParameter: false, differentiable: false, Shape.Array);
        var array = new MultiArray(flat, Jagged: true, offsets, -1);
        _multiArrays[local] = array;
        _jaggedFlats.Add(flat);
        _jaggedLocalFlats.Add(flat);

        var creation = initializer?.Value;
        while (creation is IConversionOperation conversion) creation = conversion.Operand;
        if (creation is not IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } rows)
        {
            Report(ProblemKind.UnsupportedType, declarator, $"initializer of jagged local '{local.Name}' (write new {kind.Keyword()}[rows][] and allocate the rows in a for loop {JaggedLocalForm(local.Name, kind)})");
            _refusedJaggedLocals.Add(flat);
            return;
        }
        if (SizingLoop(local, declarator) is not { } loop)
        {
            Report(ProblemKind.UnsupportedType, declarator, $"jagged local '{local.Name}' whose rows are not allocated in a loop that lays them out (allocate them in a for loop {JaggedLocalForm(local.Name, kind)} the loop's condition and step and the rows' lengths must not read variables its body changes)");
            _refusedJaggedLocals.Add(flat);
            return;
        }
        var count = Coerce(Lower(rows.DimensionSizes[0], into), ScalarKind.Int, rows.DimensionSizes[0]);
        into.Add(new AllocateStmt(offsets, new BinaryExpr(BinaryOp.Add, count, IntLiteral(1), ScalarKind.Int), OnStack: false, AddSite(rows)));
        if (!_rowSizingLoops.TryGetValue(loop.Loop, out var allocations)) _rowSizingLoops[loop.Loop] = allocations = new Dictionary<ILocalSymbol, RowAllocation>(SymbolEqualityComparer.Default);
        allocations[local] = new RowAllocation(array, loop.Index, loop.Length, AddSite(declarator));
        _sizedRowAllocations.Add(loop.Statement);
    }

    /// <summary>
    /// The first <c>for</c> loop after <paramref name="declarator"/> in its block (or switch section) with <c>m[i] = new T[length];</c>
    /// among its body's statements, <c>i</c> the loop variable, whose condition, step and length read
    /// nothing the body writes (nor <c>m</c>). Null when there is none.
    /// </summary>
    private (IForLoopOperation Loop, IOperation Statement, IOperation Index, IOperation Length)? SizingLoop(ILocalSymbol local, IOperation declarator)
    {
        IOperation? statement = declarator;
        while (statement is not null && statement.Parent is not (IBlockOperation or ISwitchCaseOperation)) statement = statement.Parent;
        var statements = statement?.Parent switch
        {
            IBlockOperation block => block.Operations,
            ISwitchCaseOperation section => section.Body,
            _ => default,
        };
        if (statement is null || statements.IsDefault) return null;
        int at = statements.IndexOf(statement);
        foreach (var later in statements.Skip(at + 1))
        {
            if (later is not IForLoopOperation { Condition: { } condition } loop) continue;
            var body = loop.Body is IBlockOperation bodyBlock ? bodyBlock.Operations : ImmutableArrayOf(loop.Body);
            foreach (var candidate in body)
            {
                if (candidate is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { Indices.Length: 1 } row, Value: var value } }
                    || row.ArrayReference is not ILocalReferenceOperation target || !SymbolEqualityComparer.Default.Equals(target.Local, local)) continue;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                if (value is not IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } allocation
                    || row.Indices[0] is not ILocalReferenceOperation index || !loop.Locals.Contains(index.Local, SymbolEqualityComparer.Default))
                    return null;
                var read = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var part in loop.AtLoopBottom.Append(condition).Append(allocation.DimensionSizes[0]))
                    if (!ReadSymbols(part, local, read)) return null;
                if (WrittenSymbols(loop.Body).Overlaps(read)) return null;
                return (loop, candidate, index, allocation.DimensionSizes[0]);
            }
        }
        return null;
    }

    private static System.Collections.Immutable.ImmutableArray<IOperation> ImmutableArrayOf(IOperation operation)
        => System.Collections.Immutable.ImmutableArray.Create(operation);

    /// <summary>
    /// Adds the locals and parameters <paramref name="operation"/> reads; false when it calls a local function
    /// (which may read anything) or reads <paramref name="jagged"/> other than by its row count.
    /// </summary>
    private static bool ReadSymbols(IOperation operation, ILocalSymbol jagged, HashSet<ISymbol> into)
    {
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is ILocalReferenceOperation { Local: var read } && SymbolEqualityComparer.Default.Equals(read, jagged))
            {
                if (part.Parent is not IPropertyReferenceOperation { Property.Name: "Length" }) return false;
            }
            else if (part is ILocalReferenceOperation local) into.Add(local.Local);
            else if (part is IParameterReferenceOperation parameter) into.Add(parameter.Parameter);
            else if (part is IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }) return false;
        }
        return true;
    }

    /// <summary>The variables <paramref name="body"/> writes, those written by local functions it calls included.</summary>
    private HashSet<ISymbol> WrittenSymbols(IOperation body)
    {
        var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (body.SemanticModel is not { } model) return written;
        void Add(SyntaxNode region)
        {
            var flow = region is ExpressionSyntax expression ? model.AnalyzeDataFlow(expression) : region is StatementSyntax statement ? model.AnalyzeDataFlow(statement) : null;
            if (flow is { Succeeded: true }) written.UnionWith(flow.WrittenInside);
        }
        Add(body.Syntax);
        foreach (var call in body.Descendants().OfType<IInvocationOperation>())
            if (call.TargetMethod.MethodKind == MethodKind.LocalFunction
                && call.TargetMethod.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is LocalFunctionStatementSyntax function)
                Add((SyntaxNode?)function.Body ?? function.ExpressionBody!.Expression);
        return written;
    }

    /// <summary>
    /// Before a loop that allocates the rows of jagged locals: a copy of its header storing each row's length
    /// after the row's offset, a running sum making lengths offsets, and the flat array of all elements.
    /// </summary>
    private void LowerRowSizing(IForLoopOperation loop, List<Stmt> into)
    {
        if (!_rowSizingLoops.TryGetValue(loop, out var registered)) return;
        _rowSizingLoops.Remove(loop);
        var allocations = registered.Values.ToList();
        foreach (var before in loop.Before) LowerStatement(before, into);
        int id = _nextLoopId++;
        var condition = LowerCondition(loop.Condition!);
        var body = new List<Stmt>();
        foreach (var allocation in allocations)
        {
            var index = Lower(allocation.Index, body);
            var length = Coerce(Lower(allocation.Length, body), ScalarKind.Int, allocation.Length);
            body.Add(new StoreStmt(allocation.Array.Rows, new BinaryExpr(BinaryOp.Add, index, IntLiteral(1), ScalarKind.Int), length));
        }
        var increment = new List<Stmt>();
        foreach (var step in loop.AtLoopBottom) LowerStatement(step, increment);
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: false, body.ToArray(), increment.ToArray()));
        foreach (var allocation in allocations)
        {
            int offsets = allocation.Array.Rows;
            int row = AddSyntheticVariable(ScalarKind.Int, "row");
            into.Add(new AssignStmt(row, IntLiteral(0)));
            var next = new BinaryExpr(BinaryOp.Add, Int(row), IntLiteral(1), ScalarKind.Int);
            var sum = new BinaryExpr(BinaryOp.Add, new ElementExpr(offsets, next, ScalarKind.Int), new ElementExpr(offsets, Int(row), ScalarKind.Int), ScalarKind.Int);
            into.Add(new LoopStmt(_nextLoopId++, new BinaryExpr(BinaryOp.Less, Int(row), JaggedRowCount(allocation.Array), ScalarKind.Bool),
                ConditionAtEnd: false, new Stmt[] { new StoreStmt(offsets, next, sum) }, new Stmt[] { new AssignStmt(row, next) }));
            var total = new ElementExpr(offsets, JaggedRowCount(allocation.Array), ScalarKind.Int);
            // Inside another loop this length is not steady: the allocation is refused there (DG0001) like any such one.
            into.Add(new AllocateStmt(allocation.Array.Flat, total, OnStack: false, allocation.Site));
        }
    }

    /// <summary>
    /// <c>m[i] = value;</c> on a jagged local: nothing for a row allocation its loop's sizing pass accounts for,
    /// reported otherwise. False when the target is not a row of a jagged local.
    /// </summary>
    private bool TryLowerJaggedRowAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IArrayElementReferenceOperation { Indices.Length: 1 } row
            || MultiArrayOf(row.ArrayReference) is not { Jagged: true } array || !_jaggedLocalFlats.Contains(array.Flat)) return false;
        if (_refusedJaggedLocals.Contains(array.Flat) || (assignment.Parent is IExpressionStatementOperation statement && _sizedRowAllocations.Contains(statement))) return true;
        string name = row.ArrayReference.Syntax.ToString();
        Report(ProblemKind.UnsupportedWrite, assignment, $"a row of jagged local '{name}' (its rows are allocated once, in a for loop {JaggedLocalForm(name, _variables[array.Flat].Kind)} write their elements, {name}[i][j] = value)");
        return true;
    }
}
