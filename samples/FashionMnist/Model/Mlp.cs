using System;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// The 784-256-128-10 classifier, written as an ordinary model class: its weights and biases are
/// <see cref="Parameter{T}"/> members, and <see cref="Loss"/>, three affine layers with ReLU between them and a
/// softmax cross-entropy on top, is an instance method marked <c>[Differentiable]</c>. The generator writes
/// <c>LossGradient</c> (reverse mode through the span primitives' pullbacks) at build time; it adds the
/// loss's gradient to each parameter's <c>Grad</c>, or to an <c>Mlp.Tangent</c> given to it.
/// </summary>
public sealed partial class Mlp : Classifier
{
    /// <summary>Pixels per image (28 x 28).</summary>
    public const int Inputs = 784;

    /// <summary>Width of the first hidden layer.</summary>
    public const int Hidden1 = 256;

    /// <summary>Width of the second hidden layer.</summary>
    public const int Hidden2 = 128;

    /// <summary>Weights and biases initialised as torch.nn.Linear does: uniform in ±1/sqrt(fan_in).</summary>
    /// <param name="seed">Seed of the initialisation.</param>
    public Mlp(int seed = 0)
    {
        var random = new Random(seed);
        W1 = Uniform(random, "w1", Inputs, Inputs * Hidden1);
        B1 = Uniform(random, "b1", Inputs, Hidden1);
        W2 = Uniform(random, "w2", Hidden1, Hidden1 * Hidden2);
        B2 = Uniform(random, "b2", Hidden1, Hidden2);
        W3 = Uniform(random, "w3", Hidden2, Hidden2 * Classes);
        B3 = Uniform(random, "b3", Hidden2, Classes);
        Parameters = TrainableParameters();
    }

    /// <summary>First layer weights, 784 x 256, input-major (<c>w[i * outputs + j]</c>).</summary>
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

    /// <summary>
    /// relu'(0) of both hidden layers' rectifiers (<c>--relu-at-zero</c>): 0 by default, PyTorch's choice. Configuration,
    /// not a weight: <c>[NoDerivative]</c>.
    /// </summary>
    [NoDerivative]
    public float ReluAtZero { get; init; }

    /// <inheritdoc/>
    public override string Description => "784-256-128-10 MLP";

    /// <inheritdoc/>
    public override string GradientName => "mlp.LossGradient";

    /// <summary>Mean softmax cross-entropy of the network on a batch of <paramref name="batch"/> images (row-major <paramref name="x"/>).</summary>
    [Differentiable]
    public float Loss([NoDerivative] ReadOnlySpan<float> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        float[] z1 = new float[batch * Hidden1], h1 = new float[batch * Hidden1], a1 = new float[batch * Hidden1];
        SpanOps.MatMul(x, W1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<float>(z1, B1, h1);
        SpanOps.Relu<float>(h1, ReluAtZero, a1);

        float[] z2 = new float[batch * Hidden2], h2 = new float[batch * Hidden2], a2 = new float[batch * Hidden2];
        SpanOps.MatMul<float>(a1, W2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<float>(z2, B2, h2);
        SpanOps.Relu<float>(h2, ReluAtZero, a2);

        float[] z3 = new float[batch * Classes], logits = new float[batch * Classes];
        SpanOps.MatMul<float>(a2, W3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<float>(z3, B3, logits);
        return SpanOps.CrossEntropy<float>(logits, labels, Classes);
    }

    /// <summary>
    /// The trainer's gradient function: the generated gradient on one mini-batch, written into the
    /// worker's buffers (an <c>Mlp.Tangent</c> made of them, so data-parallel workers never share one).
    /// </summary>
    public override double LossGradient(MiniBatch<float> batch, float[][] g)
        => LossGradient(batch.Features, batch.Labels, batch.Count, new Tangent(g[0], g[1], g[2], g[3], g[4], g[5]));

    /// <summary>The network's class scores for a batch: the inference half of <see cref="Loss"/> (same layers, no
    /// loss), used for evaluation. Kept beside <see cref="Loss"/> so the two cannot drift apart unnoticed.</summary>
    public override void Logits(ReadOnlySpan<float> x, int batch, Span<float> logits)
    {
        float[] z1 = new float[batch * Hidden1], a1 = new float[batch * Hidden1];
        SpanOps.MatMul(x, W1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<float>(z1, B1, a1);
        SpanOps.Relu<float>(a1, z1);

        float[] z2 = new float[batch * Hidden2], a2 = new float[batch * Hidden2];
        SpanOps.MatMul<float>(z1, W2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<float>(z2, B2, a2);
        SpanOps.Relu<float>(a2, z2);

        float[] z3 = new float[batch * Classes];
        SpanOps.MatMul<float>(z2, W3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<float>(z3, B3, logits);
    }
}
