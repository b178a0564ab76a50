using System;

namespace DiffGen;

/// <summary>
/// The shape of a 2-D convolution over NCHW data, checked once: input <c>batch x inChannels x height x width</c>,
/// weight <c>outChannels x (inChannels / groups) x kernelHeight x kernelWidth</c>, output
/// <c>batch x outChannels x OutHeight x OutWidth</c> with
/// <c>OutHeight = (height + 2 padding - dilation (kernelHeight - 1) - 1) / stride + 1</c> (PyTorch's formula).
/// </summary>
internal readonly record struct ConvGeometry(int Batch, int InChannels, int Height, int Width, int OutChannels,
                                             int KernelHeight, int KernelWidth, int Stride, int Padding, int Dilation, int Groups)
{
    /// <summary>Rows of the output.</summary>
    public int OutHeight => (Height + 2 * Padding - Dilation * (KernelHeight - 1) - 1) / Stride + 1;

    /// <summary>Columns of the output.</summary>
    public int OutWidth => (Width + 2 * Padding - Dilation * (KernelWidth - 1) - 1) / Stride + 1;

    /// <summary>Input channels per group.</summary>
    public int GroupInChannels => InChannels / Groups;

    /// <summary>Output channels per group.</summary>
    public int GroupOutChannels => OutChannels / Groups;

    /// <summary>Rows of a group's unfolded input (im2col), the depth of its product: <c>(inChannels / groups) kh kw</c>.</summary>
    public int Depth => GroupInChannels * KernelHeight * KernelWidth;

    /// <summary>Output pixels per channel.</summary>
    public int OutPlane => OutHeight * OutWidth;

    /// <summary>Input pixels per channel.</summary>
    public int InPlane => Height * Width;

    /// <summary>Elements of one input sample.</summary>
    public int InSample => InChannels * InPlane;

    /// <summary>Elements of one output sample.</summary>
    public int OutSample => OutChannels * OutPlane;

    /// <summary>Elements of the input.</summary>
    public int InputLength => Batch * InSample;

    /// <summary>Elements of the weight.</summary>
    public int WeightLength => OutChannels * Depth;

    /// <summary>Elements of the output.</summary>
    public int OutputLength => Batch * OutSample;

    /// <summary>Multiply-adds of the whole convolution.</summary>
    public long Work => (long)Batch * OutChannels * Depth * OutPlane;

    /// <summary>
    /// Checks the sizes and the spans of a convolution, before anything is written: non-negative sizes,
    /// positive kernel, stride, dilation and groups, channel counts divisible by the groups, a dilated
    /// kernel that fits the padded input, and the lengths of <paramref name="x"/>, <paramref name="weight"/>
    /// and (when not empty) <paramref name="bias"/>.
    /// </summary>
    public static ConvGeometry Create<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias,
                                         int batch, int inChannels, int height, int width, int outChannels,
                                         int kernelHeight, int kernelWidth, int stride, int padding, int dilation, int groups)
    {
        ShapeChecks.NonNegative(batch, nameof(batch));
        ShapeChecks.Positive(inChannels, nameof(inChannels));
        ShapeChecks.Positive(height, nameof(height));
        ShapeChecks.Positive(width, nameof(width));
        ShapeChecks.Positive(outChannels, nameof(outChannels));
        ShapeChecks.Positive(kernelHeight, nameof(kernelHeight));
        ShapeChecks.Positive(kernelWidth, nameof(kernelWidth));
        ShapeChecks.Positive(stride, nameof(stride));
        ShapeChecks.NonNegative(padding, nameof(padding));
        ShapeChecks.Positive(dilation, nameof(dilation));
        ShapeChecks.Positive(groups, nameof(groups));
        if (inChannels % groups != 0)
        {
            throw new ArgumentException($"inChannels = {inChannels} is not divisible by groups = {groups}.", nameof(inChannels));
        }

        if (outChannels % groups != 0)
        {
            throw new ArgumentException($"outChannels = {outChannels} is not divisible by groups = {groups}.", nameof(outChannels));
        }

        var g = new ConvGeometry(batch, inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride, padding, dilation, groups);
        long extentH = (long)dilation * (kernelHeight - 1) + 1, extentW = (long)dilation * (kernelWidth - 1) + 1;
        if (extentH > height + 2L * padding || extentW > width + 2L * padding)
        {
            throw new ArgumentException(
                $"The kernel spans {extentH} x {extentW} (dilation {dilation}), larger than the padded input {height + 2L * padding} x {width + 2L * padding}.",
                extentH > height + 2L * padding ? nameof(kernelHeight) : nameof(kernelWidth));
        }

        ShapeChecks.Elements(x.Length, (long)batch * inChannels * height * width, nameof(x), $"batch x inChannels x height x width = {batch} x {inChannels} x {height} x {width}");
        ShapeChecks.Elements(weight.Length, (long)outChannels * g.GroupInChannels * kernelHeight * kernelWidth, nameof(weight),
            $"outChannels x (inChannels / groups) x kernelHeight x kernelWidth = {outChannels} x {g.GroupInChannels} x {kernelHeight} x {kernelWidth}");
        if (!bias.IsEmpty)
        {
            ShapeChecks.Elements(bias.Length, outChannels, nameof(bias), $"outChannels = {outChannels} (or empty: no bias)");
        }

        ShapeChecks.Fits((long)batch * outChannels * g.OutHeight * g.OutWidth, "result", "batch x outChannels x outHeight x outWidth");
        return g;
    }
}
