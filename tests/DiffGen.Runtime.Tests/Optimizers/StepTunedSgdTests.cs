using System;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class StepTunedSgdTests
{
    [Fact]
    public void OneIteration_OnQuadratic_MatchesAlgorithm3ByHand()
    {
        // J = 0.5 * sum c_i theta_i^2, gradient c * theta; defaults nu 2, beta 0.9, m~ 0.5, M~ 2, delta 0.001.
        double[] c = [1.0, 1.5];
        var p = new Parameter<double>([1.0, -2.0]);
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.1 });
        void Grad() { for (int i = 0; i < 2; i++) p.Grad[i] = c[i] * p.Data[i]; }
        Assert.True(o.Step(Grad));

        double eta = 0.1 / Math.Pow(1, 0.501) * 1.0;
        double[] th = [1.0, -2.0], g1 = [c[0] * th[0], c[1] * th[1]];
        double[] half = [th[0] - eta * g1[0], th[1] - eta * g1[1]];
        double[] g2 = [c[0] * half[0], c[1] * half[1]];
        double[] next = [half[0] - eta * g2[0], half[1] - eta * g2[1]];
        double[] G = [0.1 * (g2[0] - g1[0]), 0.1 * (g2[1] - g1[1])];
        double[] ghat = G.Select(v => v / (1 - 0.9)).ToArray();
        double[] dth = [-eta * g1[0], -eta * g1[1]];
        double gamma = (dth[0] * dth[0] + dth[1] * dth[1]) / (ghat[0] * dth[0] + ghat[1] * dth[1]);
        Assert.Equal(next[0], p.Data[0], 14);
        Assert.Equal(next[1], p.Data[1], 14);
        Assert.Equal(G, o.GetState(p)!["G"].Select(v => Math.Round(v, 14)).ToArray(), (a, b) => Math.Abs(a - b) < 1e-14);
        // On a quadratic the BB ratio is an inverse Rayleigh quotient of the Hessian diag(c): in [1/1.5, 1], inside [m~, M~].
        Assert.InRange(gamma, 1 / 1.5, 1.0);
        Assert.Equal(gamma, o.Gamma, 12);
    }

    private static (double[] Data, double[] G, double Gamma) RunLarge(KernelPath path, int steps)
    {
        int n = ElementwiseKernel.ParallelThreshold + 1001;
        var p = new Parameter<double>(Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.37)).ToArray());
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.05 }) { KernelPath = path };
        for (int k = 0; k < steps; k++)
            o.Step(() => { for (int i = 0; i < n; i++) p.Grad[i] = (1 + i % 5) * p.Data[i] + 0.01 * Math.Cos(i + k); });
        return (p.Data, o.GetState(p)!["G"], o.Gamma);
    }

    /// <summary>The second half step and its two inner products run in one fused pass (parallel SIMD chunks); the update is
    /// bitwise that of the scalar reference, the sums (associated differently) agree to rounding.</summary>
    [Fact]
    public void FusedReduction_SimdParallel_MatchesScalarReference()
    {
        var a = RunLarge(KernelPath.Scalar, 1);
        var b = RunLarge(KernelPath.Simd, 1);
        Assert.Equal(a.Data, b.Data);
        Assert.Equal(a.G, b.G);
        Assert.Equal(a.Gamma, b.Gamma, 1e-12);
        var c = RunLarge(KernelPath.Scalar, 3);
        var d = RunLarge(KernelPath.Simd, 3);
        Assert.Equal(c.Gamma, d.Gamma, 1e-10);
        Assert.NotEqual(1.0, c.Gamma);
    }

    [Fact]
    public void RunReduce_SumsMatchDirectComputation()
    {
        int n = 1037;
        double[] p = new double[n], g = new double[n], gm = new double[n], g1 = new double[n];
        for (int i = 0; i < n; i++) { g[i] = Math.Cos(i); gm[i] = Math.Sin(i); g1[i] = 0.5 - (i % 7) * 0.1; }
        double expected0 = 0, expected1 = 0;
        for (int i = 0; i < n; i++)
        {
            double gNew = gm[i] * 0.9 + 0.1 * (g[i] - g1[i]);
            expected0 += g1[i] * g1[i];
            expected1 += gNew * g1[i];
        }

        var (sum0, sum1) = ElementwiseKernel.RunReduce(KernelPath.Simd, new StepTunedSecondHalfRule(0.1, 0.9), p, g, gm, g1, default);
        Assert.Equal(expected0, sum0, 1e-10);
        Assert.Equal(expected1, sum1, 1e-10);
    }

    [Fact]
    public void Resume_FromCheckpoint_IsBitIdentical()
    {
        double[] Grad(double[] x, int k) => x.Select((v, i) => (1 + i % 3) * v + 0.1 * Math.Sin(i + k)).ToArray();
        var p = new Parameter<double>([1.0, -2.0, 0.5, 3.0]);
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.1 });
        for (int k = 0; k < 3; k++) o.Step(() => Grad(p.Data, k).CopyTo(p.Grad, 0));
        var ms = new System.IO.MemoryStream();
        o.SaveState(ms);
        var q = new Parameter<double>((double[])p.Data.Clone());
        var r = new StepTunedSgd<double>([q], new StepTunedSgdOptions { Lr = 0.1 });
        r.LoadState(new System.IO.MemoryStream(ms.ToArray()));
        for (int k = 3; k < 6; k++)
        {
            o.Step(() => Grad(p.Data, k).CopyTo(p.Grad, 0));
            r.Step(() => Grad(q.Data, k).CopyTo(q.Grad, 0));
        }

        Assert.Equal(p.Data, q.Data);
        Assert.Equal(o.Gamma, r.Gamma);
        Assert.Equal(6, r.K);
    }

    [Fact]
    public void NegativeCurvature_UsesNu()
    {
        var p = new Parameter<double>([1.0]);
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.1, Nu = 1.5 });
        o.Step(() => p.Grad[0] = -p.Data[0]); // J = -theta^2/2: <G, dtheta> < 0
        Assert.Equal(1.5, o.Gamma);
    }

    [Fact]
    public void MinAboveMax_Throws_NamingMinStepFactor()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new StepTunedSgd<double>([new Parameter<double>([1.0])], new StepTunedSgdOptions { MinStepFactor = 3, MaxStepFactor = 2.5, Nu = 2 }));
        Assert.Equal("MinStepFactor", ex.ParamName);
        Assert.StartsWith("Invalid step factor bounds: m~ = 3.0 exceeds M~ = 2.5", ex.Message);
    }

    [Theory]
    [InlineData(0.0, 0.9, 0.001, "Lr")]
    [InlineData(0.1, 1.0, 0.001, "Beta")]
    [InlineData(0.1, 0.9, 0.5, "Delta")]
    [InlineData(0.1, 0.9, 0.0, "Delta")]
    public void InvalidHyperParameter_Throws_NamingIt(double lr, double beta, double delta, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepTunedSgdOptions { Lr = lr, Beta = beta, Delta = delta }.Validate());
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void SecondGradientOfWrongLength_Throws_AfterRestoringParameters()
    {
        var p = new Parameter<double>([1.0, 2.0], "w");
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.1 });
        int calls = 0;
        var ex = Assert.Throws<ArgumentException>(() => o.Step(() =>
        {
            if (calls++ == 0) p.Grad = [0.75, -0.5];
            else p.Grad = new double[3];
        }));
        Assert.Contains("'w'", ex.Message);
        Assert.Equal(1.0, p.Data[0], 15);
        Assert.Equal(2.0, p.Data[1], 15);
        Assert.Equal(0, o.K);
    }

    [Fact]
    public void NonFiniteSecondGradient_Skip_RestoresParameters()
    {
        var p = new Parameter<double>([1.0, 2.0]);
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.1 }) { NonFiniteGradients = NonFiniteGradientPolicy.Skip };
        int calls = 0;
        Assert.False(o.Step(() => { p.Grad[0] = calls++ == 0 ? 1.0 : double.NaN; p.Grad[1] = 0.5; }));
        Assert.Equal([1.0, 2.0], p.Data);
        Assert.Equal(0, o.K);
    }

    [Fact]
    public void NonFiniteSecondGradient_Throw_RestoresParametersBeforeThrowing()
    {
        var p = new Parameter<double>([1.0, 2.0], "w");
        var o = new StepTunedSgd<double>([p], new StepTunedSgdOptions { Lr = 0.1 }) { NonFiniteGradients = NonFiniteGradientPolicy.Throw };
        int calls = 0;
        var ex = Assert.Throws<NonFiniteGradientException>(() => o.Step(() => { p.Grad[0] = 1.0; p.Grad[1] = calls++ == 0 ? 0.5 : double.NegativeInfinity; }));
        Assert.Equal(("w", 1), (ex.ParameterName, ex.Index));
        Assert.Equal([1.0, 2.0], p.Data);
        Assert.Equal(0, o.K);
        Assert.Equal(0, o.SkippedSteps);
    }

    /// <summary>Thesis claim: on J = (1/N) sum phi(A_n' theta - b_n), phi(t) = t^2/(1+t^2), N = 500, P = 30, mini-batches of 50,
    /// Step-Tuned SGD decreases the loss faster than SGD with the same decay over the first epochs. SGD here is the same
    /// iteration with the step factor pinned to 1 (m~ = M~ = nu = 1): same mini-batches, same two half steps per batch, same
    /// per-epoch decay alpha/(e+1)^(1/2+delta), so only the step tuning differs.</summary>
    [Theory]
    [InlineData(1, 0.2)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.5)]
    public void NonconvexRegression_DecreasesLossFasterThanSgd_OverFirstEpochs(int seed, double alpha)
    {
        const int N = 500, P = 30, B = 50, Epochs = 4;
        var rng = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var a = new double[N, P];
        var b = new double[N];
        var truth = Enumerable.Range(0, P).Select(_ => Gauss()).ToArray();
        for (int n = 0; n < N; n++)
        {
            double s = 0;
            for (int j = 0; j < P; j++) s += (a[n, j] = Gauss()) * truth[j];
            b[n] = s + 0.5 * Gauss();
        }

        double Loss(double[] th)
        {
            double l = 0;
            for (int n = 0; n < N; n++)
            {
                double r = -b[n];
                for (int j = 0; j < P; j++) r += a[n, j] * th[j];
                l += r * r / (1 + r * r);
            }

            return l / N;
        }

        double[] Train(StepTunedSgdOptions options)
        {
            var p = new Parameter<double>(new double[P]);
            var o = new StepTunedSgd<double>([p], options);
            var order = Enumerable.Range(0, N).ToArray();
            var shuffle = new Random(100 + seed);
            var losses = new double[Epochs];
            for (int e = 0; e < Epochs; e++)
            {
                shuffle.Shuffle(order);
                for (int s = 0; s < N / B; s++)
                {
                    var batch = order.AsSpan(s * B, B).ToArray();
                    o.Step(() =>
                    {
                        Array.Clear(p.Grad);
                        foreach (int n in batch)
                        {
                            double r = -b[n];
                            for (int j = 0; j < P; j++) r += a[n, j] * p.Data[j];
                            double d = 2 * r / ((1 + r * r) * (1 + r * r)) / B;
                            for (int j = 0; j < P; j++) p.Grad[j] += d * a[n, j];
                        }
                    });
                }

                losses[e] = Loss(p.Data);
            }

            return losses;
        }

        var tuned = Train(new StepTunedSgdOptions { Lr = alpha, StepsPerEpoch = N / B });
        var sgd = Train(new StepTunedSgdOptions { Lr = alpha, StepsPerEpoch = N / B, Nu = 1, MinStepFactor = 1, MaxStepFactor = 1 });
        for (int e = 0; e < Epochs; e++)
            Assert.True(tuned[e] < sgd[e], $"epoch {e + 1}: Step-Tuned {tuned[e]:F4} vs SGD {sgd[e]:F4}");
        Assert.True(tuned[^1] < Loss(new double[P]));
    }
}
