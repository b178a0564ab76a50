using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using DiffGen.Optimizers;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>A small smooth problem spread over several parameters for the AdaGrad-Norm and AcceleGrad tests: the
/// gradient of 0.5 sum c_j x_j^2 plus a step-dependent perturbation, over the parameters concatenated.</summary>
internal static class GlobalNormTestProblem
{
    public static double Gradient(int j, double x, int step) => (1.0 + j % 4) * x + 0.1 * Math.Sin(j + 0.7 * step);

    public static Parameter<T>[] Parameters<T>(params int[] lengths) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int offset = 0;
        var result = new Parameter<T>[lengths.Length];
        for (int i = 0; i < lengths.Length; i++)
        {
            int at = offset;
            result[i] = new Parameter<T>(Enumerable.Range(0, lengths[i]).Select(j => T.CreateTruncating(Math.Cos(0.3 * (at + j)))).ToArray(), "p" + i);
            offset += lengths[i];
        }

        return result;
    }

    public static void FillGradients<T>(IReadOnlyList<Parameter<T>> ps, int step) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int offset = 0;
        foreach (var p in ps)
        {
            for (int j = 0; j < p.Length; j++) p.Grad[j] = T.CreateTruncating(Gradient(offset + j, double.CreateTruncating(p.Data[j]), step));
            offset += p.Length;
        }
    }

    public static double[] Concat<T>(IEnumerable<Parameter<T>> ps) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        ps.SelectMany(p => p.Data).Select(v => double.CreateTruncating(v)).ToArray();

    public static double[] Start(int n) => Enumerable.Range(0, n).Select(j => Math.Cos(0.3 * j)).ToArray();

    public static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Xunit.Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Xunit.Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1.0 + Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
