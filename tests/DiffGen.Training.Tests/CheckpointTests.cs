using System;
using System.IO;
using DiffGen.Optimizers;
using DiffGen.Training.Tests.Support;
using Xunit;

namespace DiffGen.Training.Tests;

public sealed class CheckpointTests : IDisposable
{
    private static readonly LabeledDataset<double> Data = LinearRegression.Data(count: 90, features: 3, seed: 2);
    private readonly string _directory = Directory.CreateTempSubdirectory("diffgen-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (LinearRegression Model, Trainer<double> Trainer) Make(int seed = 4, int threads = 2, ICheckpointState? state = null)
    {
        var model = new LinearRegression(3);
        var adam = new Adam<double>(model.Parameters, new AdamOptions { Lr = 0.02, Amsgrad = true });
        return (model, new Trainer<double>(model.Parameters, adam, model.LossGradient,
                                           new TrainerOptions { BatchSize = 16, Seed = seed, Threads = threads, CheckpointState = state }));
    }

    /// <summary>A few doubles as model state, length-prefixed.</summary>
    private sealed class CounterState : ICheckpointState
    {
        public double[] Values { get; set; } = [];

        public void SaveState(Stream stream)
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Values.Length);
            foreach (double v in Values) writer.Write(v);
        }

        public void LoadState(Stream stream)
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            var values = new double[reader.ReadInt32()];
            for (int i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
            Values = values;
        }
    }

    [Fact]
    public void Resume_ContinuesBitIdentically()
    {
        var (straight, straightTrainer) = Make();
        straightTrainer.Fit(Data, 3);

        var (first, firstTrainer) = Make();
        firstTrainer.Fit(Data, 2);
        string path = Path.Combine(_directory, "run.ckpt");
        firstTrainer.SaveCheckpoint(path);
        var (resumed, resumedTrainer) = Make();
        resumedTrainer.LoadCheckpoint(path);
        var result = resumedTrainer.Fit(Data, 3);

        Assert.Equal(3, result.History.Count);
        Assert.Equal(straightTrainer.Steps, resumedTrainer.Steps);
        Assert.Equal(straight.Weights.Data, resumed.Weights.Data);
        Assert.Equal(straight.Bias.Data, resumed.Bias.Data);
        Assert.Equal(straightTrainer.History[2].TrainLoss, result.History[2].TrainLoss);
        Assert.NotEqual(first.Weights.Data, resumed.Weights.Data);
    }

    [Fact]
    public void CheckpointPath_IsWrittenAfterEveryEpoch_WithoutLeftovers()
    {
        string path = Path.Combine(_directory, "auto.ckpt");
        var model = new LinearRegression(3);
        var trainer = new Trainer<double>(model.Parameters, new Sgd<double>(model.Parameters), model.LossGradient,
                                          new TrainerOptions { BatchSize = 16, CheckpointPath = path });
        trainer.Fit(Data, 2);

        Assert.True(File.Exists(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_directory));
        var (_, restored) = Make(seed: 0);
        Assert.Throws<InvalidDataException>(() => restored.LoadCheckpoint(path)); // SGD state into Adam
    }

    [Fact]
    public void TruncatedOrCorruptFile_Throws_AndLeavesTheTrainerUnchanged()
    {
        var (_, trainer) = Make();
        trainer.Fit(Data, 1);
        string path = Path.Combine(_directory, "good.ckpt");
        trainer.SaveCheckpoint(path);
        byte[] bytes = File.ReadAllBytes(path);

        var (model, fresh) = Make();
        double[] before = (double[])model.Weights.Data.Clone();
        foreach (int length in new[] { 3, 20, bytes.Length / 2, bytes.Length - 1 })
        {
            string truncated = Path.Combine(_directory, $"cut{length}.ckpt");
            File.WriteAllBytes(truncated, bytes[..length]);
            Assert.Throws<InvalidDataException>(() => fresh.LoadCheckpoint(truncated));
        }

        byte[] wrongMagic = (byte[])bytes.Clone();
        wrongMagic[0] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(_directory, "magic.ckpt"), wrongMagic);
        Assert.Contains("not a DiffGen training checkpoint",
                        Assert.Throws<InvalidDataException>(() => fresh.LoadCheckpoint(Path.Combine(_directory, "magic.ckpt"))).Message);

        Assert.Equal(before, model.Weights.Data);
        Assert.Equal(0, fresh.CompletedEpochs);
        Assert.Throws<FileNotFoundException>(() => fresh.LoadCheckpoint(Path.Combine(_directory, "missing.ckpt")));
    }

    /// <summary>Model state (<see cref="TrainerOptions.CheckpointState"/>) travels with the checkpoint, and a trainer
    /// with state refuses a file without and the other way round, naming why and changing nothing.</summary>
    [Fact]
    public void ModelState_IsRestored_AndAMismatchIsRefused()
    {
        var state = new CounterState { Values = [1.5, -2, 3] };
        var (_, trainer) = Make(state: state);
        trainer.Fit(Data, 1);
        string withState = Path.Combine(_directory, "state.ckpt");
        trainer.SaveCheckpoint(withState);

        var restored = new CounterState();
        var (model, resumed) = Make(state: restored);
        resumed.LoadCheckpoint(withState);
        Assert.Equal(state.Values, restored.Values);

        var (plain, plainTrainer) = Make();
        double[] before = (double[])plain.Weights.Data.Clone();
        Assert.Contains("holds model state", Assert.Throws<InvalidDataException>(() => plainTrainer.LoadCheckpoint(withState)).Message);
        Assert.Equal(before, plain.Weights.Data);

        string withoutState = Path.Combine(_directory, "plain.ckpt");
        plainTrainer.Fit(Data, 1);
        plainTrainer.SaveCheckpoint(withoutState);
        var untouched = new CounterState { Values = [7] };
        var (_, stateful) = Make(state: untouched);
        Assert.Contains("holds no model state", Assert.Throws<InvalidDataException>(() => stateful.LoadCheckpoint(withoutState)).Message);
        Assert.Equal(new[] { 7.0 }, untouched.Values);
        Assert.Equal(0, stateful.CompletedEpochs);
    }

    [Fact]
    public void DifferentSeed_IsRefusedWithAReason()
    {
        var (_, trainer) = Make(seed: 4);
        trainer.Fit(Data, 1);
        string path = Path.Combine(_directory, "seed.ckpt");
        trainer.SaveCheckpoint(path);

        var (_, other) = Make(seed: 5);
        Assert.Contains("seed 4", Assert.Throws<InvalidDataException>(() => other.LoadCheckpoint(path)).Message);
    }
}
