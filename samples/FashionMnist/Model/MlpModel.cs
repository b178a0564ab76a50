using System;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>The parameters of <see cref="Mlp"/>, their initialisation, and the glue to the trainer.</summary>
public sealed class MlpModel
{
    /// <summary>Weights and biases initialised as torch.nn.Linear does: uniform in ±1/sqrt(fan_in).</summary>
    /// <param name="seed">Seed of the initialisation.</param>
    public MlpModel(int seed = 0)
    {
        var random = new Random(seed);
        W1 = Layer(random, "w1", Mlp.Inputs, Mlp.Inputs * Mlp.Hidden1);
        B1 = Layer(random, "b1", Mlp.Inputs, Mlp.Hidden1);
        W2 = Layer(random, "w2", Mlp.Hidden1, Mlp.Hidden1 * Mlp.Hidden2);
        B2 = Layer(random, "b2", Mlp.Hidden1, Mlp.Hidden2);
        W3 = Layer(random, "w3", Mlp.Hidden2, Mlp.Hidden2 * Mlp.Classes);
        B3 = Layer(random, "b3", Mlp.Hidden2, Mlp.Classes);
        Parameters = [W1, B1, W2, B2, W3, B3];
    }

    /// <summary>First layer weights, 784 x 256, input-major.</summary>
    public Parameter<float> W1 { get; }

    /// <summary>First layer bias.</summary>
    public Parameter<float> B1 { get; }

    /// <summary>Second layer weights, 256 x 128.</summary>
    public Parameter<float> W2 { get; }

    /// <summary>Second layer bias.</summary>
    public Parameter<float> B2 { get; }

    /// <summary>Output layer weights, 128 x 10.</summary>
    public Parameter<float> W3 { get; }

    /// <summary>Output layer bias.</summary>
    public Parameter<float> B3 { get; }

    /// <summary>All parameters, in the order of <see cref="Mlp.Loss"/>'s arguments.</summary>
    public Parameter<float>[] Parameters { get; }

    /// <summary>Number of trainable values.</summary>
    public int ParameterCount => W1.Length + B1.Length + W2.Length + B2.Length + W3.Length + B3.Length;

    /// <summary>The trainer's gradient function: the generated <c>Mlp.LossGradient</c> on one mini-batch.</summary>
    /// <param name="batch">The samples.</param>
    /// <param name="g">Gradient buffers, in <see cref="Parameters"/> order.</param>
    /// <returns>The mean loss.</returns>
    public double LossGradient(MiniBatch<float> batch, float[][] g)
        => Mlp.LossGradient(W1.Data, B1.Data, W2.Data, B2.Data, W3.Data, B3.Data, batch.Features, batch.Labels, batch.Count,
                            g[0], g[1], g[2], g[3], g[4], g[5]);

    /// <summary>Mean loss and accuracy on a whole dataset, evaluated in batches.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <returns>The mean cross-entropy and the fraction classified correctly.</returns>
    public (double Loss, double Accuracy) Evaluate(LabeledDataset<float> data, int batchSize = 1000)
    {
        double lossSum = 0;
        int correct = 0;
        var logits = new float[batchSize * Mlp.Classes];
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, data.Count - start);
            var x = data.Features.Slice(start * Mlp.Inputs, count * Mlp.Inputs);
            var labels = data.Labels.Slice(start, count);
            var output = logits.AsSpan(0, count * Mlp.Classes);
            Mlp.Logits(W1.Data, B1.Data, W2.Data, B2.Data, W3.Data, B3.Data, x, count, output);
            lossSum += SpanOps.CrossEntropy<float>(output, labels, Mlp.Classes) * (double)count;
            correct += Metrics.CountCorrect<float>(output, labels, Mlp.Classes);
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private static Parameter<float> Layer(Random random, string name, int fanIn, int length)
    {
        float bound = 1f / MathF.Sqrt(fanIn);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = bound * (2f * random.NextSingle() - 1f);
        return new Parameter<float>(values, name);
    }
}
