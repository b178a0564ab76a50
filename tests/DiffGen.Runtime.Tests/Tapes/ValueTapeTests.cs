using System;
using System.Linq;
using Xunit;

namespace DiffGen.Runtime.Tests.Tapes;

/// <summary>The reverse-mode tape: last in, first out, for single values and whole arrays, across growth.</summary>
public class ValueTapeTests
{
    [Theory]
    [InlineData(64, 3)]    // stays in the initial buffer
    [InlineData(4, 50)]    // the first block already overflows the initial buffer
    [InlineData(16, 700)]  // many growths, mixed with single pushes
    public void PushAllThenPopAll_RestoresEveryBlock_InReverseOrder_AcrossGrowth(int initial, int blocks)
    {
        var tape = new ValueTape<double>(stackalloc double[initial]);
        var rng = new Random(blocks);
        // Blocks of 1 to 13 elements: short ones are copied element by element, longer ones in one copy.
        var saved = Enumerable.Range(0, blocks).Select(b => Enumerable.Range(0, 1 + b % 13).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        for (int b = 0; b < blocks; b++)
        {
            tape.PushAll(saved[b]);
            tape.Push(-b);
        }
        Assert.Equal(saved.Sum(s => s.Length) + blocks, tape.Count);
        for (int b = blocks - 1; b >= 0; b--)
        {
            Assert.Equal(-b, tape.Pop());
            var restored = new double[saved[b].Length];
            tape.PopAll(restored);
            Assert.Equal(saved[b], restored);
        }
        Assert.Equal(0, tape.Count);
        tape.Dispose();
    }

    [Fact]
    public void PopAll_MoreThanRecorded_Throws()
    {
        bool threw = false;
        var tape = new ValueTape<float>(stackalloc float[8]);
        tape.PushAll(new float[] { 1, 2 });
        try
        {
            tape.PopAll(new float[3]);
        }
        catch (InvalidOperationException)
        {
            threw = true;
        }
        Assert.True(threw);
        Assert.Equal(2, tape.Count);
    }
}
