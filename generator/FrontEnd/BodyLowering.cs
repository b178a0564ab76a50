using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Lowers a method body's <see cref="IOperation"/> tree to IR statements. Anything outside the
/// supported subset becomes a <see cref="FrontEndProblem"/> at its location, never an exception.
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, int> _variableIndex = new(SymbolEqualityComparer.Default);
    private readonly List<VariableInfo> _variables = new();
    private readonly HashSet<string> _names = new();
    private readonly Dictionary<ILabelSymbol, int> _loopByBreakLabel = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILabelSymbol, int> _loopByContinueLabel = new(SymbolEqualityComparer.Default);
    private int _nextLoopId;

    private readonly GenericMath? _generic;

    /// <param name="generic">For a generic-math method: the instantiation being lowered.</param>
    /// <param name="inlineHelpers">Whether small helpers called in loops are lowered in place (see BodyLowering.Inlining.cs).</param>
    public BodyLowering(CancellationToken cancellationToken, GenericMath? generic = null, bool inlineHelpers = true)
    {
        _cancellationToken = cancellationToken;
        _generic = generic;
        _inlineHelpers = inlineHelpers;
    }

    public List<FrontEndProblem> Problems { get; } = new();

    /// <summary>Source locations referred to by <c>Site</c> fields of the IR, for diagnostics found after lowering.</summary>
    public List<Location> Sites { get; } = new();

    public IReadOnlyList<VariableInfo> Variables => _variables;

    /// <summary>
    /// Where each comparison of the IR is in source, keyed by the node itself (by reference: two equal
    /// comparisons at different places stay apart). Kept beside the IR, never in it, so the IR's
    /// equality, and with it incremental caching, does not depend on source positions.
    /// </summary>
    public Dictionary<Expr, Location> ComparisonSites { get; } = new(ReferenceComparer.Instance);

    /// <summary>Variables the lowering introduced (lifted conditionals, foreach indices): no name in source.</summary>
    public HashSet<int> SyntheticVariables { get; } = new();

    public void AddParameter(IParameterSymbol parameter)
    {
        if (TryAddVectorParameter(parameter)) return;
        if (TryAddTupleParameter(parameter)) return;
        if (TryAddLayoutParameter(parameter)) return;
        if (DifferentiableTypes.IsDifferentiableType(parameter.Type, _cancellationToken) is INamedTypeSymbol objectType)
        {
            AddObjectParameter(parameter, objectType);
            return;
        }
        bool differentiable = SymbolFacts.IsDifferentiableParameter(parameter, _generic);
        var (shape, kind) = SymbolFacts.ShapeOf(parameter.Type, _generic);
        if (SymbolFacts.IsOutputParameter(parameter, _generic))
        {
            // A result of a void method: written, seeded in the pullback, no shadow of its own.
            int index = AddVariable(parameter, parameter.Name, kind, isParameter: true, differentiable: false, shape);
            _variables[index] = _variables[index] with { IsOutput = true };
            return;
        }
        AddVariable(parameter, parameter.Name, kind, isParameter: true, differentiable, shape);
    }

    public List<Stmt> LowerBody(IOperation body)
    {
        var statements = new List<Stmt>();
        LowerStatement(body, statements);
        CheckUsesAfterRelease(body);
        return statements;
    }

    // ---------------------------------------------------------------- statements

    private void LowerStatement(IOperation operation, List<Stmt> into)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IBlockOperation block:
                foreach (var child in block.Operations) LowerStatement(child, into);
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                    foreach (var declarator in declaration.Declarators) LowerDeclarator(declarator, into);
                break;
            case IExpressionStatementOperation statement:
                LowerExpressionStatement(statement.Operation, into);
                break;
            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }:
                if (!TryLowerTupleReturn(value, into)) into.Add(new ReturnStmt(LowerValue(value, into)));
                break;
            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: null }:
                into.Add(new ReturnStmt(null));
                break;
            case IConditionalOperation conditional when conditional.Type is null:
                LowerIf(conditional, into);
                break;
            case ISwitchOperation switchOperation:
                LowerSwitch(switchOperation, into);
                break;
            case IThrowOperation throwOperation:
                LowerThrow(throwOperation, into);
                break;
            case IForLoopOperation forLoop:
                LowerFor(forLoop, into);
                break;
            case IWhileLoopOperation whileLoop:
                LowerWhile(whileLoop, into);
                break;
            case IBranchOperation branch:
                LowerBranch(branch, into);
                break;
            case IForEachLoopOperation forEach:
                LowerForEach(forEach, into);
                break;
            case IEmptyOperation:
            case ILocalFunctionOperation: // lowered where it is called
                break;
            case ITryOperation tryStatement when TryLowerPooledTry(tryStatement, into):
                break;
            default:
                // Point at the keyword (switch, try, foreach, ...), not at the whole block.
                Problems.Add(new FrontEndProblem(ProblemKind.UnsupportedStatement, operation.Syntax.GetFirstToken().GetLocation(), Describe(operation)));
                break;
        }
    }

    private void LowerDeclarator(IVariableDeclaratorOperation declarator, List<Stmt> into)
    {
        var local = declarator.Symbol;
        if (TryLowerTupleDeclarator(local, declarator.GetVariableInitializer() ?? declarator.Initializer, into)) return;
        if (TryLowerVectorDeclarator(local, declarator.GetVariableInitializer() ?? declarator.Initializer, into)) return;
        if (TryLowerComplexDeclarator(local, declarator.GetVariableInitializer() ?? declarator.Initializer, into)) return;
        if (TryLowerArrayLocal(local, declarator.GetVariableInitializer() ?? declarator.Initializer, declarator, into)) return;
        var (shape, kind) = SymbolFacts.ShapeOf(local.Type, _generic);
        if (TryLowerSpanView(local, shape, declarator.GetVariableInitializer() ?? declarator.Initializer, into)) return;
        if (kind == ScalarKind.Other || local.IsRef || (shape == Shape.ReadOnlySpan))
        {
            Report(ProblemKind.UnsupportedType, declarator, $"local '{local.Name}' of type '{local.Type.ToDisplayString()}'");
            return;
        }
        int index = AddVariable(local, local.Name, kind, isParameter: false, differentiable: false, shape);
        var initializer = declarator.GetVariableInitializer() ?? declarator.Initializer;
        if (shape != Shape.Scalar)
        {
            LowerAllocation(index, initializer?.Value, declarator, into);
            return;
        }
        if (initializer is not null) into.Add(new AssignStmt(index, Coerce(LowerValue(initializer.Value, into), kind, initializer.Value)));
    }

    /// <summary>
    /// An array or span local must get its storage where it is declared, from <c>new T[n]</c> (optionally
    /// with an initializer), <c>stackalloc T[n]</c> or <c>ArrayPool&lt;T&gt;.Shared.Rent(n)</c>, and keep it: its
    /// shadow is allocated beside it.
    /// </summary>
    private void LowerAllocation(int variable, IOperation? value, IOperation site, List<Stmt> into)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        var kind = _variables[variable].Kind;
        switch (value)
        {
            case IArrayCreationOperation { DimensionSizes.Length: 1 } creation:
            {
                into.Add(new AllocateStmt(variable, Lower(creation.DimensionSizes[0], null), OnStack: false, AddSite(site)));
                if (creation.Initializer is { } elements)
                    for (int i = 0; i < elements.ElementValues.Length; i++)
                        into.Add(new StoreStmt(variable, new LiteralExpr(i.ToString(CultureInfo.InvariantCulture), ScalarKind.Int), Coerce(LowerValue(elements.ElementValues[i], into), kind, elements.ElementValues[i])));
                return;
            }
            case { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.StackAllocArrayCreationExpressionSyntax stackAlloc }
                when stackAlloc.Type is Microsoft.CodeAnalysis.CSharp.Syntax.ArrayTypeSyntax { RankSpecifiers.Count: 1 } arrayType
                     && arrayType.RankSpecifiers[0].Sizes.Count == 1
                     && value.SemanticModel?.GetOperation(arrayType.RankSpecifiers[0].Sizes[0], _cancellationToken) is { } size
                     && stackAlloc.Initializer is null:
                into.Add(new AllocateStmt(variable, Lower(size, null), OnStack: true, AddSite(site)));
                return;
            case IInvocationOperation rent when PoolMethod(rent) == "Rent":
                LowerRent(variable, rent, site, into);
                return;
            case ILocalReferenceOperation when ArrayVariable(value) is int source && _pooled.Contains(source):
                ReportPooled(value, $"'{_variables[variable].Name}' is another name for rented array '{_variables[source].Name}'; use '{_variables[source].Name}' itself");
                return;
            default:
                Report(ProblemKind.UnsupportedExpression, value ?? site, $"initializer of array or span local '{_variables[variable].Name}' (use new {kind.Keyword()}[n], stackalloc {kind.Keyword()}[n] or ArrayPool<{kind.Keyword()}>.Shared.Rent(n))");
                return;
        }
    }

    private void LowerForEach(IForEachLoopOperation loop, List<Stmt> into)
    {
        var collection = loop.Collection;
        while (collection is IConversionOperation conversion) collection = conversion.Operand;
        if (TryLowerRowForEach(loop, collection, into)) return;
        // An array or span variable, or a view of part of one (a span local, a span parameter of an inlined helper).
        var view = View(collection) ?? (ArrayVariable(collection) is int whole ? new ArrayView(whole, null, new LengthExpr(whole)) : null);
        if (view is null
            || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: { } element }
            || SymbolFacts.KindOf(element.Type, _generic) != _variables[view.Array].Kind)
        {
            Report(ProblemKind.UnsupportedStatement, loop, "foreach over something other than an array or span variable of numbers");
            return;
        }
        int source = view.Array;
        int position = AddSyntheticVariable(ScalarKind.Int, "index");
        int current = AddVariable(element, element.Name, _variables[source].Kind, isParameter: false, differentiable: false);
        into.Add(new AssignStmt(position, new LiteralExpr("0", ScalarKind.Int)));
        int id = RegisterLoop(loop);
        var body = new List<Stmt> { new AssignStmt(current, new ElementExpr(source, Offset(view.Offset, new VariableExpr(position, ScalarKind.Int)), _variables[source].Kind)) };
        LowerLoopBody(loop.Body, body);
        var condition = new BinaryExpr(BinaryOp.Less, new VariableExpr(position, ScalarKind.Int), view.Length, ScalarKind.Bool);
        var increment = new Stmt[] { new AssignStmt(position, new BinaryExpr(BinaryOp.Add, new VariableExpr(position, ScalarKind.Int), new LiteralExpr("1", ScalarKind.Int), ScalarKind.Int)) };
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: false, body.ToArray(), increment));
    }

    /// <summary>The array or span variable <paramref name="operation"/> refers to, if it is one.</summary>
    private int? ArrayVariable(IOperation operation)
    {
        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null) return StaticTable(operation) ?? (ReceiverVariable(operation) is int member && !_variables[member].IsScalar ? member : null);
        return _variableIndex.TryGetValue(symbol, out int index) && !_variables[index].IsScalar && !_jaggedFlats.Contains(index) ? index : null;
    }

    /// <summary>For <c>a[i]</c> on an array or span variable: the variable and the index operation.</summary>
    private (int Variable, IOperation Index, Expr? Offset)? ElementReference(IOperation operation)
    {
        if (MultiElementReference(operation) is { } multi) return multi;
        switch (operation)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when ArrayVariable(element.ArrayReference) is int array:
                return (array, element.Indices[0], null);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when View(element.ArrayReference) is { } view:
                return (view.Array, element.Indices[0], view.Offset);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer
                when ArrayVariable(instance) is int span && SymbolFacts.KindOf(indexer.Arguments[0].Value.Type, _generic) == ScalarKind.Int:
                return (span, indexer.Arguments[0].Value, null);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } viewed } viewIndexer
                when View(viewed) is { } view && SymbolFacts.KindOf(viewIndexer.Arguments[0].Value.Type, _generic) == ScalarKind.Int:
                return (view.Array, viewIndexer.Arguments[0].Value, view.Offset);
            default:
                return null;
        }
    }

    /// <summary>Lowers <c>a[i] op= value</c> (or <c>= value</c> when <paramref name="op"/> is null) to a store.</summary>
    private void LowerElementStore(int array, IOperation indexOperation, Expr? offset, BinaryOp? op, Expr right, IOperation site, List<Stmt> into)
    {
        var variable = _variables[array];
        if (variable.Member is not null)
        {
            Report(ProblemKind.UnsupportedWrite, site, ReceiverWrite(variable));
            return;
        }
        if ((variable.IsParameter && !variable.IsOutput) || variable.Shape == Shape.ReadOnlySpan)
        {
            Report(ProblemKind.UnsupportedWrite, site, $"an element of parameter '{variable.Name}' (inputs are read-only; write into a local array)");
            return;
        }
        var index = Offset(offset, Lower(indexOperation, into)); // a[k++] = ...: the step runs before the store
        var kind = variable.Kind;
        Expr value = right;
        if (op is BinaryOp binary)
        {
            var operationKind = Wider(kind, right.Kind);
            var current = Coerce(new ElementExpr(array, index, kind), operationKind, site, isImplicit: true);
            value = Coerce(new BinaryExpr(binary, current, Coerce(right, operationKind, site, isImplicit: true), operationKind), kind, site, isImplicit: false);
        }
        into.Add(new StoreStmt(array, index, Coerce(value, kind, site)));
    }

    private void LowerExpressionStatement(IOperation operation, List<Stmt> into)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: var elementTarget } elementAssignment when ElementReference(elementTarget) is var (array, index, offset):
                LowerElementStore(array, index, offset, null, LowerValue(elementAssignment.Value, into), elementAssignment, into);
                break;
            case ICompoundAssignmentOperation { Target: var compoundElement } elementCompound when IsBuiltinOperator(elementCompound.OperatorMethod) && ElementReference(compoundElement) is var (array, index, offset):
                if (MapBinary(elementCompound.OperatorKind, elementCompound) is BinaryOp elementOp)
                    LowerElementStore(array, index, offset, elementOp, LowerValue(elementCompound.Value, into), elementCompound, into);
                break;
            case IIncrementOrDecrementOperation { Target: var incrementElement } elementIncrement when ElementReference(incrementElement) is var (array, index, offset):
            {
                var kind = _variables[array].Kind;
                string one = kind.IsFloating() ? kind.Literal(1) : kind == ScalarKind.Long ? "1L" : "1";
                LowerElementStore(array, index, offset, elementIncrement.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract, new LiteralExpr(one, kind), elementIncrement, into);
                break;
            }
            case IInvocationOperation poolReturn when PoolMethod(poolReturn) == "Return":
                LowerPoolReturn(poolReturn, into);
                break;
            case ISimpleAssignmentOperation { Value: IInvocationOperation rent } when PoolMethod(rent) == "Rent":
                ReportMisplacedPoolCall(rent, "Rent");
                break;
            case IInvocationOperation localCall when TryLowerLocalFunctionStatement(localCall, into):
                break;
            case IInvocationOperation { Type.SpecialType: SpecialType.System_Void } call:
                LowerRuleStatement(call, into);
                break;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation when TryLowerVectorAssignment(operation, into):
                break;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation when TryLowerComplexAssignment(operation, into):
                break;
            case IThrowOperation throwOperation:
                LowerThrow(throwOperation, into);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                LowerDeconstruction(deconstruction, into);
                break;
            case ISimpleAssignmentOperation rowAssignment when TryLowerJaggedRowAssignment(rowAssignment):
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation tupleTarget } tupleAssignment when _tupleLocals.TryGetValue(tupleTarget.Local, out var tupleElements):
                AssignTuple(tupleElements, tupleAssignment.Value, into);
                break;
            case ISimpleAssignmentOperation assignment:
                if (TargetVariable(assignment.Target) is int target)
                    into.Add(new AssignStmt(target, Coerce(LowerValue(assignment.Value, into), _variables[target].Kind, assignment.Value)));
                break;
            case ICompoundAssignmentOperation compound:
                if (!IsBuiltinOperator(compound.OperatorMethod))
                {
                    Report(ProblemKind.UnsupportedExpression, compound, "a user-defined compound operator");
                    break;
                }
                if (TargetVariable(compound.Target) is int compoundTarget && MapBinary(compound.OperatorKind, compound) is BinaryOp op)
                {
                    var kind = _variables[compoundTarget].Kind;
                    var right = LowerValue(compound.Value, into);
                    // C# evaluates x op= y in the wider of the two types, then narrows back to x's type.
                    var operationKind = Wider(kind, right.Kind);
                    var left = Coerce(new VariableExpr(compoundTarget, kind), operationKind, compound.Target, isImplicit: true);
                    var value = new BinaryExpr(op, left, Coerce(right, operationKind, compound.Value, isImplicit: true), operationKind);
                    into.Add(new AssignStmt(compoundTarget, Coerce(value, kind, compound, isImplicit: false)));
                }
                break;
            case IIncrementOrDecrementOperation increment:
                if (TargetVariable(increment.Target) is int incrementTarget)
                {
                    var kind = _variables[incrementTarget].Kind;
                    var step = increment.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
                    string one = kind.IsFloating() ? kind.Literal(1) : kind == ScalarKind.Long ? "1L" : "1";
                    into.Add(new AssignStmt(incrementTarget, new BinaryExpr(step, new VariableExpr(incrementTarget, kind), new LiteralExpr(one, kind), kind)));
                }
                break;
            default:
                Report(ProblemKind.UnsupportedStatement, operation, Describe(operation) + " used as a statement");
                break;
        }
    }

    private int? TargetVariable(IOperation target)
    {
        if (TupleElement(target) is int element) return element;
        if (VectorLocalComponent(target) is int component) return component;
        if (ReceiverVariable(target) is int member)
        {
            Report(ProblemKind.UnsupportedWrite, target, ReceiverWrite(_variables[member]));
            return null;
        }
        ISymbol? symbol = target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is not null && _views.ContainsKey(symbol))
        {
            Report(ProblemKind.UnsupportedWrite, target, $"span or row '{symbol.Name}' itself (a span local or a row of a jagged array keeps the part of the array it was declared with; declare another)");
            return null;
        }
        if (symbol is not null && _variableIndex.TryGetValue(symbol, out int index))
        {
            if (_variables[index].IsScalar) return index;
            Report(ProblemKind.UnsupportedWrite, target, $"array or span variable '{_variables[index].Name}' itself (it keeps the storage it was declared with; write its elements)");
            return null;
        }
        if (symbol is ILocalSymbol) return null; // its declaration was already reported
        string what = target switch
        {
            IFieldReferenceOperation field => $"field '{field.Field.Name}'",
            IPropertyReferenceOperation property => $"property '{property.Property.Name}'",
            IArrayElementReferenceOperation row when MultiArrayOf(row.ArrayReference) is { Jagged: true } => "a row of a jagged array (rows of a jagged parameter are read-only; build new values in a local 2-D array)",
            IArrayElementReferenceOperation => "an array element",
            _ => Describe(target),
        };
        Report(ProblemKind.UnsupportedWrite, target, what);
        return null;
    }

    private void LowerIf(IConditionalOperation conditional, List<Stmt> into)
    {
        // A pattern, a switch expression, a local function's body or a computed property's in the condition
        // may need statements just before the test.
        var condition = NeedsStatements(conditional.Condition)
            ? Lower(conditional.Condition, into)
            : LowerCondition(conditional.Condition);
        var then = new List<Stmt>();
        LowerStatement(conditional.WhenTrue, then);
        var otherwise = new List<Stmt>();
        if (conditional.WhenFalse is not null) LowerStatement(conditional.WhenFalse, otherwise);
        into.Add(new IfStmt(condition, then.ToArray(), otherwise.ToArray()));
    }

    private void LowerFor(IForLoopOperation loop, List<Stmt> into)
    {
        LowerRowSizing(loop, into); // jagged locals whose rows the loop allocates: their layout first
        foreach (var before in loop.Before) LowerStatement(before, into);
        int id = RegisterLoop(loop);
        var condition = loop.Condition is null ? null : LowerCondition(loop.Condition);
        var body = new List<Stmt>();
        LowerLoopBody(loop.Body, body);
        var increment = new List<Stmt>();
        foreach (var step in loop.AtLoopBottom) LowerStatement(step, increment);
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: false, body.ToArray(), increment.ToArray()));
    }

    private void LowerWhile(IWhileLoopOperation loop, List<Stmt> into)
    {
        int id = RegisterLoop(loop);
        Expr? condition = null;
        if (loop.Condition is not null)
        {
            condition = LowerCondition(loop.Condition);
            if (loop.ConditionIsUntil) condition = new UnaryExpr(UnaryOp.Not, condition, ScalarKind.Bool);
        }
        var body = new List<Stmt>();
        LowerLoopBody(loop.Body, body);
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: !loop.ConditionIsTop, body.ToArray(), EquatableArray<Stmt>.Empty));
    }

    private void LowerLoopBody(IOperation body, List<Stmt> into)
    {
        _loopDepth++;
        LowerStatement(body, into);
        _loopDepth--;
    }

    private int RegisterLoop(ILoopOperation loop)
    {
        int id = _nextLoopId++;
        _loopByBreakLabel[loop.ExitLabel] = id;
        _loopByContinueLabel[loop.ContinueLabel] = id;
        return id;
    }

    private void LowerBranch(IBranchOperation branch, List<Stmt> into)
    {
        if (branch.BranchKind == BranchKind.Break && _loopByBreakLabel.TryGetValue(branch.Target, out int breakLoop))
            into.Add(new BreakStmt(breakLoop));
        else if (branch.BranchKind == BranchKind.Continue && _loopByContinueLabel.TryGetValue(branch.Target, out int continueLoop))
            into.Add(new ContinueStmt(continueLoop));
        else
            Report(ProblemKind.UnsupportedStatement, branch, branch.BranchKind == BranchKind.GoTo ? "goto" : $"'{branch.BranchKind.ToString().ToLowerInvariant()}' outside a loop");
    }

    // ---------------------------------------------------------------- variables and helpers

    private static string ReceiverWrite(VariableInfo member)
        => $"member '{member.Member!.Name}' of {(member.Member.OfReceiver ? "the object" : "'" + member.Member.Root + "'")} (a [Differentiable] method reads objects' state and does not change it; compute into a local, or update the state after the gradient call)";

    private int AddVariable(ISymbol symbol, string name, ScalarKind kind, bool isParameter, bool differentiable, Shape shape = Shape.Scalar)
    {
        if (_variableIndex.TryGetValue(symbol, out int existing)) return existing;
        int index = _variables.Count;
        _variables.Add(new VariableInfo(UniqueName(name), kind, isParameter, differentiable, IsActive: false, shape));
        _variableIndex[symbol] = index;
        return index;
    }

    /// <summary>A fresh local for a lifted conditional expression.</summary>
    private int AddSyntheticVariable(ScalarKind kind, string name = "conditional")
    {
        int index = _variables.Count;
        _variables.Add(new VariableInfo(UniqueName(name), kind, IsParameter: false, IsDifferentiableParameter: false, IsActive: false));
        SyntheticVariables.Add(index);
        return index;
    }

    // Locals are hoisted to the top of generated methods, so names from sibling scopes must differ.
    private string UniqueName(string name)
    {
        string candidate = name;
        for (int i = 1; !_names.Add(candidate); i++) candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
        return Identifiers.Escape(candidate);
    }

    private int AddSite(IOperation operation)
    {
        Sites.Add(operation.Syntax.GetLocation());
        return Sites.Count - 1;
    }

    private void Report(ProblemKind kind, IOperation operation, string detail)
        => Problems.Add(new FrontEndProblem(kind, operation.Syntax.GetLocation(), detail));

    private static string Describe(IOperation operation)
    {
        // The head of the code only: up to a block or line break, at most 60 characters.
        string text = operation.Syntax.ToString();
        int cut = text.IndexOfAny(new[] { '{', '\n', '\r' });
        if (cut > 0) text = text.Substring(0, cut).TrimEnd() + " ...";
        if (text.Length > 60) text = text.Substring(0, 57) + "...";
        return $"{operation.Kind} '{text}'";
    }

    private static ScalarKind Wider(ScalarKind a, ScalarKind b)
    {
        if (a == ScalarKind.Double || b == ScalarKind.Double) return ScalarKind.Double;
        if (a == ScalarKind.Float || b == ScalarKind.Float) return ScalarKind.Float;
        if (a == ScalarKind.Long || b == ScalarKind.Long) return ScalarKind.Long;
        return a;
    }

    /// <summary>Wraps <paramref name="value"/> in a conversion to <paramref name="kind"/> when the types differ.</summary>
    private Expr Coerce(Expr value, ScalarKind kind, IOperation site, bool isImplicit = true)
        => value.Kind == kind ? value : new ConvertExpr(value, kind, kind.Keyword(), isImplicit, AddSite(site));
}
