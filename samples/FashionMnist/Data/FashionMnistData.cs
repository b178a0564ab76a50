using System;
using System.IO;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Data;

/// <summary>Where the images came from.</summary>
public enum DataSource
{
    /// <summary>The full 60,000 + 10,000 images from a directory (Debian's <c>dataset-fashion-mnist</c> by default).</summary>
    Directory,

    /// <summary>The 6,000 + 1,000 images embedded in this sample.</summary>
    Embedded,
}

/// <summary>Fashion-MNIST as training and test sets of standardised <c>float</c> pixels: (p / 255 - mean) / std.</summary>
/// <param name="Train">Training images and labels.</param>
/// <param name="Test">Test images and labels.</param>
/// <param name="Source">Where they came from.</param>
/// <param name="Location">The directory, or "embedded".</param>
public sealed record FashionMnistData(LabeledDataset<float> Train, LabeledDataset<float> Test, DataSource Source, string Location)
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the full dataset.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names, by label.</summary>
    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Mean pixel intensity of the 60,000 training images, in [0, 1]; inputs are standardised with it.</summary>
    public const float PixelMean = 0.2860f;

    /// <summary>Standard deviation of the training pixels, in [0, 1].</summary>
    public const float PixelStd = 0.3530f;

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>The full dataset from <paramref name="directory"/> when given; otherwise from <see cref="DebianDirectory"/>
    /// when installed there, else the embedded subset.</summary>
    /// <param name="directory">A directory holding the four IDX gzip files, or null to choose automatically.</param>
    /// <returns>The data.</returns>
    public static FashionMnistData Load(string? directory = null)
    {
        if (directory is not null) return FromDirectory(directory);
        return File.Exists(Path.Combine(DebianDirectory, FileNames[0])) ? FromDirectory(DebianDirectory) : Embedded();
    }

    /// <summary>The four files of <paramref name="directory"/>; a missing file throws <see cref="FileNotFoundException"/> naming it.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The data.</returns>
    public static FashionMnistData FromDirectory(string directory)
    {
        foreach (string file in FileNames)
        {
            string path = Path.Combine(directory, file);
            if (!File.Exists(path)) throw new FileNotFoundException($"Fashion-MNIST file '{path}' is missing.", path);
        }

        return Build(name => File.OpenRead(Path.Combine(directory, name)), name => Path.Combine(directory, name), DataSource.Directory, directory);
    }

    /// <summary>The subset embedded in this assembly.</summary>
    /// <returns>The data.</returns>
    public static FashionMnistData Embedded()
    {
        var assembly = typeof(FashionMnistData).Assembly;
        return Build(
            name => assembly.GetManifestResourceStream("FashionMnist." + name)
                    ?? throw new FileNotFoundException($"Embedded resource 'FashionMnist.{name}' is missing from {assembly.GetName().Name}."),
            name => "embedded " + name, DataSource.Embedded, "embedded");
    }

    private static FashionMnistData Build(Func<string, Stream> open, Func<string, string> describe, DataSource source, string location)
    {
        LabeledDataset<float> Set(string images, string labels)
        {
            (int count, byte[] pixels) = Read(open, describe, images, IdxReader.ReadImages);
            int[] y = Read(open, describe, labels, IdxReader.ReadLabels);
            if (y.Length != count)
                throw new InvalidDataException($"'{describe(labels)}' has {y.Length} labels but '{describe(images)}' has {count} images.");
            var x = new float[pixels.Length];
            for (int i = 0; i < pixels.Length; i++) x[i] = (pixels[i] / 255f - PixelMean) / PixelStd;
            return new LabeledDataset<float>(x, y, 28 * 28, ClassNames.Length);
        }

        return new FashionMnistData(Set(FileNames[0], FileNames[1]), Set(FileNames[2], FileNames[3]), source, location);
    }

    private static TResult Read<TResult>(Func<string, Stream> open, Func<string, string> describe, string name, Func<Stream, string, TResult> read)
    {
        using var stream = open(name);
        return read(stream, describe(name));
    }
}
