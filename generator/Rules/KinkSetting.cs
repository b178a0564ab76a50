using DiffGen.Generator.Models;

namespace DiffGen.Generator.Rules;

/// <summary>Which choice of <c>[assembly: NonsmoothDerivatives]</c> a nonsmooth primitive obeys at its kink.</summary>
public enum KinkSetting
{
    /// <summary>Smooth where it is differentiable at all: no setting.</summary>
    None,
    ReluAtZero,
    AbsAtZero,
    TieShareFirst,
    ClampPassesAtBound,
}

/// <summary>Reading a <see cref="KinkSetting"/> from an assembly's <see cref="NonsmoothSettings"/>.</summary>
public static class KinkSettingExtensions
{
    /// <summary>The setting's value: a number, or 1/0 for the clamp's flag.</summary>
    public static double ValueIn(this KinkSetting setting, NonsmoothSettings settings) => setting switch
    {
        KinkSetting.ReluAtZero => settings.ReluAtZero,
        KinkSetting.AbsAtZero => settings.AbsAtZero,
        KinkSetting.TieShareFirst => settings.TieShareFirst,
        KinkSetting.ClampPassesAtBound => settings.ClampPassesAtBound ? 1 : 0,
        _ => 0,
    };
}
