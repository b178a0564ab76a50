using System;
using System.Linq;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>Calls a generated {M}Gradient: zeroed shadows in (one per differentiable parameter), value out.</summary>
public delegate double ArrayGradient(double[][] x, double[][] shadows);

/// <summary>Calls a generated {M}Tangent at a point along a direction (one array per differentiable parameter).</summary>
public delegate (double Value, double Tangent) ArrayTangent(double[][] x, double[][] direction);

/// <summary>Float flavours of the two delegates above.</summary>
public delegate float FloatArrayGradient(float[][] x, float[][] shadows);

public delegate (float Value, float Tangent) FloatArrayTangent(float[][] x, float[][] direction);

/// <summary>
/// One differentiable parameter of a case: an array/span of <see cref="Length"/> elements, or a scalar
/// (seen by the harness as an array of one element), sampled uniformly in [Lo, Hi].
/// </summary>
public readonly record struct Slot(int Length, double Lo, double Hi, bool Scalar)
{
    public static Slot Vec(int length, double lo = -2, double hi = 2) => new(length, lo, hi, false);

    public static Slot Num(double lo, double hi) => new(1, lo, hi, true);
}

/// <summary>
/// One array corpus function seen through a uniform interface. Every differentiable parameter is an
/// array of the point (a scalar is an array of length one); integer and [NoDerivative] arguments are
/// bound to fixed data by the case. For a float function, <see cref="Value"/> is its double-precision
/// twin (the reference for finite differences) while <see cref="Primal"/>, <see cref="Gradient"/> and
/// <see cref="Tangent"/> run the float code on the point rounded to float.
/// </summary>
public sealed class ArrayCase
{
    private ArrayCase(string name, string function, Slot[] slots, bool isFloat, Func<double[][], double> value,
                      Func<double[][], double> primal, ArrayGradient gradient, ArrayTangent tangent,
                      Func<double[][], bool>? valid)
    {
        Name = name;
        Function = function;
        Slots = slots;
        IsFloat = isFloat;
        Value = value;
        Primal = primal;
        Gradient = gradient;
        Tangent = tangent;
        Valid = valid ?? (_ => true);
    }

    /// <summary>The case name (function name, with the bound data when one function gives several cases).</summary>
    public string Name { get; }

    /// <summary>The corpus method's name; several cases may share it.</summary>
    public string Function { get; }

    public Slot[] Slots { get; }

    public bool IsFloat { get; }

    /// <summary>The function in double precision (the method itself, or the double twin of a float method).</summary>
    public Func<double[][], double> Value { get; }

    /// <summary>The method itself; its value must equal what Gradient and Tangent return, bit for bit.</summary>
    public Func<double[][], double> Primal { get; }

    public ArrayGradient Gradient { get; }

    public ArrayTangent Tangent { get; }

    /// <summary>False for points too close to a kink, a tie or a branch switch for finite differences.</summary>
    public Func<double[][], bool> Valid { get; }

    /// <summary>Total number of differentiable coordinates.</summary>
    public int Dimension => Slots.Sum(s => s.Length);

    public override string ToString() => Name;

    public static ArrayCase Double(string name, Slot[] slots, Func<double[][], double> value, ArrayGradient gradient,
                                   ArrayTangent tangent, Func<double[][], bool>? valid = null, string? function = null)
        => new(name, function ?? name, slots, false, value, value, gradient, tangent, valid);

    public static ArrayCase Float(string name, Slot[] slots, Func<double[][], double> doubleTwin, Func<float[][], float> primal,
                                  FloatArrayGradient gradient, FloatArrayTangent tangent, Func<double[][], bool>? valid = null)
        => new(name, name, slots, true, doubleTwin,
               x => primal(ToFloat(x)),
               (x, shadows) =>
               {
                   var fs = ToFloat(shadows);
                   float v = gradient(ToFloat(x), fs);
                   for (int k = 0; k < fs.Length; k++)
                       for (int i = 0; i < fs[k].Length; i++) shadows[k][i] = fs[k][i];
                   return v;
               },
               (x, d) =>
               {
                   var (v, t) = tangent(ToFloat(x), ToFloat(d));
                   return (v, t);
               },
               valid);

    private static float[][] ToFloat(double[][] x)
    {
        var result = new float[x.Length][];
        for (int k = 0; k < x.Length; k++)
        {
            result[k] = new float[x[k].Length];
            for (int i = 0; i < x[k].Length; i++) result[k][i] = (float)x[k][i];
        }
        return result;
    }

    /// <summary>A uniform point that passes <see cref="Valid"/> (rounded to float for a float case).</summary>
    public double[][] Sample(Random random)
    {
        for (int attempt = 0; attempt < 10000; attempt++)
        {
            var x = new double[Slots.Length][];
            for (int k = 0; k < Slots.Length; k++)
            {
                x[k] = new double[Slots[k].Length];
                for (int i = 0; i < x[k].Length; i++)
                {
                    double v = Slots[k].Lo + (Slots[k].Hi - Slots[k].Lo) * random.NextDouble();
                    x[k][i] = IsFloat ? (float)v : v;
                }
            }
            if (Valid(x)) return x;
        }
        throw new InvalidOperationException($"No valid sample for {Name}.");
    }

    /// <summary>Zeroed shadows shaped like the point.</summary>
    public double[][] ZeroShadows() => Slots.Select(s => new double[s.Length]).ToArray();

    /// <summary>The generated gradient, flattened in parameter order.</summary>
    public (double Value, double[] Gradient) FlatGradient(double[][] x)
    {
        var shadows = ZeroShadows();
        double value = Gradient(x, shadows);
        return (value, Flatten(shadows));
    }

    public double[] Flatten(double[][] parts) => parts.SelectMany(p => p).ToArray();

    public double[][] Split(double[] flat)
    {
        var parts = new double[Slots.Length][];
        int offset = 0;
        for (int k = 0; k < Slots.Length; k++)
        {
            parts[k] = flat.AsSpan(offset, Slots[k].Length).ToArray();
            offset += Slots[k].Length;
        }
        return parts;
    }

    /// <summary>"parameter k, element i" for flat coordinate <paramref name="index"/>.</summary>
    public string Coordinate(int index)
    {
        for (int k = 0; k < Slots.Length; k++)
        {
            if (index < Slots[k].Length) return Slots[k].Scalar ? $"param {k}" : $"param {k}[{index}]";
            index -= Slots[k].Length;
        }
        return "?";
    }
}
