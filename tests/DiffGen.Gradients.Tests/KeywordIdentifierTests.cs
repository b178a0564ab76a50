using System;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>Names that are C# keywords survive into generated code, escaped.</summary>
public class KeywordIdentifierTests
{
    [Theory]
    [InlineData(1.5, 0.7)]
    [InlineData(2.5, -0.3)]
    public void EscapedIdentifiers_Gradient_MatchesClosedForm(double b, double i)
    {
        KeywordIdentifierFunctions.EscapedIdentifiersGradient(b, i, out double dBase, out double dIn);
        Assert.Equal(2 * Math.Log(b) * i * i / b, dBase, 12);
        Assert.Equal(2 * Math.Log(b) * Math.Log(b) * i + 1, dIn, 12);
    }
}
