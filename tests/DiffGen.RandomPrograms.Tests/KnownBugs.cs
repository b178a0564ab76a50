using DiffGen.RandomPrograms.Tests.Generation;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// Constructs the random run leaves out by default because of open generator bugs; each has a
/// skipped test with the minimised source in <c>KnownBugTests</c>. Set
/// <c>DIFFGEN_RANDOM_KNOWN_BUGS=include</c> to generate them anyway (to check a fix).
/// </summary>
public static class KnownBugs
{
    /// <summary>
    /// Recursion: {M}Directional hoists [Differentiable] calls out of a branch condition and runs them
    /// unconditionally (past <c>?:</c>, <c>&amp;&amp;</c>, <c>||</c> guards), so a recursion guarded there
    /// never ends (stack overflow, which kills the test host). See
    /// <c>KnownBugTests.Directional_CallInConditionalArmOfComparison_IsEvaluatedUnconditionally</c>.
    /// </summary>
    public const Construct Excluded = Construct.Recursion;
}
