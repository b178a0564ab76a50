using System.Collections.Generic;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Code for array locals the user rents from <c>ArrayPool&lt;T&gt;.Shared</c> (<see cref="AllocateStmt.Pooled"/>)
/// and gives back (<see cref="ReleaseStmt"/>). Forward mode rents and returns where the user does. Reverse mode
/// rents there too, but the user's Return only records the array in a pending local: the adjoint sweep may still
/// read its values, so it goes back to the pool after the sweep, once, and only if the primal reached the Return.
/// An exception between Rent and the end of the sweep leaves the array (and its adjoint) to the garbage collector.
/// </summary>
internal sealed class PooledLocals
{
    private readonly MethodIr _ir;
    private readonly NameScope _names;
    private readonly Dictionary<int, string> _pending = new();
    private readonly Dictionary<int, bool> _clear = new();
    private readonly List<(int Variable, string Adjoint)> _adjoints = new();

    public PooledLocals(MethodIr ir, NameScope names)
    {
        _ir = ir;
        _names = names;
    }

    /// <summary>The shared pool of the variable's element type.</summary>
    public static string Pool(VariableInfo variable) => $"global::System.Buffers.ArrayPool<{variable.Kind.Keyword()}>.Shared";

    /// <summary><c>name = ArrayPool&lt;T&gt;.Shared.Rent(length);</c></summary>
    public static string RentLine(VariableInfo variable, string name, string length) => $"{name} = {Pool(variable)}.Rent({length});";

    /// <summary><c>ArrayPool&lt;T&gt;.Shared.Return(name[, clearArray: true]);</c></summary>
    public static string ReturnLine(VariableInfo variable, string name, bool clearArray)
        => $"{Pool(variable)}.Return({name}{(clearArray ? ", clearArray: true" : "")});";

    /// <summary>
    /// Reverse mode: rents the primal array and, when it has an adjoint, a zeroed exact-length adjoint as long as
    /// the rented array (which may be longer than asked for) from <c>DiffGen.ScratchArrays</c>.
    /// </summary>
    public void EmitRent(IndentedWriter primal, AllocateStmt allocate, string length, string? adjoint)
    {
        var variable = _ir.Variables[allocate.Variable];
        primal.Line(RentLine(variable, variable.Name, length));
        if (adjoint is null) return;
        SourceEmitter.WriteAllocation(primal, variable, adjoint, variable.Name + ".Length", onStack: false, clear: true, rented: true);
        _adjoints.Add((allocate.Variable, adjoint));
    }

    /// <summary>Reverse mode: the user's Return only marks the array as to be returned after the adjoint sweep.</summary>
    public void EmitRelease(IndentedWriter primal, ReleaseStmt release)
    {
        var variable = _ir.Variables[release.Variable];
        if (!_pending.TryGetValue(release.Variable, out var pending))
        {
            pending = _names.Fresh(Identifiers.Bare(variable.Name) + "_toReturn");
            _pending[release.Variable] = pending;
        }
        _clear[release.Variable] = release.ClearArray;
        primal.Line($"{pending} = {variable.Name};");
    }

    /// <summary>Declarations of the pending locals (null: the Return was not reached).</summary>
    public IEnumerable<string> Declarations()
    {
        foreach (var pair in _pending) yield return $"{_ir.Variables[pair.Key].Kind.Keyword()}[]? {pair.Value} = null;";
    }

    /// <summary>After the adjoint sweep: the user's deferred Returns (null-guarded) and the adjoints back to the scratch cache.</summary>
    public void WriteDeferredReturns(IndentedWriter w)
    {
        foreach (var pair in _pending)
        {
            var variable = _ir.Variables[pair.Key];
            w.Line($"if ({pair.Value} is not null) {ReturnLine(variable, pair.Value, _clear[pair.Key])}");
        }
        foreach (var (variable, adjoint) in _adjoints)
            w.Line($"global::DiffGen.ScratchArrays<{_ir.Variables[variable].Kind.Keyword()}>.Return({adjoint});");
    }
}
