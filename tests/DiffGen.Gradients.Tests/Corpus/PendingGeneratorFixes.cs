using System;
using static System.Math;

namespace DiffGen.Gradients.Tests.Corpus;

// Functions the generator does not yet handle correctly. This file is excluded from the build
// (see the project file); each entry says what goes wrong. Move a function back into the corpus
// (and its table entry into Support/GradientCases.cs) once the generator is fixed.

/// <summary>Pending generator fixes.</summary>
public static partial class PendingGeneratorFixes
{
    // Generated code does not compile: parameters and locals named with a keyword ('@base', '@in',
    // '@double') are emitted without their '@' escape ("double base", "Log(base)"), giving CS1001,
    // CS1003, CS1511 and CS1525 errors in the generated EscapedIdentifiers_double_double_.g.cs.
    // Expected gradient: d/dbase = 2 ln(base) in^2 / base, d/din = 2 ln(base)^2 in + 1.
    /// <summary>Escaped identifiers: parameters named like C# keywords.</summary>
    [Differentiable]
    [CheckGradientAt(1.5, 0.7)]
    [CheckGradientAt(2.5, -0.3)]
    public static double EscapedIdentifiers(double @base, double @in)
    {
        double @double = Log(@base) * @in;
        return @double * @double + @in;
    }
}
