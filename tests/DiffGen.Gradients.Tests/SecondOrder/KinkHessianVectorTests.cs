using Xunit;
using S = DiffGen.Gradients.Tests.SecondOrder.SecondOrderFunctions;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// H·v at a kink is the derivative along v of the gradient's chosen rule: the piecewise-constant partial (abs'(0),
/// the tie share of max) is held, the values it multiplies move. Pinned with this assembly's default rules
/// (abs'(0) = 0, tie share 1/2).
/// </summary>
public sealed class KinkHessianVectorTests
{
    [Fact]
    public void AbsTimesX_AwayFromTheKink_IsTwoSignOfX()
    {
        S.AbsTimesXHessianVector(0.5, 1.0, out double right);
        S.AbsTimesXHessianVector(-0.5, 1.0, out double left);
        Assert.Equal(2.0, right);
        Assert.Equal(-2.0, left);
    }

    [Fact]
    public void AbsTimesX_AtTheKink_IsTwiceAbsPrimeAtZeroTimesV()
    {
        // gradient = abs'(x) x + |x|; along v at 0: abs'(0) v + abs'(0) v, abs'(0) = 0 here.
        S.AbsTimesXHessianVector(0.0, 1.0, out double h);
        Assert.Equal(0.0, h);
    }

    [Fact]
    public void MaxSquared_AtATie_SplitsTheTangentByTheTieShare()
    {
        // gradient = 2 max(x, y) (s, 1 - s) with s = 1/2; the tangent of max along v is s vx + (1 - s) vy.
        S.MaxSquaredHessianVector(1.0, 1.0, 1.0, 0.0, out double hx, out double hy);
        Assert.Equal(0.5, hx);
        Assert.Equal(0.5, hy);
        S.MaxSquaredGradient(1.0, 1.0, out double dx, out double dy);
        Assert.Equal(1.0, dx);
        Assert.Equal(1.0, dy);
    }
}
