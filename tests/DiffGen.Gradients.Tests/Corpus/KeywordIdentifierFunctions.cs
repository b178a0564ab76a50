using System;
using static System.Math;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>Parameters and locals named like C# keywords ('@base', '@in', '@double').</summary>
public static partial class KeywordIdentifierFunctions
{
    /// <summary>d/dbase = 2 ln(base) in^2 / base, d/din = 2 ln(base)^2 in + 1.</summary>
    [Differentiable]
    [CheckGradientAt(1.5, 0.7)]
    [CheckGradientAt(2.5, -0.3)]
    public static double EscapedIdentifiers(double @base, double @in)
    {
        double @double = Log(@base) * @in;
        return @double * @double + @in;
    }
}
