using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DiffGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>
/// Every DG ID the analyzer declares has its docs page, help link, release line and a test file named
/// after it holding a positive case (<c>{|DGnnnn:...|}</c> markup) and a negative one.
/// </summary>
public class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids
    {
        get
        {
            var ids = new TheoryData<string>();
            foreach (var descriptor in new DifferentiabilityAnalyzer().SupportedDiagnostics) ids.Add(descriptor.Id);
            return ids;
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DiagnosticId_HasPageReleaseLineHelpLinkAndTests(string id)
    {
        var descriptor = new DifferentiabilityAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        string page = Path.Combine(Corpus.Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        Assert.StartsWith("# " + id + ":", File.ReadAllText(page));
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);

        string releases = File.ReadAllText(Path.Combine(Corpus.Root, "analyzers", "AnalyzerReleases.Unshipped.md"));
        var line = releases.Split('\n').SingleOrDefault(l => l.StartsWith(id + " |"));
        Assert.NotNull(line);
        Assert.Contains("| " + descriptor.DefaultSeverity + " |", line!);

        Assert.Equal(id[2] switch { '0' => DiagnosticSeverity.Error, '1' => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info }, descriptor.DefaultSeverity);

        string tests = Path.Combine(Corpus.Root, "tests", "DiffGen.Analyzers.Tests", id + "Tests.cs");
        Assert.True(File.Exists(tests), "missing " + tests);
        string text = File.ReadAllText(tests);
        Assert.Contains("{|" + id + ":", text);
        Assert.Matches(new Regex(@"public Task \w+_(NoDiagnostic|NoWarning|OnlyDG1001)\("), text);
    }

    /// <summary>Every problem kind of the front end has its own descriptor, and the analyzer declares it.</summary>
    [Fact]
    public void EveryProblemKind_MapsToItsOwnSupportedDescriptor()
    {
        var supported = new DifferentiabilityAnalyzer().SupportedDiagnostics;
        var kinds = System.Enum.GetValues<DiffGen.Generator.FrontEnd.ProblemKind>();
        var descriptors = kinds.Select(DiagnosticDescriptors.For).ToList();
        Assert.Equal(kinds.Length, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in descriptors) Assert.Contains(descriptor, supported);
    }
}
