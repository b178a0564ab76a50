using System;
using System.Linq;
using Xunit;

namespace DiffGen.Training.Tests;

public class MiniBatchSamplerTests
{
    [Fact]
    public void EachEpoch_VisitsEverySampleOnce_InAnOrderOfItsOwn()
    {
        var sampler = new MiniBatchSampler(count: 103, batchSize: 10, seed: 5);
        int[] first = sampler.Order(0), second = sampler.Order(1);

        Assert.Equal(Enumerable.Range(0, 103), first.OrderBy(i => i));
        Assert.Equal(Enumerable.Range(0, 103), second.OrderBy(i => i));
        Assert.NotEqual(first, second);
        Assert.NotEqual(Enumerable.Range(0, 103), first);
    }

    [Fact]
    public void Order_DependsOnlyOnSeedAndEpoch()
    {
        Assert.Equal(new MiniBatchSampler(50, 7, seed: 3).Order(4), new MiniBatchSampler(50, 7, seed: 3).Order(4));
        Assert.NotEqual(new MiniBatchSampler(50, 7, seed: 3).Order(4), new MiniBatchSampler(50, 7, seed: 4).Order(4));
    }

    [Fact]
    public void Batches_CoverTheEpoch_WithAShortLastBatchUnlessDropped()
    {
        var keep = new MiniBatchSampler(23, 5, seed: 0);
        int[] order = keep.Order(0);
        Assert.Equal(5, keep.BatchesPerEpoch);
        Assert.Equal(3, keep.Batch(order, 4).Length);
        Assert.Equal(order, Enumerable.Range(0, 5).SelectMany(b => keep.Batch(order, b).ToArray()));

        var drop = new MiniBatchSampler(23, 5, seed: 0, dropLast: true);
        Assert.Equal(4, drop.BatchesPerEpoch);
        Assert.Throws<ArgumentOutOfRangeException>(() => drop.Batch(drop.Order(0), 4).Length);
    }

    [Fact]
    public void InvalidSizes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchSampler(0, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchSampler(5, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchSampler(5, 6, 0, dropLast: true));
    }
}
