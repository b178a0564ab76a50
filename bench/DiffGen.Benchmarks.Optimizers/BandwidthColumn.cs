using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DiffGen.Benchmarks.Optimizers;

/// <summary>Effective bandwidth (bytes each step must read and write, float32) and its ratio to the copy of the same N in the same run.</summary>
public sealed class BandwidthColumn(bool ratio) : IColumn
{
    /// <summary>Bytes read plus written per element, per benchmark method.</summary>
    public static readonly IReadOnlyDictionary<string, int> BytesPerElement = new Dictionary<string, int>
    {
        ["Copy"] = 28, ["Sgd"] = 12, ["SgdMomentum"] = 20, ["Adam"] = 28, ["AdamW"] = 28,
        ["Adagrad"] = 20, ["RmsProp"] = 20, ["Inna"] = 20, ["Rprop"] = 28,
        ["Adadelta"] = 28, ["Adamax"] = 28, ["NAdam"] = 28, ["RAdam"] = 28, ["Asgd"] = 20,
    };

    public string Id => ratio ? "CopyRatio" : "GBps";

    public string ColumnName => ratio ? "vs copy" : "GB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => ratio ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => ratio ? "Effective bandwidth / copy bandwidth at the same N" : "Bytes read+written per step / mean time";

    public static double? GBps(Summary summary, BenchmarkCase c)
    {
        var report = summary[c];
        if (report?.ResultStatistics is null) return null;
        int n = (int)c.Parameters["N"];
        long bytes = (long)BytesPerElement[c.Descriptor.WorkloadMethod.Name] * n;
        return bytes / report.ResultStatistics.Mean; // bytes per ns = GB/s
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? gbps = GBps(summary, benchmarkCase);
        if (gbps is null) return "-";
        if (!ratio) return gbps.Value.ToString("F1");
        var copy = summary.BenchmarksCases.FirstOrDefault(b => b.Descriptor.WorkloadMethod.Name == "Copy"
            && Equals(b.Parameters["N"], benchmarkCase.Parameters["N"]));
        double? copyGbps = copy is null ? null : GBps(summary, copy);
        return copyGbps is null ? "-" : (gbps.Value / copyGbps.Value).ToString("P0");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
