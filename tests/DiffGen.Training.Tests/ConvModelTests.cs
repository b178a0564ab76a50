using System;
using System.IO;
using System.Linq;
using DiffGen.Samples.FashionMnist.App;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using Xunit;

namespace DiffGen.Training.Tests;

/// <summary>The sample's convolutional models under the trainer: learning, reproducibility, batch norm's running statistics, the command line.</summary>
public sealed class ConvModelTests
{
    private static readonly Lazy<FashionMnistData> Embedded = new(FashionMnistData.Embedded);

    /// <summary>
    /// LeNet-BN on two data-parallel shards: the same seed gives bit-identical parameters and running statistics
    /// (each shard keeps its own), the running statistics move away from their initial values, and the loss falls.
    /// </summary>
    [Fact]
    public void LeNetBn_TwoShards_IsReproducibleAndUpdatesRunningStatistics()
    {
        var train = Embedded.Value.Train.Slice(0, 512);
        (LeNetBnModel Model, TrainingResult Result) Run()
        {
            var model = new LeNetBnModel(seed: 3);
            var setup = OptimizerSetup.Create(OptimizerKind.Adam, model.Parameters, batchesPerEpoch: 8);
            var trainer = new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient, new TrainerOptions { BatchSize = 64, Threads = 2 });
            return (model, trainer.Fit(train, epochs: 2));
        }

        var (a, resultA) = Run();
        var (b, _) = Run();
        Assert.Equal(StopReason.Completed, resultA.Reason);
        Assert.True(resultA.History[1].TrainLoss < resultA.History[0].TrainLoss, "the loss must fall");
        for (int i = 0; i < a.Parameters.Length; i++) Assert.Equal(a.Parameters[i].Data, b.Parameters[i].Data);
        Assert.Equal(a.Running(), b.Running());
        Assert.NotEqual(LeNetBn.InitialRunning(), a.Running());
    }

    /// <summary>
    /// LeNet-BN's running statistics travel with the trainer's checkpoint: one epoch, a checkpoint, a fresh model
    /// resumed from it for a second epoch gives the running statistics and parameters of two uninterrupted epochs
    /// bit for bit (one thread, one shard); a model restored from the file evaluates with the saved statistics.
    /// </summary>
    [Fact]
    public void LeNetBn_Checkpoint_CarriesRunningStatistics()
    {
        var train = Embedded.Value.Train.Slice(0, 256);
        string path = Path.Combine(Path.GetTempPath(), $"diffgen-lenetbn-{Guid.NewGuid():N}.ckpt");
        (LeNetBnModel Model, Trainer<float> Trainer) Make()
        {
            var model = new LeNetBnModel(seed: 5);
            var setup = OptimizerSetup.Create(OptimizerKind.Adam, model.Parameters, batchesPerEpoch: 4);
            return (model, new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient,
                                              new TrainerOptions { BatchSize = 64, Threads = 1, CheckpointState = model }));
        }

        try
        {
            var (straight, straightTrainer) = Make();
            straightTrainer.Fit(train, epochs: 2);

            var (first, firstTrainer) = Make();
            firstTrainer.Fit(train, epochs: 1);
            firstTrainer.SaveCheckpoint(path);

            var (restored, restoredTrainer) = Make();
            restoredTrainer.LoadCheckpoint(path);
            Assert.Equal(first.Running(), restored.Running());
            Assert.NotEqual(LeNetBn.InitialRunning(), restored.Running());

            restoredTrainer.Fit(train, epochs: 2);
            Assert.Equal(straight.Running(), restored.Running());
            for (int i = 0; i < straight.Parameters.Length; i++) Assert.Equal(straight.Parameters[i].Data, restored.Parameters[i].Data);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>LeNet learns on a few hundred images with the augmentation on, and evaluation gives finite metrics.</summary>
    [Fact]
    public void LeNet_WithAugmentation_LowersTheLoss()
    {
        var data = Embedded.Value;
        var model = new LeNetModel(seed: 4);
        var setup = OptimizerSetup.Create(OptimizerKind.Adam, model.Parameters, batchesPerEpoch: 8);
        var trainer = new Trainer<float>(model.Parameters, setup.Optimizer, model.LossGradient, new TrainerOptions
        {
            BatchSize = 64,
            Threads = 2,
            Augmentation = new ImageAugmentation { Height = 28, Width = 28, CropPadding = 2, HorizontalFlip = true },
        });
        var result = trainer.Fit(data.Train.Slice(0, 512), epochs: 3);
        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.True(result.History[2].TrainLoss < result.History[0].TrainLoss, string.Join(", ", result.History.Select(h => h.TrainLoss)));
        var metrics = model.TestMetrics(data.Test.Slice(0, 200));
        Assert.True(double.IsFinite(metrics["test_loss"]));
    }

    /// <summary>The command line takes each model name, defaults to the MLP, and reports an unknown one as bad input.</summary>
    [Fact]
    public void CommandLine_Model_ParsesNamesAndRejectsOthers()
    {
        Assert.Equal(ModelKind.Mlp, CommandLine.Parse([]).Model);
        Assert.Equal(ModelKind.LeNet, CommandLine.Parse(["--model", "lenet"]).Model);
        Assert.Equal(ModelKind.LeNetBn, CommandLine.Parse(["--model", "lenet-bn"]).Model);
        Assert.Equal(ModelKind.Autoencoder, CommandLine.Parse(["--model", "autoencoder"]).Model);
        Assert.True(CommandLine.Parse(["--augment"]).Augment);
        Assert.True(CommandLine.Parse(["--cosine"]).Cosine);
        var ex = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--model", "resnet"]));
        Assert.Contains("resnet", ex.Message);
    }

    /// <summary>Each model's training defaults apply unless a flag overrides them, wherever the flag stands.</summary>
    [Fact]
    public void CommandLine_ModelDefaults_ApplyUnlessOverridden()
    {
        var mlp = CommandLine.Parse([]);
        Assert.Equal((10, false, false), (mlp.Epochs, mlp.Cosine, mlp.Augment));
        var lenet = CommandLine.Parse(["--model", "lenet"]);
        Assert.Equal((20, true, true), (lenet.Epochs, lenet.Cosine, lenet.Augment));
        var overridden = CommandLine.Parse(["--epochs", "3", "--no-augment", "--model", "lenet-bn", "--no-cosine"]);
        Assert.Equal((3, false, false), (overridden.Epochs, overridden.Cosine, overridden.Augment));
        Assert.Equal((0, 2), (lenet.CropPadding, mlp.CropPadding));
        Assert.Equal(1, CommandLine.Parse(["--crop-padding", "1", "--model", "lenet"]).CropPadding);
        var autoencoder = CommandLine.Parse(["--model", "autoencoder", "--cosine"]);
        Assert.Equal((10, true, false), (autoencoder.Epochs, autoencoder.Cosine, autoencoder.Augment));
    }
}
