using System;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>The parameters of <see cref="LeNet"/> and the glue to the trainer.</summary>
public sealed class LeNetModel : Classifier
{
    /// <summary>Filters, dense weights and biases initialised as torch's Conv2d and Linear: uniform in ±1/sqrt(fan_in).</summary>
    /// <param name="seed">Seed of the initialisation.</param>
    public LeNetModel(int seed = 0)
    {
        var random = new Random(seed);
        int fan1 = LeNet.Kernel * LeNet.Kernel, fan2 = LeNet.C1 * LeNet.Kernel * LeNet.Kernel;
        Parameters =
        [
            Uniform(random, "k1", fan1, LeNet.C1 * fan1), Uniform(random, "c1", fan1, LeNet.C1),
            Uniform(random, "k2", fan2, LeNet.C2 * fan2), Uniform(random, "c2", fan2, LeNet.C2),
            Uniform(random, "w1", LeNet.Flat, LeNet.Flat * LeNet.F1), Uniform(random, "b1", LeNet.Flat, LeNet.F1),
            Uniform(random, "w2", LeNet.F1, LeNet.F1 * LeNet.F2), Uniform(random, "b2", LeNet.F1, LeNet.F2),
            Uniform(random, "w3", LeNet.F2, LeNet.F2 * LeNet.Classes), Uniform(random, "b3", LeNet.F2, LeNet.Classes),
        ];
    }

    /// <inheritdoc/>
    public override string Description => "LeNet-5 (conv 5x5 6, pool, conv 5x5 16, pool, dense 120-84-10)";

    /// <inheritdoc/>
    public override string GradientName => "LeNet.LossGradient";

    /// <inheritdoc/>
    public override Parameter<float>[] Parameters { get; }

    /// <inheritdoc/>
    public override double LossGradient(MiniBatch<float> batch, float[][] g)
    {
        var p = Parameters;
        return LeNet.LossGradient(p[0].Data, p[1].Data, p[2].Data, p[3].Data, p[4].Data, p[5].Data, p[6].Data, p[7].Data, p[8].Data, p[9].Data,
                                  batch.Features, batch.Labels, batch.Count, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9]);
    }

    /// <inheritdoc/>
    public override void Logits(ReadOnlySpan<float> x, int count, Span<float> logits)
    {
        var p = Parameters;
        LeNet.Logits(p[0].Data, p[1].Data, p[2].Data, p[3].Data, p[4].Data, p[5].Data, p[6].Data, p[7].Data, p[8].Data, p[9].Data, x, count, logits);
    }
}
