using System;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// The <see cref="Mlp"/> in double precision (<c>--precision double</c>), started from the same initial weights
/// (the float draws, widened), so the two precisions can be compared: how often the rectifiers meet an input
/// exactly at 0 (<c>--count-kinks</c>). A second class because generic differentiable types are not supported yet.
/// </summary>
public sealed partial class MlpDouble
{
    /// <summary>The float network's initial weights, widened to double.</summary>
    /// <param name="seed">Seed of the initialisation (the float network's).</param>
    public MlpDouble(int seed = 0)
    {
        var initial = new Mlp(seed);
        W1 = Widen(initial.W1);
        B1 = Widen(initial.B1);
        W2 = Widen(initial.W2);
        B2 = Widen(initial.B2);
        W3 = Widen(initial.W3);
        B3 = Widen(initial.B3);
        Parameters = TrainableParameters();
    }

    /// <summary>First layer weights, 784 x 256.</summary>
    public Parameter<double> W1 { get; }

    /// <summary>First layer bias.</summary>
    public Parameter<double> B1 { get; }

    /// <summary>Second layer weights, 256 x 128.</summary>
    public Parameter<double> W2 { get; }

    /// <summary>Second layer bias.</summary>
    public Parameter<double> B2 { get; }

    /// <summary>Output layer weights, 128 x 10.</summary>
    public Parameter<double> W3 { get; }

    /// <summary>Output layer bias.</summary>
    public Parameter<double> B3 { get; }

    /// <summary>All trainable parameters, in declaration order.</summary>
    public Parameter<double>[] Parameters { get; }

    /// <summary>relu'(0) of both hidden layers' rectifiers.</summary>
    [NoDerivative]
    public double ReluAtZero { get; init; }

    /// <summary>Mean softmax cross-entropy on a batch: <see cref="Mlp.Loss"/> in double.</summary>
    /// <param name="x">Images, row-major.</param>
    /// <param name="labels">Their classes.</param>
    /// <param name="batch">Images in the batch.</param>
    /// <returns>The loss.</returns>
    [Differentiable]
    public double Loss([NoDerivative] ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        double[] z1 = new double[batch * Mlp.Hidden1], h1 = new double[batch * Mlp.Hidden1], a1 = new double[batch * Mlp.Hidden1];
        SpanOps.MatMul(x, W1, batch, Mlp.Inputs, Mlp.Hidden1, false, false, z1);
        SpanOps.AddBias<double>(z1, B1, h1);
        SpanOps.Relu<double>(h1, ReluAtZero, a1);

        double[] z2 = new double[batch * Mlp.Hidden2], h2 = new double[batch * Mlp.Hidden2], a2 = new double[batch * Mlp.Hidden2];
        SpanOps.MatMul<double>(a1, W2, batch, Mlp.Hidden1, Mlp.Hidden2, false, false, z2);
        SpanOps.AddBias<double>(z2, B2, h2);
        SpanOps.Relu<double>(h2, ReluAtZero, a2);

        double[] z3 = new double[batch * Classifier.Classes], logits = new double[batch * Classifier.Classes];
        SpanOps.MatMul<double>(a2, W3, batch, Mlp.Hidden2, Classifier.Classes, false, false, z3);
        SpanOps.AddBias<double>(z3, B3, logits);
        return SpanOps.CrossEntropy<double>(logits, labels, Classifier.Classes);
    }

    /// <summary>The trainer's gradient function (see <see cref="Mlp.LossGradient(MiniBatch{float}, float[][])"/>).</summary>
    /// <param name="batch">The samples.</param>
    /// <param name="g">Gradient buffers, in <see cref="Parameters"/> order.</param>
    /// <returns>The mean loss.</returns>
    public double LossGradient(MiniBatch<double> batch, double[][] g)
        => LossGradient(batch.Features, batch.Labels, batch.Count, new Tangent(g[0], g[1], g[2], g[3], g[4], g[5]));

    /// <summary>Test loss and accuracy, in batches of 1,000 (the loss is the primal of <see cref="Loss"/>).</summary>
    /// <param name="data">The dataset.</param>
    /// <returns>The mean cross-entropy and the fraction classified correctly.</returns>
    public (double Loss, double Accuracy) Evaluate(LabeledDataset<double> data)
    {
        const int batchSize = 1000;
        double lossSum = 0;
        int correct = 0;
        var logits = new double[batchSize * Classifier.Classes];
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, data.Count - start);
            var x = data.Features.Slice(start * data.FeatureCount, count * data.FeatureCount);
            var labels = data.Labels.Slice(start, count);
            var output = logits.AsSpan(0, count * Classifier.Classes);
            Logits(x, count, output);
            lossSum += SpanOps.CrossEntropy<double>(output, labels, Classifier.Classes) * count;
            correct += Metrics.CountCorrect<double>(output, labels, Classifier.Classes);
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private void Logits(ReadOnlySpan<double> x, int batch, Span<double> logits)
    {
        double[] z1 = new double[batch * Mlp.Hidden1], a1 = new double[batch * Mlp.Hidden1];
        SpanOps.MatMul(x, W1, batch, Mlp.Inputs, Mlp.Hidden1, false, false, z1);
        SpanOps.AddBias<double>(z1, B1, a1);
        SpanOps.Relu<double>(a1, z1);

        double[] z2 = new double[batch * Mlp.Hidden2], a2 = new double[batch * Mlp.Hidden2];
        SpanOps.MatMul<double>(z1, W2, batch, Mlp.Hidden1, Mlp.Hidden2, false, false, z2);
        SpanOps.AddBias<double>(z2, B2, a2);
        SpanOps.Relu<double>(a2, z2);

        double[] z3 = new double[batch * Classifier.Classes];
        SpanOps.MatMul<double>(z2, W3, batch, Mlp.Hidden2, Classifier.Classes, false, false, z3);
        SpanOps.AddBias<double>(z3, B3, logits);
    }

    private static Parameter<double> Widen(Parameter<float> parameter)
    {
        var values = new double[parameter.Length];
        for (int i = 0; i < values.Length; i++) values[i] = parameter.Data[i];
        return new Parameter<double>(values, parameter.Name);
    }
}
