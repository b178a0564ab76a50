using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// One reason a method cannot be differentiated, with its source location. Lives only outside the
/// incremental pipeline (the analyzer reports it), so carrying a <see cref="Location"/> is fine here.
/// </summary>
/// <param name="Kind">Which rule is broken.</param>
/// <param name="Location">Where, in source.</param>
/// <param name="Detail">The message argument: what was found and, where it helps, what to do.</param>
public sealed record FrontEndProblem(ProblemKind Kind, Location Location, string Detail);
