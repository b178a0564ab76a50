using System;
using System.Numerics;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>Complex arithmetic inside real-valued methods, as an engineer writes an AC circuit or a transfer function.</summary>
public static partial class ComplexFunctions
{
    /// <summary>The current amplitude of a series RLC circuit driven at omega.</summary>
    [Differentiable]
    public static double CurrentAmplitude(double r, double l, double c, double omega)
    {
        var impedance = new Complex(r, omega * l - 1 / (omega * c));
        Complex current = 1.0 / impedance;
        return current.Magnitude;
    }

    /// <summary>Every supported operation at once.</summary>
    [Differentiable]
    public static double Mixed(double a, double b, double t)
    {
        var z = new Complex(a, b);
        var v = Complex.One / z;
        Complex w = Complex.Exp(z * Complex.ImaginaryOne * t) + Complex.Log(z) * 2.0 - Complex.Conjugate(v);
        w += v;
        w *= z;
        w -= Complex.FromPolarCoordinates(t, a);
        w = w / (z + 3.0);
        return w.Real + w.Imaginary * 0.5 + w.Magnitude + Complex.Abs(v) + z.Phase - (-w).Real;
    }

    /// <summary>A second-order low-pass filter's gain in decibels, summed over frequencies.</summary>
    [Differentiable]
    public static double FilterGain(double cutoff, double damping, ReadOnlySpan<double> frequencies)
    {
        double total = 0;
        for (int i = 0; i < frequencies.Length; i++)
        {
            var s = new Complex(0, frequencies[i] / cutoff);
            var h = Complex.One / (s * s + 2 * damping * s + Complex.One);
            total += 20 * Math.Log10(h.Magnitude);
        }
        return total;
    }

    /// <summary>A complex recurrence (a damped rotation) in a loop.</summary>
    [Differentiable]
    public static double Spiral(double radius, double angle, int steps)
    {
        var step = Complex.FromPolarCoordinates(radius, angle);
        var z = Complex.One;
        for (int k = 0; k < steps; k++) z = z * step + new Complex(0.01 * k, 0);
        return z.Real * z.Imaginary;
    }
}

/// <summary>A small helper with a complex local, called in a loop (lowered in place there), and its caller.</summary>
public static partial class ComplexHelpers
{
    [Differentiable]
    public static double Gain(double frequency, double pole)
    {
        var h = 1.0 / new Complex(1, frequency / pole);
        return h.Magnitude;
    }

    [Differentiable]
    public static double TotalGain(double pole, ReadOnlySpan<double> frequencies)
    {
        double sum = 0;
        for (int i = 0; i < frequencies.Length; i++) sum += Gain(frequencies[i], pole);
        return sum;
    }
}
