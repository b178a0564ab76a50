using System;

namespace DiffGen.Gradients.Tests.Support;

public delegate double Gradient1(double x, out double dx);

public delegate double Gradient2(double x, double y, out double dx, out double dy);

public delegate double Gradient3(double x, double y, double z, out double dx, out double dy, out double dz);

/// <summary>
/// One double-precision corpus function seen through a uniform interface: its value, the generated
/// reverse mode, the generated forward mode, and where to sample it (a box, filtered away from kinks).
/// Integer and [NoDerivative] arguments are bound to fixed values.
/// </summary>
public sealed class GradientCase
{
    public GradientCase(string name, int arity, Func<double[], double> value,
                        Func<double[], (double Value, double[] Gradient)> gradient,
                        Func<double[], double[], (double Value, double Tangent)> tangent,
                        (double Lo, double Hi)[] box, Func<double[], bool>? valid)
    {
        Name = name;
        Arity = arity;
        Value = value;
        Gradient = gradient;
        Tangent = tangent;
        Box = box;
        Valid = valid ?? (_ => true);
    }

    public string Name { get; }

    /// <summary>Number of differentiable arguments.</summary>
    public int Arity { get; }

    /// <summary>The original method.</summary>
    public Func<double[], double> Value { get; }

    /// <summary>The generated {M}Gradient: its returned value and the gradient.</summary>
    public Func<double[], (double Value, double[] Gradient)> Gradient { get; }

    /// <summary>The generated {M}Tangent at a point along a direction.</summary>
    public Func<double[], double[], (double Value, double Tangent)> Tangent { get; }

    public (double Lo, double Hi)[] Box { get; }

    /// <summary>False for points too close to a kink or discontinuity for finite differences.</summary>
    public Func<double[], bool> Valid { get; }

    /// <summary>A uniform point of the box that passes <see cref="Valid"/>.</summary>
    public double[] Sample(Random random)
    {
        for (int attempt = 0; attempt < 10000; attempt++)
        {
            var x = new double[Arity];
            for (int i = 0; i < Arity; i++) x[i] = Box[i].Lo + (Box[i].Hi - Box[i].Lo) * random.NextDouble();
            if (Valid(x)) return x;
        }
        throw new InvalidOperationException($"No valid sample for {Name}.");
    }

    public override string ToString() => Name;

    public static GradientCase Of1(string name, Func<double, double> f, Gradient1 g,
                                   Func<double, double, (double Value, double Tangent)> t,
                                   double lo, double hi, Func<double, bool>? valid = null)
        => new(name, 1, a => f(a[0]),
               a => { double v = g(a[0], out double d0); return (v, new[] { d0 }); },
               (a, d) => t(a[0], d[0]),
               new[] { (lo, hi) },
               valid is null ? null : a => valid(a[0]));

    public static GradientCase Of2(string name, Func<double, double, double> f, Gradient2 g,
                                   Func<double, double, double, double, (double Value, double Tangent)> t,
                                   (double Lo, double Hi) box0, (double Lo, double Hi) box1,
                                   Func<double, double, bool>? valid = null)
        => new(name, 2, a => f(a[0], a[1]),
               a => { double v = g(a[0], a[1], out double d0, out double d1); return (v, new[] { d0, d1 }); },
               (a, d) => t(a[0], a[1], d[0], d[1]),
               new[] { box0, box1 },
               valid is null ? null : a => valid(a[0], a[1]));

    public static GradientCase Of3(string name, Func<double, double, double, double> f, Gradient3 g,
                                   Func<double, double, double, double, double, double, (double Value, double Tangent)> t,
                                   (double Lo, double Hi) box0, (double Lo, double Hi) box1, (double Lo, double Hi) box2,
                                   Func<double, double, double, bool>? valid = null)
        => new(name, 3, a => f(a[0], a[1], a[2]),
               a => { double v = g(a[0], a[1], a[2], out double d0, out double d1, out double d2); return (v, new[] { d0, d1, d2 }); },
               (a, d) => t(a[0], a[1], a[2], d[0], d[1], d[2]),
               new[] { box0, box1, box2 },
               valid is null ? null : a => valid(a[0], a[1], a[2]));
}
