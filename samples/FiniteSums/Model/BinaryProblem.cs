using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using DiffGen.Training;

namespace DiffGen.Samples.FiniteSums.Model;

/// <summary>
/// One Fashion-MNIST class against another as L2-regularized logistic regression,
/// F(w) = (1/n) sum_i log(1 + exp(-y_i x_i . w)) + (lambda/2) ||w||^2, with each image's standardized pixels and a
/// bias feature scaled to unit norm, so every sample loss is L-smooth with L = 1/4 (|l''| &lt;= 1/4, ||x_i|| = 1).
/// </summary>
public sealed class BinaryProblem
{
    private BinaryProblem(double[] features, double[] labels, int count, int dimension, double lambda)
    {
        Features = features;
        Labels = labels;
        Count = count;
        Dimension = dimension;
        Lambda = lambda;
    }

    /// <summary>Rows x_i, row-major, n x d.</summary>
    public double[] Features { get; }

    /// <summary>y_i = +1 for the first class, -1 for the second.</summary>
    public double[] Labels { get; }

    /// <summary>n.</summary>
    public int Count { get; }

    /// <summary>d (pixels and bias).</summary>
    public int Dimension { get; }

    /// <summary>lambda.</summary>
    public double Lambda { get; }

    /// <summary>The smoothness constant of every sample loss (rows of unit norm).</summary>
    public double Smoothness => 0.25;

    /// <summary>The samples of classes <paramref name="positive"/> and <paramref name="negative"/>.</summary>
    /// <param name="data">Images and labels.</param>
    /// <param name="positive">Label of the y = +1 class.</param>
    /// <param name="negative">Label of the y = -1 class.</param>
    /// <param name="lambda">L2 strength.</param>
    /// <returns>The problem.</returns>
    public static BinaryProblem Create(LabeledDataset<float> data, int positive, int negative, double lambda)
    {
        int pixels = data.FeatureCount, d = pixels + 1;
        var rows = new List<double>();
        var labels = new List<double>();
        var row = new double[d];
        for (int i = 0; i < data.Count; i++)
        {
            int label = data.Labels[i];
            if (label != positive && label != negative) continue;
            var image = data.Features.Slice(i * pixels, pixels);
            for (int j = 0; j < pixels; j++) row[j] = image[j];
            row[pixels] = 1.0;
            double norm = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(row));
            foreach (double v in row) rows.Add(v / norm);
            labels.Add(label == positive ? 1.0 : -1.0);
        }

        return new BinaryProblem(rows.ToArray(), labels.ToArray(), labels.Count, d, lambda);
    }

    /// <summary>The row x_i.</summary>
    /// <param name="i">Sample.</param>
    /// <returns>Its features.</returns>
    public ReadOnlySpan<double> Row(int i) => Features.AsSpan(i * Dimension, Dimension);

    /// <summary>The data term as a linear model, its margin derivative from the generated <c>MarginLossGradient</c>
    /// (one stored number per sample).</summary>
    /// <returns>The finite sum.</returns>
    public LinearModelSum AsLinearModel() => new(Features, Count, Dimension, (i, z) =>
    {
        LogisticLoss.MarginLossGradient(z, Labels[i], out double dz);
        return dz;
    });

    /// <summary>The data term through the generated <c>SampleLossGradient</c> of the per-sample loss (a full gradient
    /// stored per sample).</summary>
    /// <returns>The finite sum.</returns>
    public SampleGradientSum AsSampleGradients() => new(Count, Dimension, (i, w, g) => LogisticLoss.SampleLossGradient(w, Row(i), Labels[i], g));

    /// <summary>F(w).</summary>
    /// <param name="w">Weights.</param>
    /// <returns>The objective.</returns>
    public double Value(ReadOnlySpan<double> w)
    {
        double sum = 0.0;
        for (int i = 0; i < Count; i++) sum += LogisticLoss.MarginLoss(TensorPrimitives.Dot(Row(i), w), Labels[i]);
        return sum / Count + 0.5 * Lambda * TensorPrimitives.SumOfSquares(w);
    }

    /// <summary>F(w) and its gradient (overwritten into <paramref name="gradient"/>), from the generated per-sample gradient.</summary>
    /// <param name="w">Weights.</param>
    /// <param name="gradient">Receives grad F.</param>
    /// <returns>F(w).</returns>
    public double ValueAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        gradient.Clear();
        double sum = 0.0;
        for (int i = 0; i < Count; i++) sum += LogisticLoss.SampleLossGradient(w, Row(i), Labels[i], gradient);
        TensorPrimitives.Multiply(gradient, 1.0 / Count, gradient);
        TensorPrimitives.MultiplyAdd(w, Lambda, gradient, gradient);
        return sum / Count + 0.5 * Lambda * TensorPrimitives.SumOfSquares(w);
    }

    /// <summary>Adds H v to <paramref name="hv"/>, H the Hessian of F at <paramref name="w"/>:
    /// (1/n) sum_i l''(x_i . w) (x_i . v) x_i + lambda v, with the logistic loss' l''(z) = s (1 - s), s = 1 / (1 + exp(-z))
    /// (y^2 = 1). Written by hand: the generated forward-over-reverse <c>{M}HessianVector</c> is not available yet. Two
    /// passes of the same kind as a gradient's (x_i . w and x_i . v, then the sum), so it costs about one gradient.</summary>
    /// <param name="w">Weights.</param>
    /// <param name="v">Direction.</param>
    /// <param name="hv">Receives H v (accumulated).</param>
    public void HessianVector(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> hv)
    {
        for (int i = 0; i < Count; i++)
        {
            var row = Row(i);
            double s = 1.0 / (1.0 + Math.Exp(-TensorPrimitives.Dot(row, w)));
            TensorPrimitives.MultiplyAdd(row, s * (1.0 - s) * TensorPrimitives.Dot(row, v) / Count, hv, hv);
        }

        TensorPrimitives.MultiplyAdd(v, Lambda, hv, hv);
    }

    /// <summary>The diagonal of that Hessian, (1/n) sum_i l''(x_i . w) x_ij^2 + lambda (overwritten): one pass, for
    /// Newton-CG's diagonal preconditioner.</summary>
    /// <param name="w">Weights.</param>
    /// <param name="diagonal">Receives the diagonal.</param>
    public void HessianDiagonal(ReadOnlySpan<double> w, Span<double> diagonal)
    {
        diagonal.Fill(Lambda);
        for (int i = 0; i < Count; i++)
        {
            var row = Row(i);
            double s = 1.0 / (1.0 + Math.Exp(-TensorPrimitives.Dot(row, w)));
            for (int j = 0; j < row.Length; j++) diagonal[j] += s * (1.0 - s) * row[j] * row[j] / Count;
        }
    }

    /// <summary>The reference optimum: full-batch L-BFGS with the strong-Wolfe line search, run until the largest gradient
    /// component is below 1e-12 or progress stops.</summary>
    /// <returns>F*, and the 2-norm of the gradient there.</returns>
    public (double Value, double GradientNorm) ReferenceOptimum()
    {
        var w = new Parameter<double>(new double[Dimension], "w");
        var lbfgs = new Lbfgs<double>([w], new LbfgsOptions
        {
            MaxIter = 2000, MaxEval = 4000, HistorySize = 20, StrongWolfe = true, ToleranceGrad = 1e-12, ToleranceChange = 1e-30,
        });
        for (int call = 0; call < 5; call++) lbfgs.Step(() => ValueAndGradient(w.Data, w.Grad));
        double value = ValueAndGradient(w.Data, w.Grad);
        return (value, Math.Sqrt(TensorPrimitives.SumOfSquares<double>(w.Grad)));
    }
}
