using System;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Training.Tests.Support;

/// <summary>
/// Least squares y ≈ X w + b with a hand-written gradient: a model small enough that every trainer test runs in
/// milliseconds, whose mean-loss gradient is known in closed form.
/// </summary>
public sealed class LinearRegression
{
    public LinearRegression(int features)
    {
        Weights = new Parameter<double>(new double[features], "w");
        Bias = new Parameter<double>(new double[1], "b");
        Parameters = [Weights, Bias];
    }

    public Parameter<double> Weights { get; }

    public Parameter<double> Bias { get; }

    public Parameter<double>[] Parameters { get; }

    /// <summary>Labels are classes, used as regression targets (label value as a number).</summary>
    public double LossGradient(MiniBatch<double> batch, double[][] g)
    {
        int d = Weights.Length;
        double loss = 0;
        for (int n = 0; n < batch.Count; n++)
        {
            var x = batch.Features.Slice(n * d, d);
            double r = Bias.Data[0] - batch.Labels[n];
            for (int j = 0; j < d; j++) r += Weights.Data[j] * x[j];
            loss += r * r / batch.Count;
            for (int j = 0; j < d; j++) g[0][j] += 2 * r * x[j] / batch.Count;
            g[1][0] += 2 * r / batch.Count;
        }

        return loss;
    }

    /// <summary>A dataset whose targets are an exact linear function of the features (rounded to classes 0..9).</summary>
    public static LabeledDataset<double> Data(int count, int features, int seed)
    {
        var random = new Random(seed);
        var x = new double[count * features];
        var y = new int[count];
        for (int n = 0; n < count; n++)
        {
            double s = 0;
            for (int j = 0; j < features; j++)
            {
                x[n * features + j] = random.NextDouble();
                s += x[n * features + j] * (j + 1);
            }

            y[n] = Math.Clamp((int)Math.Round(s * 9 / (features * (features + 1) / 2.0)), 0, 9);
        }

        return new LabeledDataset<double>(x, y, features, 10);
    }
}
