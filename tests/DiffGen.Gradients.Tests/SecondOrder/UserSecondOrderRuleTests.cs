using Xunit;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>A user's [DerivativeOf] rule with a second-order rule (its primal and pullback over dual numbers, as docs/custom-derivatives.md shows).</summary>
public static class CubeRules
{
    /// <summary>x³.</summary>
    public static double Cube(double x) => x * x * x;

    /// <summary>Pullback of <see cref="Cube(double)"/>.</summary>
    [DerivativeOf(nameof(Cube))]
    public static void CubePullback(double x, double seed, ref double dx) => dx += 3 * x * x * seed;

    /// <summary>Second-order rule: <see cref="Cube(double)"/> over dual numbers.</summary>
    public static Dual Cube(Dual x) => x * x * x;

    /// <summary>Second-order rule: <see cref="CubePullback(double, double, ref double)"/> over dual numbers.</summary>
    [DerivativeOf(nameof(Cube))]
    public static void CubePullback(Dual x, Dual seed, ref Dual dx) => dx += 3 * x * x * seed;
}

/// <summary>Functions calling <see cref="CubeRules"/>.</summary>
public static partial class UserSecondOrderRuleFunctions
{
    /// <summary>(x y)³ + x.</summary>
    [Differentiable]
    public static double CubeOfProduct(double x, double y) => CubeRules.Cube(x * y) + x;
}

public sealed class UserSecondOrderRuleTests
{
    /// <summary>With u = x y: H = 6u (y, x)(y, x)ᵀ + 3u² [[0, 1], [1, 0]].</summary>
    [Theory]
    [InlineData(0.7, -1.3, 0.4, 2.0)]
    [InlineData(-2.0, 0.5, -1.0, 0.25)]
    public void HessianVector_ThroughARuleWithASecondOrderRule_MatchesTheClosedForm(double x, double y, double vx, double vy)
    {
        double value = UserSecondOrderRuleFunctions.CubeOfProductHessianVector(x, y, vx, vy, out double hx, out double hy);
        double u = x * y, along = y * vx + x * vy;
        Assert.Equal(u * u * u + x, value, 12);
        Assert.Equal(6 * u * along * y + 3 * u * u * vy, hx, 12);
        Assert.Equal(6 * u * along * x + 3 * u * u * vx, hy, 12);
    }
}
