using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Xunit;
using Xunit.Sdk;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>
/// The checks every primitive gets: pullback and tangent against central finite differences, the
/// two against each other (<c>&lt;u, J v&gt; = &lt;Jᵀ u, v&gt;</c>), float against double, wrong
/// lengths and aliasing. Each reads only the uniform <see cref="PrimitiveCase{T}"/> view.
/// </summary>
public static class DerivativeChecks
{
    /// <summary>Relative tolerance against central differences in double (step 1e-5: error ~1e-10).</summary>
    public const double FiniteDifferenceTolerance = 1e-6;

    /// <summary>Relative tolerance of the adjoint identity between pullback and tangent.</summary>
    public const double AdjointTolerance = 1e-12;

    /// <summary>Relative tolerance of float results against double results on the same inputs.</summary>
    public const double FloatTolerance = 2e-5;

    private const double Step = 1e-5;

    /// <summary>The pullback's shadow increments equal the finite-difference gradient of <c>&lt;u, F(x)&gt;</c>.</summary>
    public static void PullbackMatchesFiniteDifferences(PrimitiveCase<double> c)
    {
        var rng = new Random(11);
        double[][] x = Copy(c.Inputs);
        double[] u = Sample.Uniform(rng, c.OutputLength);
        double[][] before = x.Select(xi => Sample.Uniform(rng, xi.Length)).ToArray();
        double[][] dx = Copy(before);
        double[] y = Evaluate(c, x);
        c.Pullback(Mem(x), y, u, Mem(dx));

        double[][] fd = new double[x.Length][];
        double overall = 0;
        for (int i = 0; i < x.Length; i++)
        {
            fd[i] = new double[x[i].Length];
            for (int j = 0; j < x[i].Length; j++)
            {
                double saved = x[i][j];
                double h = Step * Math.Max(1, Math.Abs(saved));
                x[i][j] = saved + h;
                double plus = Dot(u, Evaluate(c, x));
                x[i][j] = saved - h;
                double minus = Dot(u, Evaluate(c, x));
                x[i][j] = saved;
                fd[i][j] = (plus - minus) / (2 * h);
            }

            overall = Math.Max(overall, MaxAbs(fd[i]));
        }

        for (int i = 0; i < x.Length; i++)
        {
            double[] g = dx[i].Zip(before[i], (after, b) => after - b).ToArray();
            double err = MaxAbsDiff(g, fd[i]);
            double scale = Math.Max(MaxAbs(fd[i]), 1e-3 * Math.Max(1, overall));
            Assert.True(err <= FiniteDifferenceTolerance * scale,
                $"{c.Name}: gradient of {c.InputNames[i]} off by {err:E3} (scale {scale:E3}); pullback [{Show(g)}] vs FD [{Show(fd[i])}]");
        }
    }

    /// <summary>The tangent equals the central difference of F along a random direction, and its value equals F.</summary>
    public static void TangentMatchesFiniteDifferences(PrimitiveCase<double> c)
    {
        var rng = new Random(12);
        double[][] x = Copy(c.Inputs);
        double[][] v = x.Select(xi => Sample.Uniform(rng, xi.Length)).ToArray();
        double[] y = new double[c.OutputLength], ty = new double[c.OutputLength];
        c.Tangent(Mem(x), Mem(v), y, ty);

        double[] primal = Evaluate(c, x);
        double valueErr = MaxAbsDiff(y, primal);
        Assert.True(valueErr <= 1e-13 * Math.Max(1, MaxAbs(primal)), $"{c.Name}: tangent's value off by {valueErr:E3}");

        double[] plus = Evaluate(c, Shift(x, v, Step));
        double[] minus = Evaluate(c, Shift(x, v, -Step));
        double[] fd = plus.Zip(minus, (p, m) => (p - m) / (2 * Step)).ToArray();
        double err = MaxAbsDiff(ty, fd);
        double scale = Math.Max(MaxAbs(fd), 1e-3);
        Assert.True(err <= FiniteDifferenceTolerance * scale,
            $"{c.Name}: tangent off by {err:E3} (scale {scale:E3}); [{Show(ty)}] vs FD [{Show(fd)}]");
    }

    /// <summary><c>&lt;u, J v&gt;</c> from the tangent equals <c>&lt;Jᵀ u, v&gt;</c> from the pullback.</summary>
    public static void PullbackAndTangentAreAdjoint(PrimitiveCase<double> c)
    {
        var rng = new Random(13);
        double[][] x = Copy(c.Inputs);
        double[][] v = x.Select(xi => Sample.Uniform(rng, xi.Length)).ToArray();
        double[] u = Sample.Uniform(rng, c.OutputLength);

        double[] y = new double[c.OutputLength], ty = new double[c.OutputLength];
        c.Tangent(Mem(x), Mem(v), y, ty);
        double[][] g = x.Select(xi => new double[xi.Length]).ToArray();
        c.Pullback(Mem(x), Evaluate(c, x), u, Mem(g));

        double forward = Dot(u, ty);
        double reverse = 0, scale = 0;
        for (int k = 0; k < u.Length; k++)
        {
            scale += Math.Abs(u[k] * ty[k]);
        }

        for (int i = 0; i < x.Length; i++)
        {
            reverse += Dot(g[i], v[i]);
            for (int j = 0; j < v[i].Length; j++)
            {
                scale += Math.Abs(g[i][j] * v[i][j]);
            }
        }

        Assert.True(Math.Abs(forward - reverse) <= AdjointTolerance * Math.Max(scale, 1e-300),
            $"{c.Name}: <u, J v> = {forward:R} but <J^T u, v> = {reverse:R}");
    }

    /// <summary>Primal, pullback and tangent in float agree with double on the same (float) inputs.</summary>
    public static void FloatMatchesDouble(PrimitiveCase<float> f, PrimitiveCase<double> d)
    {
        Assert.Equal(d.Name, f.Name);
        var rng = new Random(14);
        float[][] xf = f.Inputs.Select(Sample.To<float>).ToArray();
        double[][] xd = xf.Select(a => Sample.ToDouble<float>(a)).ToArray();
        float[] uf = Sample.To<float>(Sample.Uniform(rng, f.OutputLength));
        float[][] vf = xf.Select(a => Sample.To<float>(Sample.Uniform(rng, a.Length))).ToArray();

        var yf = new float[f.OutputLength];
        f.Primal(Mem(xf), yf);
        double[] yd = Evaluate(d, xd);
        Close(f.Name + " value", yf, yd);

        float[][] gf = xf.Select(a => new float[a.Length]).ToArray();
        f.Pullback(Mem(xf), yf, uf, Mem(gf));
        double[][] gd = xd.Select(a => new double[a.Length]).ToArray();
        d.Pullback(Mem(xd), yd, Sample.ToDouble<float>(uf), Mem(gd));
        for (int i = 0; i < gf.Length; i++)
        {
            Close($"{f.Name} gradient of {f.InputNames[i]}", gf[i], gd[i]);
        }

        float[] tyf = new float[f.OutputLength], ytf = new float[f.OutputLength];
        f.Tangent(Mem(xf), Mem(vf), ytf, tyf);
        double[] tyd = new double[d.OutputLength], ytd = new double[d.OutputLength];
        d.Tangent(Mem(xd), Mem(vf.Select(a => Sample.ToDouble<float>(a)).ToArray()), ytd, tyd);
        Close(f.Name + " tangent", tyf, tyd);
    }

    /// <summary>A shadow, tangent, output or seed one element too long throws <see cref="ArgumentException"/> naming it.</summary>
    public static void WrongLengthsThrow(PrimitiveCase<double> c)
    {
        double[][] x = Copy(c.Inputs);
        double[] y = Evaluate(c, x);
        double[] u = new double[c.OutputLength];
        for (int i = 0; i < x.Length; i++)
        {
            if (c.ScalarInputs[i])
            {
                continue;
            }

            double[][] dx = Zeros(x);
            dx[i] = new double[x[i].Length + 1];
            ThrowsNaming("d" + c.InputNames[i], () => c.Pullback(Mem(x), y, u, Mem(dx)), c.Name);

            double[][] tx = Zeros(x);
            tx[i] = new double[x[i].Length + 1];
            ThrowsNaming("t" + c.InputNames[i], () => c.Tangent(Mem(x), Mem(tx), new double[c.OutputLength], new double[c.OutputLength]), c.Name);
        }

        if (c.OutputName is { } name)
        {
            ThrowsNaming(name, () => c.Primal(Mem(x), new double[c.OutputLength + 1]), c.Name);
            ThrowsNaming("d" + name, () => c.Pullback(Mem(x), y, new double[c.OutputLength + 1], Mem(Zeros(x))), c.Name);
            ThrowsNaming("t" + name, () => c.Tangent(Mem(x), Mem(Zeros(x)), new double[c.OutputLength], new double[c.OutputLength + 1]), c.Name);
        }
    }

    /// <summary>
    /// Spans a primitive writes that share memory with spans it reads throw <see cref="ArgumentException"/>
    /// naming the written span: outputs over inputs, tangent outputs over input tangents, shadows over seeds
    /// (or, for scalar results, over the inputs).
    /// </summary>
    public static void AliasingThrows(PrimitiveCase<double> c)
    {
        double[][] x = Copy(c.Inputs);
        double[] y = Evaluate(c, x);
        int outLen = c.OutputLength;
        for (int i = 0; i < x.Length; i++)
        {
            if (c.ScalarInputs[i])
            {
                continue;
            }

            if (c.OutputName is { } name)
            {
                // The last element of the output is the first of the input.
                (Memory<double> written, Memory<double> read) = Overlapping(outLen, x[i]);
                Memory<double>[] xs = Mem(x);
                xs[i] = read;
                ThrowsNaming(name, () => c.Primal(xs, written), c.Name);

                (written, read) = Overlapping(outLen, new double[x[i].Length]);
                Memory<double>[] txs = Mem(Zeros(x));
                txs[i] = read;
                ThrowsNaming("t" + name, () => c.Tangent(Mem(x), txs, new double[outLen], written), c.Name);

                (Memory<double> shadow, Memory<double> seed) = Overlapping(x[i].Length, new double[outLen]);
                Memory<double>[] dxs = Mem(Zeros(x));
                dxs[i] = shadow;
                ThrowsNaming("d" + c.InputNames[i], () => c.Pullback(Mem(x), y, seed, dxs), c.Name);
            }
            else
            {
                (Memory<double> shadow, Memory<double> input) = Overlapping(x[i].Length, x[i]);
                Memory<double>[] xs = Mem(x);
                xs[i] = input;
                Memory<double>[] dxs = Mem(Zeros(x));
                dxs[i] = shadow;
                ThrowsNaming("d" + c.InputNames[i], () => c.Pullback(xs, y, new double[outLen], dxs), c.Name);
            }
        }
    }

    /// <summary>
    /// Empty means inactive (docs/custom-derivatives.md): with an empty shadow for one span input (and
    /// with every span input's shadow empty), the other shadows, scalar ones included, get exactly the
    /// contributions of the full call; with an empty tangent the rule writes the same output and output
    /// tangent as with a zero tangent (every element of both, so all-empty tangents give zeros).
    /// </summary>
    public static void EmptyShadowsAndTangentsAreInactive(PrimitiveCase<double> c)
    {
        var rng = new Random(14);
        double[][] x = Copy(c.Inputs);
        double[] u = Sample.Uniform(rng, c.OutputLength);
        double[][] before = x.Select(xi => Sample.Uniform(rng, xi.Length)).ToArray();
        double[][] v = x.Select(xi => Sample.Uniform(rng, xi.Length)).ToArray();
        double[] y = Evaluate(c, x);
        double[][] full = Copy(before);
        c.Pullback(Mem(x), y, u, Mem(full));

        foreach (int[] inactive in InactiveSets(c))
        {
            string which = string.Join(", ", inactive.Select(i => c.InputNames[i]));

            double[][] dx = Copy(before);
            Memory<double>[] dxs = Mem(dx);
            double[][] zeroed = Copy(v);
            Memory<double>[] txs = Mem(v);
            foreach (int i in inactive)
            {
                dxs[i] = Memory<double>.Empty;
                zeroed[i] = new double[x[i].Length];
                txs[i] = Memory<double>.Empty;
            }

            c.Pullback(Mem(x), y, u, dxs);
            for (int j = 0; j < x.Length; j++)
            {
                if (!inactive.Contains(j))
                {
                    Identical($"{c.Name}: shadow of {c.InputNames[j]} with empty shadows for {which}", dx[j], full[j]);
                }
            }

            double[] yZero = new double[c.OutputLength], tyZero = new double[c.OutputLength];
            c.Tangent(Mem(x), Mem(zeroed), yZero, tyZero);
            double[] yEmpty = Enumerable.Repeat(double.NaN, c.OutputLength).ToArray();
            double[] tyEmpty = Enumerable.Repeat(double.NaN, c.OutputLength).ToArray();
            c.Tangent(Mem(x), txs, yEmpty, tyEmpty);
            Identical($"{c.Name}: output with empty tangents for {which}", yEmpty, yZero);
            Identical($"{c.Name}: output tangent with empty tangents for {which} (vs zero tangents)", tyEmpty, tyZero);
            if (inactive.Length == x.Length)
            {
                Identical($"{c.Name}: output tangent with every tangent empty", tyEmpty, new double[c.OutputLength]);
            }
        }
    }

    /// <summary>
    /// Empty shadows and tangents do not switch off the length checks of the others: a non-empty shadow
    /// or tangent of the wrong length beside empty ones throws naming it, and an empty seed or output
    /// tangent (never optional) throws naming it.
    /// </summary>
    public static void WrongLengthsBesideEmptyThrow(PrimitiveCase<double> c)
    {
        double[][] x = Copy(c.Inputs);
        double[] y = Evaluate(c, x);
        double[] u = new double[c.OutputLength];
        int[] spans = SpanInputs(c);
        foreach (int i in spans)
        {
            foreach (int length in new[] { x[i].Length + 1, x[i].Length - 1 }.Where(n => n > 0))
            {
                Memory<double>[] dxs = Mem(Zeros(x));
                Memory<double>[] txs = Mem(Zeros(x));
                foreach (int j in spans)
                {
                    dxs[j] = txs[j] = Memory<double>.Empty;
                }

                dxs[i] = new double[length];
                txs[i] = new double[length];
                ThrowsNaming("d" + c.InputNames[i], () => c.Pullback(Mem(x), y, u, dxs), c.Name);
                ThrowsNaming("t" + c.InputNames[i], () => c.Tangent(Mem(x), txs, new double[c.OutputLength], new double[c.OutputLength]), c.Name);
            }
        }

        if (c.OutputName is { } name)
        {
            ThrowsNaming("d" + name, () => c.Pullback(Mem(x), y, Memory<double>.Empty, Mem(Zeros(x))), c.Name);
            ThrowsNaming("t" + name, () => c.Tangent(Mem(x), Mem(Zeros(x)), new double[c.OutputLength], Memory<double>.Empty), c.Name);
        }
    }

    /// <summary>Each span input alone, then all of them together (when there are several).</summary>
    private static IEnumerable<int[]> InactiveSets(PrimitiveCase<double> c)
    {
        int[] spans = SpanInputs(c);
        foreach (int i in spans)
        {
            yield return [i];
        }

        if (spans.Length > 1)
        {
            yield return spans;
        }
    }

    private static int[] SpanInputs(PrimitiveCase<double> c)
        => Enumerable.Range(0, c.InputNames.Length).Where(i => !c.ScalarInputs[i]).ToArray();

    private static void Identical(string what, double[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < actual.Length; k++)
        {
            Assert.True(actual[k] == expected[k], $"{what}: element {k} is {actual[k]:R}, expected {expected[k]:R}");
        }
    }

    /// <summary>Runs the primal at <paramref name="x"/>.</summary>
    public static double[] Evaluate(PrimitiveCase<double> c, double[][] x)
    {
        var y = new double[c.OutputLength];
        c.Primal(Mem(x), y);
        return y;
    }

    /// <summary>Wraps arrays as memories.</summary>
    public static Memory<T>[] Mem<T>(T[][] arrays) => arrays.Select(a => new Memory<T>(a)).ToArray();

    /// <summary>
    /// A span of <paramref name="writtenLength"/> elements whose last element is the first element of a
    /// copy of <paramref name="read"/>, both cut from one buffer.
    /// </summary>
    private static (Memory<double> Written, Memory<double> Read) Overlapping(int writtenLength, double[] read)
    {
        var buffer = new double[writtenLength + read.Length];
        read.CopyTo(buffer, writtenLength - 1);
        return (buffer.AsMemory(0, writtenLength), buffer.AsMemory(writtenLength - 1, read.Length));
    }

    private static void ThrowsNaming(string parameter, Action action, string caseName)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(action);
        if (ex.ParamName != parameter)
        {
            throw new XunitException($"{caseName}: expected an ArgumentException naming '{parameter}', got '{ex.ParamName}': {ex.Message}");
        }
    }

    private static void Close<T>(string what, T[] actual, double[] expected)
        where T : INumberBase<T>
    {
        double[] a = actual.Select(v => double.CreateChecked(v)).ToArray();
        double err = MaxAbsDiff(a, expected);
        double scale = Math.Max(1, MaxAbs(expected));
        Assert.True(err <= FloatTolerance * scale, $"{what}: float off by {err:E3} (scale {scale:E3})");
    }

    private static double[][] Copy(double[][] x) => x.Select(a => (double[])a.Clone()).ToArray();

    private static double[][] Zeros(double[][] x) => x.Select(a => new double[a.Length]).ToArray();

    private static double[][] Shift(double[][] x, double[][] v, double h)
        => x.Select((a, i) => a.Select((e, j) => e + h * v[i][j]).ToArray()).ToArray();

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double MaxAbs(double[] a) => a.Length == 0 ? 0 : a.Max(Math.Abs);

    private static double MaxAbsDiff(double[] a, double[] b)
    {
        Assert.Equal(b.Length, a.Length);
        double m = 0;
        for (int i = 0; i < a.Length; i++)
        {
            m = Math.Max(m, Math.Abs(a[i] - b[i]));
        }

        return double.IsNaN(a.Sum() + b.Sum()) ? double.NaN : m;
    }

    private static string Show(double[] a) => string.Join(", ", a.Take(6).Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)));
}
