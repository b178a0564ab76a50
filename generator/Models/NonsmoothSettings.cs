using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.Models;

/// <summary>
/// The assembly's choice of derivatives at kinks (<c>[assembly: NonsmoothDerivatives]</c>), as a small
/// equatable record so a change re-emits code without re-lowering any method.
/// </summary>
public sealed record NonsmoothSettings(double ReluAtZero, double AbsAtZero, double TieShareFirst, bool ClampPassesAtBound)
{
    public const string AttributeName = "DiffGen.NonsmoothDerivativesAttribute";

    /// <summary>PyTorch's choices: relu'(0) = 0, abs'(0) = 0, an even split at ties, clamp passes at a bound.</summary>
    public static NonsmoothSettings Default { get; } = new(0.0, 0.0, 0.5, true);

    public static NonsmoothSettings Read(IAssemblySymbol assembly)
    {
        var settings = Default;
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != AttributeName) continue;
            foreach (var named in attribute.NamedArguments)
            {
                object? value = named.Value.Value;
                settings = named.Key switch
                {
                    "ReluAtZero" when value is double d => settings with { ReluAtZero = d },
                    "AbsAtZero" when value is double d => settings with { AbsAtZero = d },
                    "TieShareFirst" when value is double d => settings with { TieShareFirst = d },
                    "ClampPassesAtBound" when value is bool b => settings with { ClampPassesAtBound = b },
                    _ => settings,
                };
            }
        }
        return settings;
    }
}
