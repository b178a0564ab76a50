using System;

namespace DiffGen;

/// <summary>
/// The shape of a 2-D pooling over NCHW data, checked once: square windows of <c>Kernel</c> taps every
/// <c>Stride</c> pixels over the input padded by <c>Padding</c> on every side; output
/// <c>(height + 2 padding - kernel) / stride + 1</c> rows (and the same for columns), as in PyTorch.
/// </summary>
internal readonly record struct PoolGeometry(int Batch, int Channels, int Height, int Width, int Kernel, int Stride, int Padding)
{
    /// <summary>Rows of the output.</summary>
    public int OutHeight => (Height + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>Columns of the output.</summary>
    public int OutWidth => (Width + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>Planes (samples times channels).</summary>
    public int Planes => Batch * Channels;

    /// <summary>Input pixels per plane.</summary>
    public int InPlane => Height * Width;

    /// <summary>Output pixels per plane.</summary>
    public int OutPlane => OutHeight * OutWidth;

    /// <summary>Elements of the output.</summary>
    public int OutputLength => Planes * OutPlane;

    /// <summary>
    /// Checks the sizes and the input's length before anything is written: positive kernel and stride,
    /// padding at most half the kernel (so every window holds an input pixel, PyTorch's rule), and a
    /// kernel no larger than the padded input.
    /// </summary>
    public static PoolGeometry Create<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding)
    {
        ShapeChecks.NonNegative(batch, nameof(batch));
        ShapeChecks.Positive(channels, nameof(channels));
        ShapeChecks.Positive(height, nameof(height));
        ShapeChecks.Positive(width, nameof(width));
        ShapeChecks.Positive(kernel, nameof(kernel));
        ShapeChecks.Positive(stride, nameof(stride));
        ShapeChecks.NonNegative(padding, nameof(padding));
        if (2 * padding > kernel)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, $"padding must be at most half the kernel ({kernel} / 2).");
        }

        if (kernel > height + 2L * padding || kernel > width + 2L * padding)
        {
            throw new ArgumentException(
                $"The kernel ({kernel} x {kernel}) is larger than the padded input ({height + 2L * padding} x {width + 2L * padding}).", nameof(kernel));
        }

        ShapeChecks.Elements(x.Length, (long)batch * channels * height * width, nameof(x), $"batch x channels x height x width = {batch} x {channels} x {height} x {width}");
        var g = new PoolGeometry(batch, channels, height, width, kernel, stride, padding);
        ShapeChecks.Fits((long)g.Planes * g.OutHeight * g.OutWidth, "result", "batch x channels x outHeight x outWidth");
        return g;
    }

    /// <summary>Every output pixel's window, in the order of the output.</summary>
    public PoolWindows Windows() => new(this);

    /// <summary>The input rows <c>[Lo, Hi)</c> of output row <paramref name="oh"/>'s windows, clipped to the input.</summary>
    public (int Lo, int Hi) Rows(int oh) => Clip(oh * Stride - Padding, Height);

    /// <summary>The input columns <c>[Lo, Hi)</c> of output column <paramref name="ow"/>'s windows, clipped to the input.</summary>
    public (int Lo, int Hi) Columns(int ow) => Clip(ow * Stride - Padding, Width);

    private (int Lo, int Hi) Clip(int start, int size) => (Math.Max(start, 0), Math.Min(start + Kernel, size));
}
