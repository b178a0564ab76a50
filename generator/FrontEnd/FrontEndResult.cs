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
    public FrontEndResult(MethodIr? ir, ImmutableArray<FrontEndProblem> problems)
    {
        Ir = ir;
        Problems = problems;
    }

    public static FrontEndResult NotCompilable { get; } = new(null, ImmutableArray<FrontEndProblem>.Empty);

    public MethodIr? Ir { get; }

    public ImmutableArray<FrontEndProblem> Problems { get; }
}
