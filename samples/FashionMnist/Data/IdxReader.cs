using System;
using System.IO;
using System.IO.Compression;

namespace DiffGen.Samples.FashionMnist.Data;

/// <summary>
/// Reads the IDX files of (Fashion-)MNIST, gzip-compressed: a big-endian header (two zero bytes, a type code of 0x08
/// for unsigned bytes, the number of dimensions, then each dimension) followed by the values. Every malformation is
/// reported as an <see cref="InvalidDataException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads a file of 28 x 28 images (3 dimensions) as rows of 784 bytes.</summary>
    /// <param name="stream">The gzip-compressed file.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <returns>The image count and the pixels, row-major.</returns>
    public static (int Count, byte[] Pixels) ReadImages(Stream stream, string name)
    {
        var (dimensions, values) = Read(stream, name, expectedDimensions: 3);
        if (dimensions[1] != 28 || dimensions[2] != 28)
            throw new InvalidDataException($"'{name}' holds {dimensions[1]} x {dimensions[2]} images; Fashion-MNIST images are 28 x 28.");
        return (dimensions[0], values);
    }

    /// <summary>Reads a file of labels (1 dimension), each checked to be a class in [0, 10).</summary>
    /// <param name="stream">The gzip-compressed file.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <returns>The labels.</returns>
    public static int[] ReadLabels(Stream stream, string name)
    {
        var (_, values) = Read(stream, name, expectedDimensions: 1);
        var labels = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > 9) throw new InvalidDataException($"'{name}': label {values[i]} of item {i} is not a class in 0..9.");
            labels[i] = values[i];
        }

        return labels;
    }

    private static (int[] Dimensions, byte[] Values) Read(Stream stream, string name, int expectedDimensions)
    {
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            Span<byte> header = stackalloc byte[4];
            ReadFully(gzip, header, name, "header");
            if (header[0] != 0 || header[1] != 0 || header[2] != 0x08)
                throw new InvalidDataException($"'{name}' is not an IDX file of unsigned bytes (header {Convert.ToHexString(header)}).");
            if (header[3] != expectedDimensions)
                throw new InvalidDataException($"'{name}' has {header[3]} dimensions; expected {expectedDimensions}.");
            var dimensions = new int[expectedDimensions];
            long total = 1;
            Span<byte> size = stackalloc byte[4];
            for (int d = 0; d < dimensions.Length; d++)
            {
                ReadFully(gzip, size, name, "dimensions");
                dimensions[d] = (size[0] << 24) | (size[1] << 16) | (size[2] << 8) | size[3];
                if (dimensions[d] <= 0) throw new InvalidDataException($"'{name}' declares a dimension of {dimensions[d]}.");
                total *= dimensions[d];
            }

            if (total > Array.MaxLength) throw new InvalidDataException($"'{name}' declares {total} values, more than fit in memory.");
            var values = new byte[total];
            ReadFully(gzip, values, name, "values");
            if (gzip.ReadByte() != -1) throw new InvalidDataException($"'{name}' has data after its {total} declared values.");
            return (dimensions, values);
        }
        catch (InvalidDataException ex) when (!ex.Message.Contains($"'{name}'", StringComparison.Ordinal))
        {
            // GZipStream's own complaint (not gzip data, corrupt block) names no file.
            throw new InvalidDataException($"'{name}' is not a valid gzip file: {ex.Message}", ex);
        }
    }

    private static void ReadFully(Stream stream, Span<byte> destination, string name, string part)
    {
        try
        {
            stream.ReadExactly(destination);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"'{name}' ends inside its {part}: the file is truncated.");
        }
    }
}
