using System;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>The parameters of <see cref="Mlp"/>, their initialisation, and the glue to the trainer.</summary>
public sealed class MlpModel : Classifier
{
    /// <summary>Weights and biases initialised as torch.nn.Linear does: uniform in ±1/sqrt(fan_in).</summary>
    /// <param name="seed">Seed of the initialisation.</param>
    public MlpModel(int seed = 0)
    {
        var random = new Random(seed);
        W1 = Uniform(random, "w1", Mlp.Inputs, Mlp.Inputs * Mlp.Hidden1);
        B1 = Uniform(random, "b1", Mlp.Inputs, Mlp.Hidden1);
        W2 = Uniform(random, "w2", Mlp.Hidden1, Mlp.Hidden1 * Mlp.Hidden2);
        B2 = Uniform(random, "b2", Mlp.Hidden1, Mlp.Hidden2);
        W3 = Uniform(random, "w3", Mlp.Hidden2, Mlp.Hidden2 * Mlp.Classes);
        B3 = Uniform(random, "b3", Mlp.Hidden2, Mlp.Classes);
        Parameters = [W1, B1, W2, B2, W3, B3];
    }

    /// <inheritdoc/>
    public override string Description => "784-256-128-10 MLP";

    /// <inheritdoc/>
    public override string GradientName => "Mlp.LossGradient";

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

    /// <inheritdoc/>
    public override Parameter<float>[] Parameters { get; }

    /// <inheritdoc/>
    public override double LossGradient(MiniBatch<float> batch, float[][] g)
        => Mlp.LossGradient(W1.Data, B1.Data, W2.Data, B2.Data, W3.Data, B3.Data, batch.Features, batch.Labels, batch.Count,
                            g[0], g[1], g[2], g[3], g[4], g[5]);

    /// <inheritdoc/>
    public override void Logits(ReadOnlySpan<float> x, int count, Span<float> logits)
        => Mlp.Logits(W1.Data, B1.Data, W2.Data, B2.Data, W3.Data, B3.Data, x, count, logits);
}
