using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.RandomPrograms.Tests.Harness;

namespace DiffGen.RandomPrograms.Tests.Checks;

/// <summary>
/// Checks one compiled function at random points p (inputs in [-1.5, 1.5], n in [0, length]) and
/// directions u: every generated member returns f(p); &lt;{M}Gradient, u&gt; = {M}Tangent;
/// {M}Directional = {M}Tangent (random points are away from kinks); {M}Pullback adds seed·∇f to its
/// shadows; and on smooth functions central differences of f along u agree with the tangent.
/// </summary>
public static class FunctionChecker
{
    /// <summary>Outcome of the checks at one point.</summary>
    public enum Outcome { Checked, Overflow, Failed, FiniteDifferencesInconclusive, IllConditioned }

    /// <summary>
    /// Whether a disagreement of <paramref name="mismatch"/> between two modes is within what the
    /// derivative itself moves when p moves by a relative 1e-13: then rounding inside the function is
    /// amplified more than the 1e-10 comparison can see through (a derivative of ~1e20 scaled by
    /// ~1e-19, say), and the point is counted as ill-conditioned instead of failed. A wrong
    /// derivative rule differs by far more than that.
    /// </summary>
    private static bool IllConditioned(CompiledFunction function, double[] p, int n, double[] u, double mismatch, double dot, double tangent)
    {
        double[] moved = p.Select(x => x * (1 + 1e-13)).ToArray();
        double[] gradient = new double[p.Length];
        function.Gradient(Copy(moved), n, gradient);
        double movedDot = gradient.Select((g, i) => g * u[i]).Sum();
        double movedTangent = function.Tangent(Copy(moved), n, Copy(u), new double[1]);
        double noise = Math.Abs(movedDot - dot) + Math.Abs(movedTangent - tangent);
        return mismatch <= noise;
    }

    /// <summary>
    /// Whether a disagreement of <paramref name="mismatch"/> between &lt;{M}Gradient, u&gt; and {M}Tangent is within the
    /// rounding the two modes carry at p. Each is linear in its direction or seed in exact arithmetic; in floating
    /// point, how far {M}Tangent(a) + {M}Tangent(u - a) is from {M}Tangent(u), and {M}Pullback's shadows for seeds s and
    /// 1 - s from its shadows for seed 1 (along |u|), measure the rounding each mode adds there: a cancellation of
    /// large terms (x + Hypot(x, 0.5) at x = -1e4; s - s with s = 1e7 that the adjoints cancel exactly and the tangent
    /// sum does not) shows in both. A wrong rule is the same linear map at every split, so it shows as a mismatch far
    /// above that noise. Noise above <see cref="Tolerances.RoundingNoise"/> of the scale excuses nothing.
    /// </summary>
    private static bool WithinRounding(CompiledFunction function, double[] p, int n, double[] u, double mismatch, double scale)
    {
        double noise = 0;
        foreach (double part in new[] { 0.3710937, 0.8134765 })
        {
            double[] a = u.Select(x => x * part).ToArray();
            double[] b = u.Select((x, i) => x - a[i]).ToArray();
            double whole = function.Tangent(Copy(p), n, Copy(u), new double[1]);
            double split = function.Tangent(Copy(p), n, a, new double[1]) + function.Tangent(Copy(p), n, b, new double[1]);
            double[] first = new double[p.Length], second = new double[p.Length], one = new double[p.Length];
            function.Pullback(Copy(p), n, part, first);
            function.Pullback(Copy(p), n, 1 - part, second);
            function.Pullback(Copy(p), n, 1.0, one);
            double reverse = 0;
            for (int i = 0; i < p.Length; i++) reverse += Math.Abs((first[i] + second[i] - one[i]) * u[i]);
            noise = Math.Max(noise, Math.Abs(split - whole) + reverse);
        }
        return double.IsFinite(noise) && noise <= Tolerances.RoundingNoise * scale && mismatch <= 4 * noise;
    }

    public static Outcome CheckPoint(CompiledFunction function, Random random, List<CheckFailure> failures)
    {
        var f = function.Function;
        int dimension = f.Dimension;
        double[] p = Vector(random, dimension, 1.5);
        double[] u = Vector(random, dimension, 1.0);
        int n = random.Next(0, f.ArrayLength + 1);
        double seed = (random.Next(2) == 0 ? -1 : 1) * (0.5 + 1.5 * random.NextDouble());
        double[] shadow0 = Vector(random, dimension, 1.0);
        void Fail(string kind, string details) => failures.Add(new CheckFailure(f.Name, kind, details, p, n, u));

        try
        {
            double value;
            try
            {
                value = function.Value(Copy(p), n);
            }
            catch (ArithmeticException)
            {
                // The function itself throws here (Math.Sign of a NaN that an overflow produced): a
                // property of the random source, like an overflow, not of the generated code.
                return Outcome.Overflow;
            }
            if (!double.IsFinite(value) || Math.Abs(value) > Tolerances.LargestValue) return Outcome.Overflow;

            double[] gradient = new double[dimension];
            double gradientValue = function.Gradient(Copy(p), n, gradient);
            double[] box = new double[1];
            double tangent = function.Tangent(Copy(p), n, Copy(u), box);
            double tangentValue = box[0];
            double directional = function.Directional(Copy(p), n, Copy(u), box);
            double directionalValue = box[0];
            double[] pulled = Copy(shadow0);
            function.Pullback(Copy(p), n, seed, pulled);

            // Overflow inside the derivative is a property of the function. It can show in one mode only:
            // a value that overflows and is then overwritten gives 0 * inf = NaN in reverse mode and
            // nothing in forward mode (IEEE arithmetic, as in any AD tool), so that is skipped too.
            if (!gradient.All(double.IsFinite) || !double.IsFinite(tangent) || !double.IsFinite(directional)) return Outcome.Overflow;

            int before = failures.Count;
            double valueScale = Math.Abs(value);
            if (!Tolerances.Close(gradientValue, value, valueScale, Tolerances.Value)) Fail("Gradient value", $"f = {value:R}, {f.Name}Gradient returned {gradientValue:R}");
            if (!Tolerances.Close(tangentValue, value, valueScale, Tolerances.Value)) Fail("Tangent value", $"f = {value:R}, {f.Name}Tangent returned {tangentValue:R}");
            if (!Tolerances.Close(directionalValue, value, valueScale, Tolerances.Value)) Fail("Directional value", $"f = {value:R}, {f.Name}Directional returned {directionalValue:R}");

            double dot = 0, magnitude = 0;
            for (int i = 0; i < dimension; i++)
            {
                dot += gradient[i] * u[i];
                magnitude += Math.Abs(gradient[i] * u[i]);
            }
            double scale = Math.Max(Math.Max(magnitude, Math.Abs(tangent)), Tolerances.SmallestScale);
            bool illConditioned = false;
            if (!Tolerances.Close(dot, tangent, scale, Tolerances.Modes)
                && !(illConditioned = IllConditioned(function, p, n, u, Math.Abs(dot - tangent), dot, tangent)
                                      || WithinRounding(function, p, n, u, Math.Abs(dot - tangent), scale)))
                Fail("reverse != forward", $"<{f.Name}Gradient, u> = {dot:R}, {f.Name}Tangent = {tangent:R}, gradient {{ {string.Join(", ", gradient.Select(g => g.ToString("R")))} }}");
            if (!Tolerances.Close(directional, tangent, Math.Max(scale, Math.Abs(directional)), Tolerances.Modes)
                && !(illConditioned |= IllConditioned(function, p, n, u, Math.Abs(directional - tangent), dot, tangent)))
                Fail("directional != tangent", $"{f.Name}Directional = {directional:R}, {f.Name}Tangent = {tangent:R}");

            double largest = Math.Max(gradient.Max(Math.Abs), Tolerances.SmallestScale);
            for (int i = 0; i < dimension; i++)
            {
                double expected = shadow0[i] + seed * gradient[i];
                if (!Tolerances.Close(pulled[i], expected, Math.Abs(shadow0[i]) + Math.Abs(seed) * largest, Tolerances.Modes))
                {
                    // A gradient of 1e46 from a chaotic map: its rounding moves with p by more than the mismatch.
                    if (IllConditioned(function, p, n, u, Math.Abs(pulled[i] - expected) / Math.Abs(seed) * Math.Abs(u[i]), dot, tangent))
                    {
                        illConditioned = true;
                        break;
                    }
                    Fail("pullback != seed * gradient", $"shadow {i}: start {shadow0[i]:R}, seed {seed:R}, gradient {gradient[i]:R}: expected {expected:R}, {f.Name}Pullback gave {pulled[i]:R}");
                    break;
                }
            }

            bool inconclusive = false;
            if (f.IsSmooth && FiniteDifferenceMismatch(function, p, u, n, tangent, Math.Max(scale, 1.0), ref inconclusive) is (string fd, double estimate))
            {
                // A derivative that moves by more than the disagreement when p moves by 1e-13 cannot be
                // compared with differences at h >= 1e-5 (cos of a huge argument, say).
                if (IllConditioned(function, p, n, u, Math.Abs(estimate - tangent), dot, tangent)
                    || DisagreementMoves(function, p, n, u, estimate - tangent, Math.Max(scale, 1.0))) inconclusive = true;
                else Fail("finite differences", fd);
            }
            if (f.IsSmooth && function.HessianVector is not null && failures.Count == before) CheckHessianVector(function, p, n, u, Fail, ref inconclusive);
            if (failures.Count != before) return Outcome.Failed;
            if (illConditioned) return Outcome.IllConditioned;
            return inconclusive ? Outcome.FiniteDifferencesInconclusive : Outcome.Checked;
        }
        catch (Exception e)
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            Fail("exception", inner.GetType().Name + ": " + inner.Message + "\n" + inner.StackTrace);
            return Outcome.Failed;
        }
    }

    /// <summary>
    /// {M}HessianVector on a smooth function: wᵀ(H u) against fourth-order central differences along w of
    /// {M}Tangent along u (forward mode, which shares no code with the dual reverse body), w drawn from its own
    /// generator so the other checks see the same points as before. H·v blocked by a call (a span primitive, a
    /// callee taking arrays) throws NotSupportedException: nothing to check.
    /// </summary>
    private static void CheckHessianVector(CompiledFunction function, double[] p, int n, double[] u, Action<string, string> fail, ref bool inconclusive)
    {
        int dimension = function.Function.Dimension;
        var random = new Random(BitConverter.DoubleToInt64Bits(p[0]).GetHashCode() ^ n);
        double[] w = Vector(random, dimension, 1.0);
        double[] hu = new double[dimension];
        try
        {
            function.HessianVector!(Copy(p), n, Copy(u), hu);
        }
        catch (Exception e) when ((e is System.Reflection.TargetInvocationException { InnerException: NotSupportedException }) || e is NotSupportedException)
        {
            return;
        }
        if (!hu.All(double.IsFinite)) return;
        double whu = 0, magnitude = 0;
        for (int i = 0; i < dimension; i++)
        {
            whu += w[i] * hu[i];
            magnitude += Math.Abs(w[i] * hu[i]);
        }
        // The tangent along u as a function of the point: its derivative along w is wᵀ H u.
        var tangentAlongU = function with { Value = (q, m) => function.Tangent(q, m, Copy(u), new double[1]) };
        bool unsettled = false;
        if (FiniteDifferenceMismatch(tangentAlongU, p, w, n, whu, Math.Max(magnitude, 1.0), ref unsettled) is (string fd, double estimate))
        {
            // As for first order: a product that moves by more than the disagreement when p moves by a relative
            // 1e-13 is too ill-conditioned for differences to judge.
            double[] moved = p.Select(x => x * (1 + 1e-13)).ToArray();
            double[] huMoved = new double[dimension];
            function.HessianVector!(moved, n, Copy(u), huMoved);
            double noise = Math.Abs(w.Select((x, i) => x * huMoved[i]).Sum() - whu);
            if (Math.Abs(estimate - whu) <= noise) inconclusive = true;
            else fail("H·v != differences of the tangent", $"wᵀ(H u) = {whu:R}; {fd}");
        }
        if (unsettled) inconclusive = true;
    }

    /// <summary>
    /// Whether the disagreement between differences and tangent changes by more than half of itself when
    /// p moves by a relative 1e-8 or 1e-7: a term oscillating too fast for every step (sin of a value
    /// near 1e8) does that, while a wrong derivative gives a disagreement that moves with p as smoothly as
    /// the derivative does. Such a point is inconclusive for differences, not failed.
    /// </summary>
    private static bool DisagreementMoves(CompiledFunction function, double[] p, int n, double[] u, double disagreement, double scale)
    {
        foreach (double shift in new[] { 1e-8, 1e-7 })
        {
            double[] moved = p.Select(x => x * (1 + shift)).ToArray();
            double tangent = function.Tangent(Copy(moved), n, Copy(u), new double[1]);
            bool inconclusive = false;
            if (FiniteDifferenceMismatch(function, moved, u, n, tangent, scale, ref inconclusive) is not (_, double estimate)) return true;
            if (Math.Abs(estimate - tangent - disagreement) > 0.5 * Math.Abs(disagreement)) return true;
        }
        return false;
    }

    private static readonly double[] Steps = { 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7 };

    /// <summary>
    /// Fourth-order central differences of f along u at steps 1e-2 .. 1e-7. Null when one agrees with
    /// the tangent or when they do not converge (an ill-conditioned function: counted as inconclusive);
    /// otherwise, when two successive steps agree with each other but not with the tangent, the mismatch.
    /// </summary>
    private static (string Description, double Estimate)? FiniteDifferenceMismatch(CompiledFunction function, double[] p, double[] u, int n, double tangent, double scale, ref bool inconclusive)
    {
        var estimates = new List<double>();
        bool converged = false;
        // The steps below 1e-5 are reached only on a mismatch: a term oscillating fast (sin of a value
        // near 1e6) under a much larger smooth one looks converged at 1e-4 / 1e-5 while still averaged
        // away; a wrong derivative stays wrong at every step.
        foreach (double h in Steps)
        {
            double F(double t) => function.Value(p.Select((x, i) => x + t * u[i]).ToArray(), n);
            double estimate = (8 * (F(h) - F(-h)) - (F(2 * h) - F(-2 * h))) / (12 * h);
            if (Tolerances.Close(estimate, tangent, scale, Tolerances.FiniteDifferences)) return null;
            if (estimates.Count > 0 && Tolerances.Close(estimate, estimates[^1], Math.Max(1.0, Math.Max(Math.Abs(estimate), Math.Abs(estimates[^1]))), Tolerances.FiniteDifferences)) converged = true;
            estimates.Add(estimate);
        }
        if (!converged || estimates.All(e => e == estimates[0]))
        {
            // Not converging, or flat: f does not move at all in double precision (e.g. after tanh saturates).
            inconclusive = true;
            return null;
        }
        return ($"tangent {tangent:R}, central differences {string.Join(" / ", estimates.Select(e => e.ToString("R")))} (h = 1e-2 / 1e-3 / 1e-4 / 1e-5 / 1e-6 / 1e-7)", estimates[^1]);
    }

    private static double[] Vector(Random random, int length, double range)
    {
        var v = new double[length];
        for (int i = 0; i < length; i++) v[i] = range * (2 * random.NextDouble() - 1);
        return v;
    }

    private static double[] Copy(double[] v) => (double[])v.Clone();
}
