using System;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class OptimizerValidationTests
{
    /// <summary>Values print as Python's repr(float) prints them, so messages read exactly as torch's.</summary>
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-1.0, "-1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(1e-8, "1e-08")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(-2.5e20, "-2.5e+20")]
    [InlineData(123.456, "123.456")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Format_MatchesPythonRepr(double value, string expected) => Assert.Equal(expected, OptimizerValidation.Format(value));

    [Fact]
    public void LearningRate_NaN_IsInvalid()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerValidation.LearningRate(double.NaN));
        Assert.Equal("Invalid learning rate: nan (Parameter 'Lr')", ex.Message);
    }
}
