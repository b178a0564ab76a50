using System;
using System.Numerics;

namespace DiffGen.Training;

/// <summary>
/// Random crops with zero padding and horizontal flips of image samples (CHW, row-major), the standard
/// augmentation of the CIFAR and Fashion-MNIST literature. Each sample's transform is drawn from the
/// trainer's seed, the step and the sample's index in the dataset, so a run is reproducible and does
/// not depend on the thread count. Off unless set in <see cref="TrainerOptions.Augmentation"/>.
/// </summary>
public sealed record ImageAugmentation
{
    /// <summary>Channels per image (default 1).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Image rows.</summary>
    public required int Height { get; init; }

    /// <summary>Image columns.</summary>
    public required int Width { get; init; }

    /// <summary>
    /// Zeros added on every side before a crop of the original size is taken at a random position: the
    /// image moves by up to this many pixels in each direction (0: no crops; 4 for 32 x 32 CIFAR images
    /// in the literature).
    /// </summary>
    public int CropPadding { get; init; }

    /// <summary>Whether each image is mirrored left to right with probability 1/2.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>Checks the values against the samples' length; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    /// <param name="featureCount">Values per sample in the dataset.</param>
    public void Validate(int featureCount)
    {
        if (Channels < 1) throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "At least one channel is needed.");
        if (Height < 1) throw new ArgumentOutOfRangeException(nameof(Height), Height, "The height must be positive.");
        if (Width < 1) throw new ArgumentOutOfRangeException(nameof(Width), Width, "The width must be positive.");
        if (CropPadding < 0) throw new ArgumentOutOfRangeException(nameof(CropPadding), CropPadding, "The crop padding must not be negative.");
        if ((long)Channels * Height * Width != featureCount)
        {
            throw new ArgumentException(
                $"Channels x Height x Width = {Channels} x {Height} x {Width} does not match the {featureCount} values of a sample.", nameof(featureCount));
        }
    }

    /// <summary>The transform of one sample: its shift (each in [-CropPadding, CropPadding]) and whether it is flipped.</summary>
    /// <param name="seed">The trainer's seed.</param>
    /// <param name="step">The optimizer step.</param>
    /// <param name="index">The sample's index in the dataset.</param>
    /// <returns>Rows and columns to shift by, and the flip.</returns>
    internal (int Rows, int Columns, bool Flip) Draw(int seed, long step, int index)
    {
        ulong bits = CounterRandom.Bits(CounterRandom.Combine(seed, step), index);
        int span = 2 * CropPadding + 1;
        int rows = CropPadding == 0 ? 0 : (int)(bits % (ulong)span) - CropPadding;
        int columns = CropPadding == 0 ? 0 : (int)(bits / (ulong)span % (ulong)span) - CropPadding;
        return (rows, columns, HorizontalFlip && (bits >> 63) != 0);
    }

    /// <summary>
    /// <c>destination[c, h, w] = source[c, h + rows, w' + columns]</c> with <c>w' = W - 1 - w</c> when flipped
    /// (else w), zero where that falls outside the image.
    /// </summary>
    internal void Transform<T>(ReadOnlySpan<T> source, int rows, int columns, bool flip, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        int plane = Height * Width;
        for (int c = 0; c < Channels; c++)
        {
            for (int h = 0; h < Height; h++)
            {
                int from = h + rows;
                Span<T> line = destination.Slice(c * plane + h * Width, Width);
                if ((uint)from >= (uint)Height)
                {
                    line.Clear();
                    continue;
                }

                ReadOnlySpan<T> src = source.Slice(c * plane + from * Width, Width);
                for (int w = 0; w < Width; w++)
                {
                    int at = (flip ? Width - 1 - w : w) + columns;
                    line[w] = (uint)at < (uint)Width ? src[at] : T.Zero;
                }
            }
        }
    }

    /// <summary>Transforms every sample of a gathered batch in place (through <paramref name="scratch"/>, one sample long).</summary>
    internal void Apply<T>(Span<T> features, ReadOnlySpan<int> indices, int seed, long step, Span<T> scratch)
        where T : unmanaged, INumberBase<T>
    {
        int length = Channels * Height * Width;
        for (int i = 0; i < indices.Length; i++)
        {
            (int rows, int columns, bool flip) = Draw(seed, step, indices[i]);
            if (rows == 0 && columns == 0 && !flip) continue;
            Span<T> sample = features.Slice(i * length, length);
            Transform<T>(sample, rows, columns, flip, scratch);
            scratch.CopyTo(sample);
        }
    }
}
