using System;
using System.Linq;
using DiffGen.Training.Tests.Support;
using Xunit;

namespace DiffGen.Training.Tests;

/// <summary><see cref="ImageAugmentation"/>: the transform against pad-then-crop written out, the draws, and its use in the gradient.</summary>
public class ImageAugmentationTests
{
    /// <summary>The shift-and-flip equals padding with zeros, cropping at the shifted corner and mirroring.</summary>
    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(2, -1, false)]
    [InlineData(-3, 3, true)]
    [InlineData(1, 2, true)]
    public void Transform_EqualsPadCropFlip(int rows, int columns, bool flip)
    {
        var aug = new ImageAugmentation { Channels = 2, Height = 5, Width = 4, CropPadding = 3, HorizontalFlip = true };
        var random = new Random(1);
        double[] image = Enumerable.Range(0, 2 * 5 * 4).Select(_ => random.NextDouble()).ToArray();
        int p = aug.CropPadding, ph = 5 + 2 * p, pw = 4 + 2 * p;
        var expected = new double[image.Length];
        for (int c = 0; c < 2; c++)
        {
            var padded = new double[ph, pw];
            for (int h = 0; h < 5; h++)
            for (int w = 0; w < 4; w++) padded[h + p, w + p] = image[(c * 5 + h) * 4 + w];
            var crop = new double[5, 4];
            for (int h = 0; h < 5; h++)
            for (int w = 0; w < 4; w++) crop[h, w] = padded[h + p + rows, w + p + columns];
            for (int h = 0; h < 5; h++)
            for (int w = 0; w < 4; w++) expected[(c * 5 + h) * 4 + w] = flip ? crop[h, 3 - w] : crop[h, w];
        }

        var actual = new double[image.Length];
        aug.Transform<double>(image, rows, columns, flip, actual);
        Assert.Equal(expected, actual);
    }

    /// <summary>Shifts cover [-p, p] in both directions, about half the images flip, and a draw depends only on its seed, step and index.</summary>
    [Fact]
    public void Draw_CoversTheRangeAndIsReproducible()
    {
        var aug = new ImageAugmentation { Height = 8, Width = 8, CropPadding = 2, HorizontalFlip = true };
        var draws = Enumerable.Range(0, 4000).Select(i => aug.Draw(seed: 5, step: 17, index: i)).ToArray();
        Assert.Equal(Enumerable.Range(-2, 5), draws.Select(d => d.Rows).Distinct().Order());
        Assert.Equal(Enumerable.Range(-2, 5), draws.Select(d => d.Columns).Distinct().Order());
        double flipped = draws.Count(d => d.Flip) / 4000.0;
        Assert.InRange(flipped, 0.45, 0.55);
        Assert.Equal(draws, Enumerable.Range(0, 4000).Select(i => aug.Draw(5, 17, i)));
        Assert.True(Enumerable.Range(0, 4000).Count(i => aug.Draw(5, 18, i) != draws[i]) > 3000, "another step must draw other transforms");
        var none = new ImageAugmentation { Height = 8, Width = 8 };
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal((0, 0, false), none.Draw(5, 17, i)));
    }

    /// <summary>
    /// The gradient with augmentation is the gradient on the batch transformed by hand, and the same for any
    /// thread count; augmentation is off by default.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Gradient_WithAugmentation_IsTheGradientOfTheTransformedBatch(int threads)
    {
        Assert.Null(new TrainerOptions().Augmentation);
        var aug = new ImageAugmentation { Height = 3, Width = 3, CropPadding = 1, HorizontalFlip = true };
        var data = LinearRegression.Data(count: 30, features: 9, seed: 2);
        int[] indices = Enumerable.Range(0, 30).Select(i => (i * 11) % 30).ToArray();
        const int step = 4;

        var features = new double[30 * 9];
        for (int n = 0; n < 30; n++)
        {
            var (rows, columns, flip) = aug.Draw(seed: 7, step, n);
            aug.Transform<double>(data.Sample(n), rows, columns, flip, features.AsSpan(n * 9, 9));
        }

        var transformed = new LabeledDataset<double>(features, Enumerable.Range(0, 30).Select(n => data.Labels[n]).ToArray(), 9, data.Classes);
        var reference = new LinearRegression(9);
        reference.Weights.Data.AsSpan().Fill(0.2);
        double want = new DataParallelGradient<double>(reference.Parameters, 1, 30, 9).Compute(transformed, indices, reference.LossGradient);

        var model = new LinearRegression(9);
        model.Weights.Data.AsSpan().Fill(0.2);
        double got = new DataParallelGradient<double>(model.Parameters, threads, 30, 9, aug, seed: 7).Compute(data, indices, model.LossGradient, step);

        Assert.Equal(want, got, 12);
        for (int j = 0; j < 9; j++) Assert.Equal(reference.Weights.Grad[j], model.Weights.Grad[j], 12);
        Assert.NotEqual(want, new DataParallelGradient<double>(model.Parameters, threads, 30, 9).Compute(data, indices, model.LossGradient, step));
    }

    /// <summary>An image shape that does not match the samples throws naming it.</summary>
    [Fact]
    public void Validate_ShapeMismatch_Throws()
    {
        var aug = new ImageAugmentation { Height = 3, Width = 3 };
        Assert.Equal("featureCount", Assert.Throws<ArgumentException>(() => aug.Validate(10)).ParamName);
        Assert.Equal("CropPadding", Assert.Throws<ArgumentOutOfRangeException>(() => (aug with { CropPadding = -1 }).Validate(9)).ParamName);
    }
}
