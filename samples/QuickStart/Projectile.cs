using System;
using DiffGen;

namespace QuickStart;

/// <summary>
/// A small physics model as an ordinary struct: the generator differentiates its instance method with
/// respect to the struct's fields and returns the derivative in the generated <c>Projectile.Tangent</c>.
/// </summary>
public partial struct Projectile
{
    /// <summary>Launch speed, m/s.</summary>
    public double Speed;

    /// <summary>Launch angle above the horizon, radians.</summary>
    public double Angle;

    /// <summary>Launch height above the ground, m.</summary>
    public double Height;

    /// <summary>Horizontal distance travelled before hitting the ground (no drag).</summary>
    [Differentiable]
    public double Range(double gravity)
    {
        double vx = Speed * Math.Cos(Angle), vy = Speed * Math.Sin(Angle);
        double flight = (vy + Math.Sqrt(vy * vy + 2 * gravity * Height)) / gravity;
        return vx * flight;
    }
}
