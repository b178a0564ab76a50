using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Model code written with plain loops: softmax cross-entropy with integer labels, logistic
/// regression, least squares, matrix-vector products, two-layer perceptrons, convolution, Huber loss,
/// matrix products.
/// </summary>
public static partial class ModelFunctions
{
    /// <summary>-log softmax(logits)[label], with the log-sum-exp shifted by the maximum.</summary>
    [Differentiable]
    public static double SoftmaxCrossEntropy(double[] logits, int label)
    {
        double m = logits[0];
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > m) m = logits[i];
        }
        double s = 0;
        for (int i = 0; i < logits.Length; i++) s += Math.Exp(logits[i] - m);
        return m + Math.Log(s) - logits[label];
    }

    /// <summary>Mean cross-entropy over a batch of rows of logits (row-major batch × classes), int labels.</summary>
    [Differentiable]
    public static double SoftmaxCrossEntropyBatch(ReadOnlySpan<double> logits, int[] labels, int classes)
    {
        double total = 0;
        for (int b = 0; b < labels.Length; b++)
        {
            int row = b * classes;
            double m = logits[row];
            for (int i = 1; i < classes; i++) m = Math.Max(m, logits[row + i]);
            double s = 0;
            for (int i = 0; i < classes; i++) s += Math.Exp(logits[row + i] - m);
            total += m + Math.Log(s) - logits[row + labels[b]];
        }
        return total / labels.Length;
    }

    /// <summary>
    /// Σ_i softplus(z_i) - y_i z_i with z_i = b + &lt;w, x_i&gt;: the logistic loss over a batch of data
    /// rows x (row-major batch × w.Length) and 0/1 labels; softplus is written in its stable two-branch form.
    /// </summary>
    [Differentiable]
    public static double LogisticRegressionLoss(double[] w, double b, [NoDerivative] double[] features, int[] labels)
    {
        int dim = w.Length;
        double loss = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double z = b;
            for (int j = 0; j < dim; j++) z += w[j] * features[i * dim + j];
            double softplus;
            if (z > 0)
            {
                softplus = z + Math.Log(1 + Math.Exp(-z));
            }
            else
            {
                softplus = Math.Log(1 + Math.Exp(z));
            }
            loss += softplus - labels[i] * z;
        }
        return loss;
    }

    /// <summary>‖A x - b‖² with A row-major (b.Length × x.Length), residuals in a local array.</summary>
    [Differentiable]
    public static double LeastSquares(double[] a, double[] x, double[] b)
    {
        int rows = b.Length, cols = x.Length;
        double[] r = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            r[i] = -b[i];
            for (int j = 0; j < cols; j++) r[i] += a[i * cols + j] * x[j];
        }
        double s = 0;
        for (int i = 0; i < rows; i++) s += r[i] * r[i];
        return s;
    }

    /// <summary>Σ_r tanh((W x)_r) with W row-major (w.Length / x.Length rows), the product in a local array.</summary>
    [Differentiable]
    public static double MatVecTanhSum(double[] w, double[] x)
    {
        int cols = x.Length;
        int rows = w.Length / cols;
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) y[r] += w[r * cols + c] * x[c];
        }
        double s = 0;
        for (int r = 0; r < rows; r++) s += Math.Tanh(y[r]);
        return s;
    }

    /// <summary>
    /// ½‖W2 relu(W1 x + b1) + b2 - target‖² for one data sample, weights as flat row-major arrays,
    /// ReLU via DiffMath.Relu.
    /// </summary>
    [Differentiable]
    public static double MlpLossRelu(double[] w1, double[] b1, double[] w2, double[] b2,
                                     [NoDerivative] double[] x, [NoDerivative] double[] target)
    {
        int inputs = x.Length, hidden = b1.Length, outputs = b2.Length;
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++)
        {
            double z = b1[j];
            for (int i = 0; i < inputs; i++) z += w1[j * inputs + i] * x[i];
            h[j] = DiffMath.Relu(z);
        }
        double loss = 0;
        for (int k = 0; k < outputs; k++)
        {
            double o = b2[k];
            for (int j = 0; j < hidden; j++) o += w2[k * hidden + j] * h[j];
            double e = o - target[k];
            loss += 0.5 * e * e;
        }
        return loss;
    }

    /// <summary>
    /// Mean squared error of a two-layer perceptron (ReLU via Math.Max, tanh-free) over a batch of data
    /// rows; the hidden buffer is allocated once outside the batch loop and overwritten per sample.
    /// </summary>
    [Differentiable]
    public static double MlpBatchLossMax(double[] w1, double[] b1, double[] w2, double b2,
                                         [NoDerivative] double[] xs, [NoDerivative] double[] ys)
    {
        int hidden = b1.Length;
        int batch = ys.Length;
        int inputs = xs.Length / batch;
        double[] h = new double[hidden];
        double total = 0;
        for (int s = 0; s < batch; s++)
        {
            for (int j = 0; j < hidden; j++)
            {
                double z = b1[j];
                for (int i = 0; i < inputs; i++) z += w1[j * inputs + i] * xs[s * inputs + i];
                h[j] = Math.Max(0.0, z);
            }
            double o = b2;
            for (int j = 0; j < hidden; j++) o += w2[j] * h[j];
            double e = o - ys[s];
            total += e * e;
        }
        return total / batch;
    }

    /// <summary>Σ_i y_i² for the valid 1-D convolution (correlation) y_i = Σ_k kernel_k signal_{i+k}.</summary>
    [Differentiable]
    public static double Convolution1D(double[] signal, double[] kernel)
    {
        int outputs = signal.Length - kernel.Length + 1;
        double[] y = new double[outputs];
        for (int i = 0; i < outputs; i++)
        {
            for (int k = 0; k < kernel.Length; k++) y[i] += kernel[k] * signal[i + k];
        }
        double s = 0;
        for (int i = 0; i < outputs; i++) s += y[i] * y[i];
        return s;
    }

    /// <summary>Σ Huber(pred_i - target_i) with a data threshold: quadratic inside, linear outside.</summary>
    [Differentiable]
    public static double HuberLoss(double[] pred, [NoDerivative] double[] target, [NoDerivative] double delta)
    {
        double s = 0;
        for (int i = 0; i < pred.Length; i++)
        {
            double r = pred[i] - target[i];
            if (Math.Abs(r) <= delta)
            {
                s += 0.5 * r * r;
            }
            else
            {
                s += delta * (Math.Abs(r) - 0.5 * delta);
            }
        }
        return s;
    }

    /// <summary>‖A B‖_F² for square row-major n × n matrices, the product in a local array (triple loop).</summary>
    [Differentiable]
    public static double MatMulFrobenius(double[] a, double[] b, int n)
    {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++) c[i * n + j] += a[i * n + k] * b[k * n + j];
            }
        }
        double s = 0;
        for (int i = 0; i < c.Length; i++) s += c[i] * c[i];
        return s;
    }

    /// <summary>Σ_{i &lt; j} max(0, margin - (s_i - s_j)): a pairwise ranking hinge over triangular index pairs.</summary>
    [Differentiable]
    public static double PairwiseHinge(double[] scores, [NoDerivative] double margin)
    {
        double s = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            for (int j = i + 1; j < scores.Length; j++) s += Math.Max(0.0, margin - (scores[i] - scores[j]));
        }
        return s;
    }
}
