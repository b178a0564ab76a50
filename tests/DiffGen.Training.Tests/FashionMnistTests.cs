using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using Xunit;

namespace DiffGen.Training.Tests;

/// <summary>The README's main job, end to end on the embedded subset: data, generated gradient, trainer, optimizer.</summary>
public sealed class FashionMnistTests : IDisposable
{
    private static readonly Lazy<FashionMnistData> Embedded = new(FashionMnistData.Embedded);
    private readonly string _directory = Directory.CreateTempSubdirectory("diffgen-fmnist-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EmbeddedSubset_Has6000TrainingAnd1000TestImages_OfEveryClass()
    {
        var data = Embedded.Value;
        Assert.Equal(DataSource.Embedded, data.Source);
        Assert.Equal(6000, data.Train.Count);
        Assert.Equal(1000, data.Test.Count);
        Assert.Equal(784, data.Train.FeatureCount);
        Assert.All(Enumerable.Range(0, 10), c => Assert.True(data.Train.Labels.ToArray().Count(l => l == c) > 400));
        // Standardised pixels: white (255) maps to (1 - mean) / std, black to -mean / std.
        Assert.Equal((1 - FashionMnistData.PixelMean) / FashionMnistData.PixelStd, data.Train.Features.ToArray().Max(), 5);
        Assert.Equal(-FashionMnistData.PixelMean / FashionMnistData.PixelStd, data.Train.Features.ToArray().Min(), 5);
    }

    [Fact]
    public void ShortRun_OnTheEmbeddedSubset_LowersTheLoss_AndBeatsChanceByFar()
    {
        var data = Embedded.Value;
        var model = new Mlp(seed: 1);
        var (lossBefore, accuracyBefore) = model.Evaluate(data.Test);
        var setup = OptimizerSetup.Create(OptimizerKind.Adam, model.Parameters, batchesPerEpoch: 47);
        var trainer = new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient, new TrainerOptions { BatchSize = 128, Threads = 2 });

        var result = trainer.Fit(data.Train, epochs: 2);
        var (lossAfter, accuracyAfter) = model.Evaluate(data.Test);

        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.True(result.History[1].TrainLoss < result.History[0].TrainLoss);
        Assert.True(lossAfter < 0.5 * lossBefore, $"test loss {lossBefore} -> {lossAfter}");
        Assert.InRange(accuracyBefore, 0, 0.3);
        Assert.True(accuracyAfter > 0.65, $"test accuracy {accuracyAfter}");
    }

    /// <summary>Two epochs, a checkpoint, one more epoch in a fresh process-like setup: bit for bit the three-epoch run.</summary>
    [Fact]
    public void CheckpointResume_MatchesAnUninterruptedRun_BitForBit()
    {
        var train = Embedded.Value.Train.Slice(0, 1000);
        (Mlp Model, Trainer<float> Trainer) Make()
        {
            var model = new Mlp(seed: 2);
            var setup = OptimizerSetup.Create(OptimizerKind.Adam, model.Parameters, batchesPerEpoch: 8);
            return (model, new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient,
                                              new TrainerOptions { BatchSize = 128, Threads = 2, Seed = 9 }));
        }

        var (straight, straightTrainer) = Make();
        straightTrainer.Fit(train, 3);

        var (_, firstTrainer) = Make();
        firstTrainer.Fit(train, 2);
        string path = Path.Combine(_directory, "mlp.ckpt");
        firstTrainer.SaveCheckpoint(path);
        var (resumed, resumedTrainer) = Make();
        resumedTrainer.LoadCheckpoint(path);
        resumedTrainer.Fit(train, 3);

        for (int i = 0; i < straight.Parameters.Length; i++)
            Assert.True(straight.Parameters[i].Data.AsSpan().SequenceEqual(resumed.Parameters[i].Data), straight.Parameters[i].Name);
        Assert.Equal(straightTrainer.History[2].TrainLoss, resumedTrainer.History[2].TrainLoss);
    }

    /// <summary>The generated float gradient of the sample's loss against forward mode along a direction in every
    /// parameter (same rules through other code, so equal to float rounding), and against a central difference
    /// along a direction in the output layer, where no ReLU kink lies between the two evaluations.</summary>
    [Fact]
    public void GeneratedGradient_AgreesWithForwardModeAndCentralDifferences()
    {
        var data = Embedded.Value.Train;
        var model = new Mlp(seed: 3);
        var batch = new MiniBatch<float>(16, Mlp.Inputs);
        data.Gather(Enumerable.Range(100, 16).ToArray(), batch);
        var random = new Random(4);
        float[][] direction = model.Parameters.Select(p => Enumerable.Range(0, p.Length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
        float[][] gradient = model.Parameters.Select(p => new float[p.Length]).ToArray();
        model.LossGradient(batch, gradient);
        double Dot(int first) => Enumerable.Range(first, gradient.Length - first)
                                           .Sum(i => gradient[i].Select((g, j) => (double)g * direction[i][j]).Sum());

        var (_, forward) = model.LossTangent(batch.Features, batch.Labels, batch.Count,
                                             new Mlp.Tangent(direction[0], direction[1], direction[2], direction[3], direction[4], direction[5]));
        Assert.Equal(1.0, forward / Dot(0), 4);

        // The .Grad form (no argument) adds what the trainer's form wrote into its buffers.
        model.LossGradient(batch.Features, batch.Labels, batch.Count);
        for (int i = 0; i < gradient.Length; i++) Assert.Equal(gradient[i], model.Parameters[i].Grad);

        float[] w3 = model.W3.Data.ToArray(), b3 = model.B3.Data.ToArray();
        double Shifted(float h)
        {
            for (int j = 0; j < w3.Length; j++) model.W3.Data[j] = w3[j] + h * direction[4][j];
            for (int j = 0; j < b3.Length; j++) model.B3.Data[j] = b3[j] + h * direction[5][j];
            return model.Loss(batch.Features, batch.Labels, batch.Count);
        }

        const float step = 1e-2f;
        double central = (Shifted(step) - Shifted(-step)) / (2 * step), reverse = Dot(4);
        Shifted(0);
        Assert.True(Math.Abs(central - reverse) < 1e-3 * Math.Abs(reverse), $"reverse {reverse}, central difference {central}");
    }

    [Fact]
    public void MissingFile_IsNamed()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => FashionMnistData.FromDirectory(_directory));
        Assert.Contains("train-images-idx3-ubyte.gz", ex.Message);
    }

    [Theory]
    [InlineData("not gzip", "not a valid gzip file")]
    [InlineData("wrong magic", "not an IDX file")]
    [InlineData("truncated", "truncated")]
    [InlineData("wrong size", "28 x 28")]
    public void MalformedImageFile_GivesAMessageNamingIt(string damage, string expected)
    {
        string path = Path.Combine(_directory, "train-images-idx3-ubyte.gz");
        byte side = (byte)(damage == "wrong size" ? 27 : 28);
        byte[] header = { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, side };
        byte[] body = new byte[2 * 28 * side];
        byte[] content = damage switch
        {
            "wrong magic" => [0, 0, 9, 3, .. header[4..], .. body],
            "truncated" => [.. header, .. body[..100]],
            _ => [.. header, .. body],
        };
        if (damage == "not gzip") File.WriteAllBytes(path, content);
        else WriteGzip(path, content);

        using var stream = File.OpenRead(path);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(stream, path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void LabelOutsideTheClasses_IsRejected()
    {
        string path = Path.Combine(_directory, "labels.gz");
        WriteGzip(path, [0, 0, 8, 1, 0, 0, 0, 3, 1, 12, 3]);
        using var stream = File.OpenRead(path);
        Assert.Contains("label 12", Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(stream, path)).Message);
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }
}
