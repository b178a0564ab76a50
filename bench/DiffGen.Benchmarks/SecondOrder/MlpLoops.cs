using System;

namespace DiffGen.Benchmarks.SecondOrder;

/// <summary>
/// The FashionMnist sample's MLP loss (784-256-128-10, relu, softmax cross-entropy, float) written with loops
/// instead of SpanOps calls: H·v through scalar code, beside <see cref="MlpSpanOps"/>, the same loss through the
/// span primitives' second-order rules.
/// </summary>
public static partial class MlpLoops
{
    public const int Inputs = 784, Hidden1 = 256, Hidden2 = 128, Classes = 10;

    /// <summary>Mean cross-entropy of the batch; weights row-major (inputs × outputs) as in the sample.</summary>
    [Differentiable]
    public static float Loss(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                             ReadOnlySpan<float> w3, ReadOnlySpan<float> b3,
                             [NoDerivative] ReadOnlySpan<float> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        float[] a1 = new float[Hidden1];
        float[] a2 = new float[Hidden2];
        float[] logits = new float[Classes];
        float total = 0;
        for (int s = 0; s < batch; s++)
        {
            for (int j = 0; j < Hidden1; j++)
            {
                float z = b1[j];
                for (int i = 0; i < Inputs; i++) z += x[s * Inputs + i] * w1[i * Hidden1 + j];
                a1[j] = DiffMath.Relu(z);
            }
            for (int j = 0; j < Hidden2; j++)
            {
                float z = b2[j];
                for (int i = 0; i < Hidden1; i++) z += a1[i] * w2[i * Hidden2 + j];
                a2[j] = DiffMath.Relu(z);
            }
            float largest = float.NegativeInfinity;
            for (int j = 0; j < Classes; j++)
            {
                float z = b3[j];
                for (int i = 0; i < Hidden2; i++) z += a2[i] * w3[i * Classes + j];
                logits[j] = z;
                if (z > largest) largest = z;
            }
            float sum = 0;
            for (int j = 0; j < Classes; j++) sum += MathF.Exp(logits[j] - largest);
            total += largest + MathF.Log(sum) - logits[labels[s]];
        }
        return total / batch;
    }
}
