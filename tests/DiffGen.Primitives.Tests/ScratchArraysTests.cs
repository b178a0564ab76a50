using Xunit;

namespace DiffGen.Primitives.Tests;

/// <summary>The exact-length array cache behind generated reverse mode.</summary>
public class ScratchArraysTests
{
    [Fact]
    public void Rent_ReturnsAZeroedArrayOfExactlyTheLength_ReusingOneGivenBack()
    {
        var first = ScratchArrays<float>.Rent(5000);
        first[17] = 3f;
        ScratchArrays<float>.Return(first);

        var second = ScratchArrays<float>.Rent(5000);
        var other = ScratchArrays<float>.Rent(5000);

        Assert.Same(first, second);
        Assert.Equal(0f, second[17]);
        Assert.NotSame(second, other);
        Assert.Equal(5000, other.Length);
    }

    [Fact]
    public void ArrayReturnedTwice_IsHandedOutOnce()
    {
        var array = ScratchArrays<double>.Rent(4096);
        ScratchArrays<double>.Return(array);
        ScratchArrays<double>.Return(array);

        Assert.Same(array, ScratchArrays<double>.Rent(4096));
        Assert.NotSame(array, ScratchArrays<double>.Rent(4096));
    }

    [Fact]
    public void SmallArrays_AreNotCached()
    {
        var small = ScratchArrays<double>.Rent(8);
        ScratchArrays<double>.Return(small);
        Assert.NotSame(small, ScratchArrays<double>.Rent(8));
        Assert.Throws<System.OverflowException>(() => ScratchArrays<double>.Rent(-1));
    }
}
