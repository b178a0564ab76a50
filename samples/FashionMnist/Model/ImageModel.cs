using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// What the sample needs of a model: its parameters, the trainer's gradient function (a call of the
/// generated <c>LossGradient</c>) and its test metrics.
/// </summary>
public abstract class ImageModel
{
    /// <summary>One line naming the architecture, for the console.</summary>
    public abstract string Description { get; }

    /// <summary>The generated method the gradient comes from, for the console.</summary>
    public abstract string GradientName { get; }

    /// <summary>All trainable parameters, in the order of the loss's arguments.</summary>
    public abstract Parameter<float>[] Parameters { get; }

    /// <summary>Number of trainable values.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Length);

    /// <summary>Names of the metrics <see cref="TestMetrics"/> returns, in display order.</summary>
    public abstract IReadOnlyList<string> MetricNames { get; }

    /// <summary>The trainer's gradient function: the generated gradient on one mini-batch.</summary>
    /// <param name="batch">The samples.</param>
    /// <param name="g">Gradient buffers, in <see cref="Parameters"/> order.</param>
    /// <returns>The mean loss.</returns>
    public abstract double LossGradient(MiniBatch<float> batch, float[][] g);

    /// <summary>Test metrics on a whole dataset, evaluated in batches.</summary>
    /// <param name="data">The dataset.</param>
    /// <returns>Each of <see cref="MetricNames"/> with its value.</returns>
    public abstract IReadOnlyDictionary<string, double> TestMetrics(LabeledDataset<float> data);

    /// <summary>A parameter initialised as torch.nn.Linear and Conv2d do: uniform in ±1/sqrt(fan_in).</summary>
    /// <param name="random">Source of the values.</param>
    /// <param name="name">Parameter name (checkpoints).</param>
    /// <param name="fanIn">Inputs of one output unit.</param>
    /// <param name="length">Values.</param>
    /// <returns>The parameter.</returns>
    protected static Parameter<float> Uniform(Random random, string name, int fanIn, int length)
    {
        float bound = 1f / MathF.Sqrt(fanIn);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = bound * (2f * random.NextSingle() - 1f);
        return new Parameter<float>(values, name);
    }

    /// <summary>A parameter of <paramref name="length"/> copies of <paramref name="value"/> (batch norm's scale and shift).</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="length">Values.</param>
    /// <param name="value">The value.</param>
    /// <returns>The parameter.</returns>
    protected static Parameter<float> Constant(string name, int length, float value)
        => new(Enumerable.Repeat(value, length).ToArray(), name);
}
