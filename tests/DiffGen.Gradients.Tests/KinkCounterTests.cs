using System;
using System.Linq;
using System.Threading.Tasks;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>The kink counters' collection runs alone: the counters are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KinkCounterCollection
{
    public const string Name = "KinkCounters";
}

/// <summary>
/// The opt-in kink counters on hand-built cases (<see cref="KinkCountFunctions"/>) with a known number
/// of exact kink hits per call site, in gradient, pullback and tangent passes; counting off records
/// nothing. The expected counts come from the inputs (how many exact zeros, which ties), not from the
/// generated code.
/// </summary>
[Collection(KinkCounterCollection.Name)]
public sealed class KinkCounterTests : IDisposable
{
    private const string Scalars = "DiffGen.Gradients.Tests.Corpus.KinkCountFunctions.Scalars";
    private const string Library = "DiffGen.Gradients.Tests.Corpus.KinkCountFunctions.LibraryKinks";
    private const string SpanRelu = "DiffGen.Gradients.Tests.Corpus.KinkCountFunctions.SpanRelu";

    // The source lines of the calls in Corpus/KinkCountFunctions.cs.
    private const int ReluLine = 18, MaxLine = 20, AbsLine = 21, ClampLine = 22;
    private const int CopySignLine = 30, MaxMagnitudeLine = 31, MinMagnitudeLine = 32, RootNLine = 33;
    private const int SpanReluLine = 42, HingeLine = 48;
    private const string Hinge = "DiffGen.Gradients.Tests.Corpus.KinkCountFunctions.Hinge";

    // Three exact zeros among five inputs.
    private static readonly double[] X = { 0.0, 1.5, -0.0, -2.0, 0.0 };

    public KinkCounterTests()
    {
        KinkCounters.Disable();
        KinkCounters.Reset();
    }

    public void Dispose()
    {
        KinkCounters.Disable();
        KinkCounters.Reset();
    }

    private static KinkCountSnapshot Counted(Action pass)
    {
        KinkCounters.Reset();
        KinkCounters.Enable();
        try
        {
            pass();
        }
        finally
        {
            KinkCounters.Disable();
        }
        return KinkCounters.Snapshot();
    }

    private static void AssertScalarSites(KinkCountSnapshot counts, int calls, bool tie)
    {
        Assert.Equal(3 * calls, counts.At("Relu", Scalars, ReluLine));
        Assert.Equal(tie ? calls : 0, counts.At("Max", Scalars, MaxLine));
        Assert.Equal(tie ? calls : 0, counts.At("Abs", Scalars, AbsLine));
        Assert.Equal(tie ? calls : 0, counts.At("Clamp", Scalars, ClampLine));
        Assert.Equal(tie ? 6 * calls : 3 * calls, counts.Sites.Where(s => s.Key.Method == Scalars).Sum(s => s.Value));
    }

    [Theory]
    [InlineData(0.5, 0.5, true)]   // a = b: a max tie, abs at 0, clamp at its lower bound
    [InlineData(0.5, 0.2, false)]  // no tie: only the zeros of x
    public void Gradient_CountsEachExactKinkOnce_PerCallSite(double a, double b, bool tie)
    {
        var dx = new double[X.Length];
        var counts = Counted(() => KinkCountFunctions.ScalarsGradient(X, a, b, dx, out _, out _));
        AssertScalarSites(counts, 1, tie);
    }

    [Theory]
    [InlineData(0.5, 0.5, true)]
    [InlineData(0.5, 0.2, false)]
    public void Tangent_CountsTheSameHits_AsTheGradient(double a, double b, bool tie)
    {
        var tx = new double[] { 1, -1, 0.5, 2, -3 };
        var counts = Counted(() => KinkCountFunctions.ScalarsTangent(X, a, b, tx, 0.3, -0.7));
        AssertScalarSites(counts, 1, tie);
    }

    [Fact]
    public void Pullback_CountsLikeTheGradient_AndRepeatedCallsAdd()
    {
        var dx = new double[X.Length];
        var counts = Counted(() =>
        {
            for (int call = 0; call < 4; call++)
            {
                double da = 0, db = 0;
                KinkCountFunctions.ScalarsPullback(X, 0.5, 0.5, 1.0, dx, ref da, ref db);
            }
        });
        AssertScalarSites(counts, 4, tie: true);
    }

    [Fact]
    public void LibraryFunctions_CountCopySignMagnitudeTiesAndRootNAtZero()
    {
        var counts = Counted(() =>
        {
            KinkCountFunctions.LibraryKinksGradient(0.5, 0.5, out _, out _);  // a - b = 0, |a| = |b|
            KinkCountFunctions.LibraryKinksTangent(0.5, 0.5, 1.0, 2.0);
            KinkCountFunctions.LibraryKinksGradient(0.5, 0.3, out _, out _);  // no kink
        });
        Assert.Equal(2, counts.At("CopySign", Library, CopySignLine));
        Assert.Equal(2, counts.At("MaxMagnitude", Library, MaxMagnitudeLine));
        Assert.Equal(2, counts.At("MinMagnitude", Library, MinMagnitudeLine));
        Assert.Equal(2, counts.At("RootN", Library, RootNLine));
        Assert.Equal(8, counts.Sites.Where(s => s.Key.Method == Library).Sum(s => s.Value));
    }

    [Fact]
    public void SpanRelu_CountsItsZeros_AtTheLineOfTheCall_InGradientAndTangent()
    {
        var dx = new double[X.Length];
        var counts = Counted(() =>
        {
            KinkCountFunctions.SpanReluGradient(X, dx);
            KinkCountFunctions.SpanReluTangent(X, new double[] { 1, 1, 1, 1, 1 });
        });
        Assert.Equal(6, counts.At(SpanOps.ReluKinkName, SpanRelu, SpanReluLine));
    }

    [Fact]
    public void HelperCalledInALoop_CountsAtTheHelpersLine()
    {
        double[] x = { 1.0, 0.5, 1.0, 2.0, 1.0 };  // three hinges exactly at their kink
        var dx = new double[x.Length];
        var counts = Counted(() =>
        {
            KinkCountFunctions.HingeSumGradient(x, dx);
            KinkCountFunctions.HingeSumTangent(x, new double[] { 1, 1, 1, 1, 1 });
        });
        Assert.Equal(6, counts.At("Relu", Hinge, HingeLine));
        Assert.Equal(6, counts.Total);
    }

    [Fact]
    public void CountingOff_RecordsNothing()
    {
        var dx = new double[X.Length];
        KinkCounters.Reset();
        Assert.False(KinkCounters.IsEnabled);
        KinkCountFunctions.ScalarsGradient(X, 0.5, 0.5, dx, out _, out _);
        KinkCountFunctions.ScalarsTangent(X, 0.5, 0.5, dx, 1, 1);
        KinkCountFunctions.LibraryKinksGradient(0.5, 0.5, out _, out _);
        KinkCountFunctions.SpanReluGradient(X, dx);
        KinkCounters.Record("Custom", 5);
        var counts = KinkCounters.Snapshot();
        Assert.Equal(0, counts.Total);
        Assert.Empty(counts.Sites);
    }

    [Fact]
    public void CountingOn_DoesNotChangeTheGradient()
    {
        var off = new double[X.Length];
        double valueOff = KinkCountFunctions.ScalarsGradient(X, 0.5, 0.5, off, out double daOff, out double dbOff);
        var on = new double[X.Length];
        double valueOn = 0, daOn = 0, dbOn = 0;
        Counted(() => valueOn = KinkCountFunctions.ScalarsGradient(X, 0.5, 0.5, on, out daOn, out dbOn));
        Assert.Equal(valueOff, valueOn);
        Assert.Equal(off, on);
        Assert.Equal((daOff, dbOff), (daOn, dbOn));
    }

    [Fact]
    public void ConcurrentPasses_AddUpExactly()
    {
        const int threads = 8, calls = 500;
        var counts = Counted(() => Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            var dx = new double[X.Length];
            for (int call = 0; call < calls; call++) KinkCountFunctions.ScalarsGradient(X, 0.5, 0.5, dx, out _, out _);
        }));
        AssertScalarSites(counts, threads * calls, tie: true);
    }

    [Fact]
    public void Snapshot_SumsByPrimitive_AndResetClears()
    {
        var dx = new double[X.Length];
        var counts = Counted(() =>
        {
            KinkCountFunctions.ScalarsGradient(X, 0.5, 0.5, dx, out _, out _);
            KinkCountFunctions.SpanReluGradient(X, dx);
            KinkCounters.Record("Custom", 5); // a rule called outside generated code
        });
        Assert.Equal(3, counts.Of("Relu"));
        Assert.Equal(3, counts.Of(SpanOps.ReluKinkName));
        Assert.Equal(5, counts.At("Custom", KinkSite.OutsideGeneratedCode, 0));
        Assert.Equal(counts.Sites.Values.Sum(), counts.Total);
        Assert.Equal(counts.Total, counts.ByPrimitive.Values.Sum());
        Assert.Contains("Relu at " + Scalars + ":" + ReluLine, counts.ToString());
        KinkCounters.Reset();
        Assert.Equal(0, KinkCounters.Snapshot().Total);
    }
}
