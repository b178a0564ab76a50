using System;
using System.Globalization;
using DiffGen;
using QuickStart;

// The generator wrote NonsmoothRosenbrock.JGradient (reverse mode), JTangent (forward mode),
// JDirectional (exact one-sided directional derivative) and JGradientCheck at build time.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

GradientCheckResult check = NonsmoothRosenbrock.JGradientCheck(-1.0, 1.5);
Console.WriteLine($"Gradient check at (-1, 1.5): reverse = ({check.Reverse[0]}, {check.Reverse[1]}), " +
                  $"max relative error vs finite differences {check.MaxRelativeError:E1}");

// At t1 = 0 the function has a kink; backprop uses abs'(0) = 0 (PyTorch's choice), while the
// directional derivative tells which way is downhill from that point.
NonsmoothRosenbrock.JGradient(0.0, 1.0, out double g1, out double g2);
var right = NonsmoothRosenbrock.JDirectional(0.0, 1.0, 1.0, 0.0).Tangent;
var left = NonsmoothRosenbrock.JDirectional(0.0, 1.0, -1.0, 0.0).Tangent;
Console.WriteLine($"At the kink (0, 1): gradient ({g1}, {g2}); directional derivative along +t1 {right}, along -t1 {left}");

// Plain gradient descent from (-1, 1.5), written here by hand (the runtime's optimizers do this for
// real models). Near a kink a constant step keeps zigzagging across it; a decaying step, as the theory
// of nonsmooth descent asks, settles.
double t1 = -1.0, t2 = 1.5;
const int steps = 20000;
for (int step = 0; step <= steps; step++)
{
    double value = NonsmoothRosenbrock.JGradient(t1, t2, out double d1, out double d2);
    if (step % 2000 == 0)
        Console.WriteLine($"step {step,6}: J = {value,12:F6}   t = ({t1,9:F5}, {t2,9:F5})");
    double learningRate = 1e-3 / Math.Sqrt(1 + step / 1000.0);
    t1 -= learningRate * d1;
    t2 -= learningRate * d2;
}
Console.WriteLine($"Minimiser found: ({t1:F4}, {t2:F4}); the true minimiser is (1, 1).");

// Model code as a struct: RangeGradient returns d(range)/d(each field) in a generated Projectile.Tangent.
// Gradient ascent on the angle alone finds the best launch angle from a 2 m height (a bit under 45 degrees).
var shot = new Projectile { Speed = 20.0, Angle = 0.3, Height = 2.0 };
for (int step = 0; step < 200; step++)
{
    shot.RangeGradient(9.81, out _, out Projectile.Tangent d);
    shot.Angle += 0.01 * d.Angle;
}
double range = shot.RangeGradient(9.81, out double dGravity, out Projectile.Tangent slope);
Console.WriteLine($"Best angle {shot.Angle * 180 / Math.PI:F2} degrees: range {range:F2} m; " +
                  $"d(range)/d(speed) = {slope.Speed:F3}, d/d(height) = {slope.Height:F3}, d/d(gravity) = {dGravity:F3}");
