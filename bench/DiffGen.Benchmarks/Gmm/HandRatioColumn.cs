using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DiffGen.Benchmarks.Gmm;

/// <summary>
/// Each benchmark's mean over the mean of the hand-written gradient with the same parameters, in the
/// same run (BenchmarkDotNet's Ratio column only compares with the one baseline, the objective).
/// </summary>
public sealed class HandRatioColumn : IColumn
{
    /// <summary>The benchmark method whose time is the denominator.</summary>
    public const string HandMethod = nameof(GmmBenchmarks.HandGradient);

    /// <inheritdoc/>
    public string Id => nameof(HandRatioColumn);

    /// <inheritdoc/>
    public string ColumnName => "vs hand";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Mean time over the hand-written gradient's mean time for the same file, same run";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var hand = summary.BenchmarksCases.FirstOrDefault(other =>
            other.Descriptor.WorkloadMethod.Name == HandMethod
            && other.Descriptor.Type == benchmarkCase.Descriptor.Type
            && other.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);
        var handStatistics = hand is null ? null : summary[hand]?.ResultStatistics;
        if (mine is null || handStatistics is null || handStatistics.Mean <= 0) return "NA";
        return (mine.Mean / handStatistics.Mean).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
