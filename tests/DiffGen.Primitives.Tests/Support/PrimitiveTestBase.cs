using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Xunit;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>
/// The table every primitive's test class fills: <see cref="Cases{T}"/> lists the primitive at a few
/// points and shapes; the inherited facts run <see cref="DerivativeChecks"/> on each.
/// </summary>
public abstract class PrimitiveTestBase
{
    /// <summary>The primitive at fixed-seed random points, in the element type <typeparamref name="T"/>.</summary>
    protected abstract IEnumerable<PrimitiveCase<T>> Cases<T>()
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Pullback against central differences.</summary>
    [Fact]
    public void Pullback_RandomPoints_MatchesCentralDifferences() => ForEach(DerivativeChecks.PullbackMatchesFiniteDifferences);

    /// <summary>Tangent against central differences.</summary>
    [Fact]
    public void Tangent_RandomDirections_MatchesCentralDifferences() => ForEach(DerivativeChecks.TangentMatchesFiniteDifferences);

    /// <summary>Pullback and tangent against each other.</summary>
    [Fact]
    public void PullbackAndTangent_RandomSeeds_AreAdjoint() => ForEach(DerivativeChecks.PullbackAndTangentAreAdjoint);

    /// <summary>Float against double.</summary>
    [Fact]
    public void Float_SameInputs_MatchesDouble()
    {
        var floats = Cases<float>().ToList();
        var doubles = Cases<double>().ToList();
        Assert.NotEmpty(doubles);
        Assert.Equal(doubles.Count, floats.Count);
        for (int i = 0; i < floats.Count; i++)
        {
            DerivativeChecks.FloatMatchesDouble(floats[i], doubles[i]);
        }
    }

    /// <summary>Wrong lengths.</summary>
    [Fact]
    public void ShadowsTangentsOutputs_WrongLength_ThrowNamingParameter() => ForEach(DerivativeChecks.WrongLengthsThrow);

    /// <summary>Empty shadows and tangents: inactive, the rest of the call unchanged.</summary>
    [Fact]
    public void ShadowsTangents_Empty_AreInactive() => ForEach(DerivativeChecks.EmptyShadowsAndTangentsAreInactive);

    /// <summary>Wrong lengths beside empty shadows and tangents, and empty seeds and output tangents.</summary>
    [Fact]
    public void ShadowsTangents_WrongLengthBesideEmpty_ThrowNamingParameter() => ForEach(DerivativeChecks.WrongLengthsBesideEmptyThrow);

    /// <summary>Aliasing.</summary>
    [Fact]
    public void WrittenSpans_OverlappingReadSpans_ThrowNamingParameter() => ForEach(DerivativeChecks.AliasingThrows);

    private void ForEach(System.Action<PrimitiveCase<double>> check)
    {
        var cases = Cases<double>().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            check(c);
        }
    }
}
