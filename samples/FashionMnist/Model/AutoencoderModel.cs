using System;
using System.Collections.Generic;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// The parameters of <see cref="Autoencoder"/> and the glue to the trainer. Its test metrics are the
/// reconstruction error and that of the training set's mean image (the best constant reconstruction),
/// with their ratio.
/// </summary>
public sealed class AutoencoderModel : ImageModel
{
    private const int EvaluationBatch = 1000;
    private readonly float[] _meanImage;

    /// <summary>Weights and biases initialised as torch.nn.Linear does.</summary>
    /// <param name="train">The training images (for the mean-image baseline).</param>
    /// <param name="seed">Seed of the initialisation.</param>
    public AutoencoderModel(LabeledDataset<float> train, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(train);
        var random = new Random(seed);
        var parameters = new List<Parameter<float>>();
        int[] widths = Autoencoder.Widths;
        for (int layer = 0; layer + 1 < widths.Length; layer++)
        {
            parameters.Add(Uniform(random, $"w{layer + 1}", widths[layer], widths[layer] * widths[layer + 1]));
            parameters.Add(Uniform(random, $"b{layer + 1}", widths[layer], widths[layer + 1]));
        }

        Parameters = parameters.ToArray();
        _meanImage = new float[Autoencoder.Inputs];
        var sum = new double[Autoencoder.Inputs];
        for (int i = 0; i < train.Count; i++)
        {
            ReadOnlySpan<float> image = train.Features.Slice(i * Autoencoder.Inputs, Autoencoder.Inputs);
            for (int j = 0; j < sum.Length; j++) sum[j] += image[j];
        }

        for (int j = 0; j < sum.Length; j++) _meanImage[j] = (float)(sum[j] / train.Count);
    }

    /// <inheritdoc/>
    public override string Description => "dense auto-encoder 784-512-256-32-256-512-784, mean squared error";

    /// <inheritdoc/>
    public override string GradientName => "Autoencoder.LossGradient";

    /// <inheritdoc/>
    public override Parameter<float>[] Parameters { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> MetricNames { get; } = ["test_mse", "mean_image_mse", "mean_image_ratio"];

    /// <inheritdoc/>
    public override double LossGradient(MiniBatch<float> batch, float[][] g)
    {
        var p = Parameters;
        return Autoencoder.LossGradient(p[0].Data, p[1].Data, p[2].Data, p[3].Data, p[4].Data, p[5].Data, p[6].Data, p[7].Data,
                                        p[8].Data, p[9].Data, p[10].Data, p[11].Data, batch.Features, batch.Count,
                                        g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11]);
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> TestMetrics(LabeledDataset<float> data)
    {
        var p = Parameters;
        double error = 0, baseline = 0;
        var output = new float[EvaluationBatch * Autoencoder.Inputs];
        for (int start = 0; start < data.Count; start += EvaluationBatch)
        {
            int count = Math.Min(EvaluationBatch, data.Count - start);
            ReadOnlySpan<float> x = data.Features.Slice(start * Autoencoder.Inputs, count * Autoencoder.Inputs);
            Span<float> y = output.AsSpan(0, x.Length);
            Autoencoder.Reconstruct(p[0].Data, p[1].Data, p[2].Data, p[3].Data, p[4].Data, p[5].Data, p[6].Data, p[7].Data,
                                    p[8].Data, p[9].Data, p[10].Data, p[11].Data, x, count, y);
            for (int i = 0; i < x.Length; i++)
            {
                double d = y[i] - x[i], m = _meanImage[i % Autoencoder.Inputs] - x[i];
                error += d * d;
                baseline += m * m;
            }
        }

        double pixels = (double)data.Count * Autoencoder.Inputs;
        return new Dictionary<string, double>
        {
            ["test_mse"] = error / pixels,
            ["mean_image_mse"] = baseline / pixels,
            ["mean_image_ratio"] = baseline / error,
        };
    }
}
