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
        Assert.InRange(data.Train.Features.ToArray().Max(), 0.99f, 1f);
    }

    [Fact]
    public void ShortRun_OnTheEmbeddedSubset_LowersTheLoss_AndBeatsChanceByFar()
    {
        var data = Embedded.Value;
        var model = new MlpModel(seed: 1);
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
        (MlpModel Model, Trainer<float> Trainer) Make()
        {
            var model = new MlpModel(seed: 2);
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
