using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Support;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// Calls a generated {M}HessianVector: the point and the direction (one array per differentiable parameter, a
/// scalar being an array of one), outputs zeroed and shaped like the point (scalar outputs written to element 0);
/// returns the value.
/// </summary>
public delegate double HessianVectorCall(double[][] x, double[][] v, double[][] h);

/// <summary>
/// One corpus function seen by the second-order tests: its value, its generated gradient (the reference for H·v
/// by central differences) and its generated {M}HessianVector. Sampling regions and kink filters are those of the
/// first-order tables (<see cref="GradientCases"/>, <see cref="ArrayCases"/>), or its own for new functions.
/// </summary>
public sealed class HessianCase
{
    public HessianCase(string name, Slot[] slots, Func<double[][], double> value, Func<double[][], double[]> gradient,
                       HessianVectorCall hessianVector, Func<double[][], bool>? valid)
    {
        Name = name;
        Slots = slots;
        Value = value;
        Gradient = gradient;
        HessianVector = hessianVector;
        Valid = valid ?? (_ => true);
    }

    public string Name { get; }

    public Slot[] Slots { get; }

    public Func<double[][], double> Value { get; }

    /// <summary>The generated gradient, flattened in parameter order.</summary>
    public Func<double[][], double[]> Gradient { get; }

    public HessianVectorCall HessianVector { get; }

    public Func<double[][], bool> Valid { get; }

    public int Dimension => Slots.Sum(s => s.Length);

    public override string ToString() => Name;

    /// <summary>H·v flattened, and the value {M}HessianVector returned.</summary>
    public (double Value, double[] Product) Product(double[][] x, double[] v)
    {
        var h = Slots.Select(s => new double[s.Length]).ToArray();
        double value = HessianVector(x, Split(v), h);
        return (value, h.SelectMany(a => a).ToArray());
    }

    /// <summary>A flat vector cut into arrays shaped like the point.</summary>
    public double[][] Split(double[] flat)
    {
        var parts = new double[Slots.Length][];
        int offset = 0;
        for (int k = 0; k < Slots.Length; k++)
        {
            parts[k] = flat.Skip(offset).Take(Slots[k].Length).ToArray();
            offset += Slots[k].Length;
        }
        return parts;
    }

    /// <summary>A uniform point that passes <see cref="Valid"/>.</summary>
    public double[][] Sample(Random random)
    {
        for (int attempt = 0; attempt < 10000; attempt++)
        {
            var x = Slots.Select(s => Enumerable.Range(0, s.Length).Select(_ => s.Lo + (s.Hi - s.Lo) * random.NextDouble()).ToArray()).ToArray();
            if (Valid(x)) return x;
        }
        throw new InvalidOperationException($"No valid sample for {Name}.");
    }

    /// <summary>A case of a scalar corpus function of the first-order table (same box and kink filter).</summary>
    public static HessianCase Scalar(string name, HessianVectorCall hessianVector)
    {
        var c = GradientCases.Get(name);
        var slots = c.Box.Select(b => Slot.Num(b.Lo, b.Hi)).ToArray();
        static double[] Flat(double[][] x) => x.Select(a => a[0]).ToArray();
        return new HessianCase(name, slots, x => c.Value(Flat(x)), x => c.Gradient(Flat(x)).Gradient, hessianVector, x => c.Valid(Flat(x)));
    }

    /// <summary>A case of an array corpus function of the first-order table.</summary>
    public static HessianCase Array(string name, HessianVectorCall hessianVector)
    {
        var c = ArrayCases.Get(name);
        return new HessianCase(name, c.Slots, c.Value, x => c.FlatGradient(x).Gradient, hessianVector, c.Valid);
    }
}
