using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Training.Tests.Support;
using Xunit;

namespace DiffGen.Training.Tests;

public class TrainerTests
{
    private static readonly LabeledDataset<double> Data = LinearRegression.Data(count: 200, features: 5, seed: 11);

    public static TheoryData<string> OptimizerNames => new() { "SGD", "Adam", "INNA", "StepTunedSGD", "LBFGS" };

    private static Optimizer<double> Make(string name, LinearRegression model) => name switch
    {
        "SGD" => new Sgd<double>(model.Parameters, new SgdOptions { Lr = 0.05, Momentum = 0.9 }),
        "Adam" => new Adam<double>(model.Parameters, new AdamOptions { Lr = 0.05 }),
        "INNA" => new Inna<double>(model.Parameters, new InnaOptions { Lr = 0.002, DecayPower = 0 }),
        "StepTunedSGD" => new StepTunedSgd<double>(model.Parameters, new StepTunedSgdOptions { Lr = 0.05, StepsPerEpoch = 10 }),
        "LBFGS" => new Lbfgs<double>(model.Parameters, new LbfgsOptions { Lr = 1, MaxIter = 5 }),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The epoch loop drives every kind of optimizer: one-gradient steps, Step-Tuned SGD's two half steps
    /// on the same batch, and L-BFGS's closure.</summary>
    [Theory]
    [MemberData(nameof(OptimizerNames))]
    public void Fit_DecreasesTheLoss_WithEveryKindOfOptimizer(string optimizer)
    {
        var model = new LinearRegression(5);
        var trainer = new Trainer<double>(model.Parameters, Make(optimizer, model), model.LossGradient,
                                          new TrainerOptions { BatchSize = 20, Threads = 2 });

        var result = trainer.Fit(Data, epochs: 6);

        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.Equal(6, result.History.Count);
        Assert.True(result.History[^1].TrainLoss < 0.5 * result.History[0].TrainLoss,
                    string.Join(", ", result.History.Select(r => r.TrainLoss)));
        Assert.Equal(60, trainer.Steps);
    }

    [Fact]
    public void NonFiniteLoss_StopsWithAMessage_BeforeUpdating()
    {
        var model = new LinearRegression(5);
        var trainer = new Trainer<double>(model.Parameters, new Adam<double>(model.Parameters), (batch, g) =>
        {
            g[0][0] = double.NaN;
            return double.NaN;
        }, new TrainerOptions { BatchSize = 20 });

        var result = trainer.Fit(Data, epochs: 3);

        Assert.Equal(StopReason.NonFiniteLoss, result.Reason);
        Assert.Contains("NaN", result.Message);
        Assert.Empty(result.History);
        Assert.All(model.Weights.Data, w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void EpochSchedule_SetsTheLearningRateFromTheEpoch()
    {
        var model = new LinearRegression(5);
        var adam = new Adam<double>(model.Parameters, new AdamOptions { Lr = 0.1 });
        var seen = new List<double>();
        var trainer = new Trainer<double>(model.Parameters, adam, (batch, g) =>
        {
            seen.Add(adam.GetLearningRate(0));
            return model.LossGradient(batch, g);
        }, new TrainerOptions { BatchSize = 100, Threads = 1, Schedule = LearningRateSchedule.InverseSqrt(), ScheduleUnit = ScheduleUnit.Epoch });

        trainer.Fit(Data, epochs: 3);

        Assert.Equal(new[] { 0.1, 0.1, 0.1 / Math.Sqrt(2), 0.1 / Math.Sqrt(2), 0.1 / Math.Sqrt(3), 0.1 / Math.Sqrt(3) }, seen);
    }

    /// <summary>With a clipping norm below the gradient's, an SGD step moves the parameters by exactly lr * max_norm
    /// (torch's clip coefficient max_norm / (norm + 1e-6) applied inside the update); progress reports every batch.</summary>
    [Fact]
    public void ClipGradNorm_LimitsTheStep_AndProgressReportsEveryBatch()
    {
        var model = new LinearRegression(5);
        var trainer = new Trainer<double>(model.Parameters, new Sgd<double>(model.Parameters, new SgdOptions { Lr = 0.1 }), model.LossGradient,
                                          new TrainerOptions { BatchSize = 200, Threads = 1, ClipGradNorm = 0.5 });
        var reports = new List<TrainingProgress>();

        trainer.Fit(Data, 1, progress: reports.Add);

        double moved = Math.Sqrt(model.Weights.Data.Sum(w => w * w) + model.Bias.Data[0] * model.Bias.Data[0]);
        double norm = Math.Sqrt(model.Weights.Grad.Sum(g => g * g) + model.Bias.Grad[0] * model.Bias.Grad[0]);
        Assert.True(norm > 0.5);
        Assert.Equal(0.1 * 0.5 * norm / (norm + 1e-6), moved, 12);
        Assert.Equal(new[] { (0, 1, 1) }, reports.Select(r => (r.Epoch, r.Batch, r.BatchesPerEpoch)));
    }

    [Fact]
    public void Parameters_MustBeExactlyTheOptimizers()
    {
        var model = new LinearRegression(5);
        var other = new LinearRegression(5);
        var adam = new Adam<double>(model.Parameters);
        Assert.Throws<ArgumentException>(() => new Trainer<double>(other.Parameters, adam, model.LossGradient));
        Assert.Throws<ArgumentException>(() => new Trainer<double>(new[] { model.Weights }, adam, model.LossGradient));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer<double>(model.Parameters, adam, model.LossGradient, new TrainerOptions { BatchSize = 0 }));
    }

    [Fact]
    public void Cancellation_StopsAtABatchBoundary()
    {
        var model = new LinearRegression(5);
        using var cancel = new System.Threading.CancellationTokenSource();
        var trainer = new Trainer<double>(model.Parameters, new Adam<double>(model.Parameters), model.LossGradient, new TrainerOptions { BatchSize = 20 });

        var result = trainer.Fit(Data, 5, progress: p => { if (p.Epoch == 1 && p.Batch == 3) cancel.Cancel(); }, cancellation: cancel.Token);

        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Single(result.History);
        Assert.Equal(13, trainer.Steps);
    }
}
