using System;
using System.Collections.Generic;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>A model that scores 10 classes: test cross-entropy and accuracy from its logits.</summary>
public abstract class Classifier : ImageModel
{
    /// <summary>Clothing classes.</summary>
    public const int Classes = 10;

    /// <inheritdoc/>
    public override IReadOnlyList<string> MetricNames { get; } = ["test_loss", "test_accuracy"];

    /// <summary>The network's class scores for a batch (inference mode).</summary>
    /// <param name="x">The images, <c>count x 784</c>.</param>
    /// <param name="count">Images.</param>
    /// <param name="logits">Output, <c>count x 10</c>.</param>
    public abstract void Logits(ReadOnlySpan<float> x, int count, Span<float> logits);

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> TestMetrics(LabeledDataset<float> data)
    {
        var (loss, accuracy) = Evaluate(data);
        return new Dictionary<string, double> { ["test_loss"] = loss, ["test_accuracy"] = accuracy };
    }

    /// <summary>Mean loss and accuracy on a whole dataset, evaluated in batches.</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <returns>The mean cross-entropy and the fraction classified correctly.</returns>
    public (double Loss, double Accuracy) Evaluate(LabeledDataset<float> data, int batchSize = 1000)
    {
        double lossSum = 0;
        int correct = 0;
        var logits = new float[batchSize * Classes];
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, data.Count - start);
            var x = data.Features.Slice(start * data.FeatureCount, count * data.FeatureCount);
            var labels = data.Labels.Slice(start, count);
            var output = logits.AsSpan(0, count * Classes);
            Logits(x, count, output);
            lossSum += SpanOps.CrossEntropy<float>(output, labels, Classes) * (double)count;
            correct += Metrics.CountCorrect<float>(output, labels, Classes);
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }
}
