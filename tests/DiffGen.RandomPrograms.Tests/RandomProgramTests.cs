using System;
using DiffGen.RandomPrograms.Tests.Generation;
using Xunit;
using Xunit.Abstractions;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// The random-program test: random [Differentiable] functions in the supported subset; reverse mode
/// must equal forward mode, directional = tangent away from kinks, pullback = seed·gradient, and
/// central differences must agree on smooth functions. Sized by DIFFGEN_RANDOM_PROGRAMS.
/// </summary>
public class RandomProgramTests
{
    private readonly ITestOutputHelper _output;

    public RandomProgramTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void GeneratedDerivatives_Agree_OnRandomPrograms()
    {
        var settings = RandomProgramSettings.FromEnvironment();
        var run = RandomProgramRun.Execute(settings);
        _output.WriteLine(run.Summary);
        Console.WriteLine("[random programs] " + run.Summary);

        Assert.True(run.Failures.Count == 0, run.Describe());
        // The run means something only if most points are usable and the generator still writes every allowed construct.
        Assert.True(run.OverflowPoints <= run.CheckedPoints / 10, $"too many overflowing points: {run.Summary}");
        if (settings.Programs >= 200)
            Assert.True(run.Used == settings.Allowed, $"constructs never generated: {settings.Allowed & ~run.Used}");
    }
}
