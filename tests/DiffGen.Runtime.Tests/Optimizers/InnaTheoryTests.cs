using System;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>Checkable claims of Castera's thesis (ch. 3) about INNA and gradient descent (ALGORITHMS.md).</summary>
public class InnaTheoryTests
{
    private const int Runs = 1000;
    private const int Iterations = 2000;
    private const double Step = 0.05;

    /// <summary>J = t1^4 - 4 t1^2 + t2^2 summed over independent runs: the parameter holds (t1, t2) of every run, and since
    /// J is separable and the update rules are per element with a constant step, one optimizer over the 2*Runs vector
    /// is exactly Runs independent runs.</summary>
    private static void SaddleGradient(Parameter<double> p)
    {
        for (int r = 0; r < Runs; r++)
        {
            double t1 = p.Data[2 * r], t2 = p.Data[2 * r + 1];
            p.Grad[2 * r] = 4 * t1 * t1 * t1 - 8 * t1;
            p.Grad[2 * r + 1] = 2 * t2;
        }
    }

    private static Func<Parameter<double>, Func<bool>> Method(string name) => name switch
    {
        "gd" => p => new Sgd<double>([p], new SgdOptions { Lr = Step }).Step,
        "inna_ab_below_1" => p => new Inna<double>([p], new InnaOptions { Lr = Step, Alpha = 0.5, Beta = 0.1, DecayPower = 0 }).Step,
        "inna_ab_above_1" => p => new Inna<double>([p], new InnaOptions { Lr = Step, Alpha = 3.0, Beta = 0.5, DecayPower = 0 }).Step,
        _ => throw new ArgumentException(name),
    };

    private static (int Plus, int Minus, int Saddle, int Other) Classify(double[] theta)
    {
        int plus = 0, minus = 0, saddle = 0, other = 0;
        for (int r = 0; r < Runs; r++)
        {
            double t1 = theta[2 * r], t2 = theta[2 * r + 1];
            if (Math.Abs(t2) > 1e-6) other++;
            else if (Math.Abs(t1 - Math.Sqrt(2)) < 1e-6) plus++;
            else if (Math.Abs(t1 + Math.Sqrt(2)) < 1e-6) minus++;
            else if (Math.Abs(t1) < 1e-6) saddle++;
            else other++;
        }

        return (plus, minus, saddle, other);
    }

    private static double[] Run(string method, Func<int, double> t1Start, Func<int, double> t2Start)
    {
        var theta = new double[2 * Runs];
        for (int r = 0; r < Runs; r++) (theta[2 * r], theta[2 * r + 1]) = (t1Start(r), t2Start(r));
        var p = new Parameter<double>(theta);
        var step = Method(method)(p);
        for (int k = 0; k < Iterations; k++)
        {
            SaddleGradient(p);
            step();
        }

        return p.Data;
    }

    [Theory]
    [InlineData("gd")]
    [InlineData("inna_ab_below_1")]
    [InlineData("inna_ab_above_1")]
    public void StrictSaddle_FromTinyPerturbations_NeverConvergesToSaddle_SplitsBetweenMinima(string method)
    {
        var noise = new NoiseSource(2024);
        var starts = new double[2 * Runs];
        noise.FillGaussian<double>(starts);
        var (plus, minus, saddle, other) = Classify(Run(method, r => 1e-12 * starts[2 * r], r => 1e-12 * starts[2 * r + 1]));
        Assert.Equal(0, saddle);
        Assert.Equal(0, other);
        Assert.Equal(Runs, plus + minus);
        Assert.InRange(plus, 400, 600); // binomial(1000, 1/2): 6 standard deviations
    }

    [Theory]
    [InlineData("gd")]
    [InlineData("inna_ab_below_1")]
    [InlineData("inna_ab_above_1")]
    public void StrictSaddle_StartedOnStableManifold_ConvergesToSaddle(string method)
    {
        var noise = new NoiseSource(7);
        var t2 = new double[Runs];
        noise.FillGaussian<double>(t2);
        var (_, _, saddle, _) = Classify(Run(method, _ => 0.0, r => t2[r]));
        Assert.Equal(Runs, saddle);
    }

    /// <summary>J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1| from (-1, 1.5) with constant gamma = 1e-4: INNA (1.3, 0.1)
    /// reaches the unique minimiser (1, 1), crossing the kink of |t1| on the way (abs'(0) = 0 as DESIGN.md fixes).</summary>
    [Fact]
    public void NonsmoothRosenbrock_Inna13_01_ApproachesMinimiser()
    {
        var p = new Parameter<double>([-1.0, 1.5]);
        var o = new Inna<double>([p], new InnaOptions { Lr = 1e-4, Alpha = 1.3, Beta = 0.1, DecayPower = 0 });
        double start = Distance(p.Data);
        for (int k = 0; k < 150_000; k++)
        {
            double t1 = p.Data[0], r = p.Data[1] - Math.Abs(t1);
            p.Grad[0] = -200 * r * Math.Sign(t1) - Math.Sign(1 - t1);
            p.Grad[1] = 200 * r;
            o.Step();
        }

        Assert.True(start > 1.0);
        Assert.True(Distance(p.Data) < 1e-4, $"distance to (1, 1): {Distance(p.Data)}");
    }

    private static double Distance(double[] t) => Math.Sqrt((t[0] - 1) * (t[0] - 1) + (t[1] - 1) * (t[1] - 1));

    /// <summary>J = t1^2 + 2 t2^2 from (1, 1): with (alpha, beta) = (2, 0.1) (alpha beta &lt; 1) INNA spirals into the minimiser
    /// (the coordinates change sign again and again); with (2, 1) it approaches without oscillating. Both converge.</summary>
    [Theory]
    [InlineData(0.1, true)]
    [InlineData(1.0, false)]
    public void Quadratic_SpiralsOnlyWhenAlphaBetaBelowOne(double beta, bool spirals)
    {
        var p = new Parameter<double>([1.0, 1.0]);
        var o = new Inna<double>([p], new InnaOptions { Lr = 0.01, Alpha = 2.0, Beta = beta, DecayPower = 0 });
        int signChanges = 0;
        double[] previous = [1.0, 1.0];
        for (int k = 0; k < 5000; k++)
        {
            p.Grad[0] = 2 * p.Data[0];
            p.Grad[1] = 4 * p.Data[1];
            o.Step();
            for (int i = 0; i < 2; i++)
                if (p.Data[i] > 0 != previous[i] > 0) signChanges++;
            previous = [p.Data[0], p.Data[1]];
        }

        Assert.True(Math.Abs(p.Data[0]) + Math.Abs(p.Data[1]) < 1e-10);
        if (spirals) Assert.True(signChanges >= 10, $"{signChanges} sign changes");
        else Assert.Equal(0, signChanges);
    }
}
