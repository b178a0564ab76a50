using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// 2-D convolution (cross-correlation, as in PyTorch's <c>conv2d</c>) over NCHW data:
    /// <c>result[n, o, p, q] = bias[o] + sum_{c, i, j} weight[o, c, i, j] x[n, g(o) Cg + c, p s - pad + i d, q s - pad + j d]</c>,
    /// zero outside the input, where <c>Cg = inChannels / groups</c> and <c>g(o)</c> is the group of output channel o.
    /// </summary>
    /// <remarks>
    /// Output size <c>(height + 2 padding - dilation (kernelHeight - 1) - 1) / stride + 1</c> (and the same for
    /// the width). Runs as one GEMM per sample and group over the unfolded input (im2col into pooled
    /// buffers), samples split over the cores for large work. Bad sizes throw before anything is written.
    /// </remarks>
    /// <param name="x">Input, <c>batch x inChannels x height x width</c>.</param>
    /// <param name="weight">Filters, <c>outChannels x (inChannels / groups) x kernelHeight x kernelWidth</c>.</param>
    /// <param name="bias">One value per output channel, or empty for no bias.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="stride">Step between output pixels, both directions.</param>
    /// <param name="padding">Zeros added on every side.</param>
    /// <param name="dilation">Spacing of the kernel taps (1: contiguous).</param>
    /// <param name="groups">Channel groups; each output channel sees the inputs of its group only.</param>
    /// <param name="result">Output, <c>batch x outChannels x outHeight x outWidth</c>; must not overlap the inputs.</param>
    public static void Conv2D<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias,
                                 int batch, int inChannels, int height, int width, int outChannels,
                                 int kernelHeight, int kernelWidth, int stride, int padding, int dilation, int groups,
                                 Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ConvGeometry g = RequireConv2D(x, weight, bias, batch, inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride, padding, dilation, groups, result);
        ConvKernels.Forward(g, x, weight, bias, result, accumulate: false);
    }

    /// <summary>
    /// Pullback of <see cref="Conv2D{T}"/>: <c>dx += convᵀ(dresult)</c> (the unfolded adjoint folded back,
    /// col2im), <c>dweight += dresult ⋆ x</c> and <c>dbias[o] += sum dresult[:, o, :, :]</c>.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="weight">Filters.</param>
    /// <param name="bias">Bias, or empty.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="dilation">Dilation.</param>
    /// <param name="groups">Groups.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dweight">Shadow of <paramref name="weight"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dbias">Shadow of <paramref name="bias"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Conv2D))]
    public static void Conv2DPullback<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias,
                                         int batch, int inChannels, int height, int width, int outChannels,
                                         int kernelHeight, int kernelWidth, int stride, int padding, int dilation, int groups,
                                         Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx, Span<T> dweight, Span<T> dbias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ConvGeometry g = RequireConv2D(x, weight, bias, batch, inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride, padding, dilation, groups, result);
        RequireLength(dresult, g.OutputLength, nameof(dresult));
        bool activeX = IsActive(dx, x.Length, nameof(dx));
        bool activeW = IsActive(dweight, weight.Length, nameof(dweight));
        bool activeB = !bias.IsEmpty && IsActive(dbias, bias.Length, nameof(dbias));
        if (bias.IsEmpty && !dbias.IsEmpty)
        {
            ThrowLength(nameof(dbias), dbias.Length, 0);
        }

        RequireShadowDisjoint<T>(dx, nameof(dx), x, weight, bias, dresult);
        RequireShadowDisjoint<T>(dweight, nameof(dweight), x, weight, bias, dresult);
        RequireShadowDisjoint<T>(dbias, nameof(dbias), x, weight, bias, dresult);
        ConvKernels.Backward(g, x, weight, dresult, activeX ? dx : default, activeW ? dweight : default);
        if (activeB)
        {
            ConvKernels.BiasGradient(g, dresult, dbias);
        }
    }

    /// <summary>
    /// Tangent of <see cref="Conv2D{T}"/>: computes <paramref name="result"/> and
    /// <c>tresult = conv(tx, weight) + conv(x, tweight) + tbias</c> (the convolution is bilinear in x and weight).
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="weight">Filters.</param>
    /// <param name="bias">Bias, or empty.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="dilation">Dilation.</param>
    /// <param name="groups">Groups.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tweight">Tangent of <paramref name="weight"/>; empty: zero.</param>
    /// <param name="tbias">Tangent of <paramref name="bias"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Conv2D), Kind = DerivativeKind.Tangent)]
    public static void Conv2DTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias,
                                        int batch, int inChannels, int height, int width, int outChannels,
                                        int kernelHeight, int kernelWidth, int stride, int padding, int dilation, int groups,
                                        Span<T> result, ReadOnlySpan<T> tx, ReadOnlySpan<T> tweight, ReadOnlySpan<T> tbias, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ConvGeometry g = RequireConv2D(x, weight, bias, batch, inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride, padding, dilation, groups, result);
        bool activeX = IsActive(tx, x.Length, nameof(tx));
        bool activeW = IsActive(tweight, weight.Length, nameof(tweight));
        bool activeB = !bias.IsEmpty && IsActive(tbias, bias.Length, nameof(tbias));
        if (bias.IsEmpty && !tbias.IsEmpty)
        {
            ThrowLength(nameof(tbias), tbias.Length, 0);
        }

        RequireLength<T>(tresult, g.OutputLength, nameof(tresult));
        RequireShadowDisjoint<T>(tresult, nameof(tresult), x, weight, bias, result);
        RequireShadowDisjoint<T>(tresult, nameof(tresult), tx, tweight, tbias, default);
        ConvKernels.Forward(g, x, weight, bias, result, accumulate: false);
        if (activeX)
        {
            ConvKernels.Forward(g, tx, weight, default, tresult, accumulate: false);
        }

        if (activeW)
        {
            ConvKernels.Forward(g, x, tweight, default, tresult, accumulate: activeX);
        }

        if (!activeX && !activeW)
        {
            tresult.Clear();
        }

        if (activeB)
        {
            ConvKernels.AddBias(g, tbias, tresult);
        }
    }

    private static ConvGeometry RequireConv2D<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias,
                                                 int batch, int inChannels, int height, int width, int outChannels,
                                                 int kernelHeight, int kernelWidth, int stride, int padding, int dilation, int groups,
                                                 ReadOnlySpan<T> result)
    {
        ConvGeometry g = ConvGeometry.Create(x, weight, bias, batch, inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride, padding, dilation, groups);
        RequireLength(result, g.OutputLength, nameof(result));
        RequireDisjoint(result, x, nameof(result), nameof(x));
        RequireDisjoint(result, weight, nameof(result), nameof(weight));
        RequireDisjoint(result, bias, nameof(result), nameof(bias));
        return g;
    }
}
