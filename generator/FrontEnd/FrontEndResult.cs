using System.Collections.Immutable;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// The front end's answer for one method: the IR when it can be differentiated, otherwise the
/// problems. Both are empty when the method does not compile yet (half-typed code): the compiler's
/// own errors come first, and reporting DG errors on top would only add noise.
/// </summary>
public sealed class FrontEndResult
{
    public FrontEndResult(MethodIr? ir, ImmutableArray<FrontEndProblem> problems, ImmutableArray<FrontEndProblem> warnings = default, ImmutableArray<MethodIr> instances = default)
    {
        Ir = ir;
        Instances = !instances.IsDefault ? instances : ir is null ? ImmutableArray<MethodIr>.Empty : ImmutableArray.Create(ir);
        Problems = problems;
        Warnings = warnings.IsDefault ? ImmutableArray<FrontEndProblem>.Empty : warnings;
    }

    public static FrontEndResult NotCompilable { get; } = new(null, ImmutableArray<FrontEndProblem>.Empty);

    public MethodIr? Ir { get; }

    /// <summary>Every IR the method lowers to: its own, or one per floating type for a generic-math method.</summary>
    public ImmutableArray<MethodIr> Instances { get; }

    public ImmutableArray<FrontEndProblem> Problems { get; }

    /// <summary>Things that compile into a correct but probably unintended gradient (DG1xxx); never block generation.</summary>
    public ImmutableArray<FrontEndProblem> Warnings { get; }
}
