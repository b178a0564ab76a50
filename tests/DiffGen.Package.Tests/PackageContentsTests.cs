using System;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using DiffGen.Package.Tests.Support;
using Xunit;

namespace DiffGen.Package.Tests;

/// <summary>What the packed DiffGen and DiffGen.Gpu contain (DESIGN.md §5).</summary>
[Collection(PackageFeedCollection.Name)]
public class PackageContentsTests(PackageFeed feed)
{
    private static readonly string[] Targets = ["net8.0", "net10.0"];

    [Fact]
    public void Feed_HoldsOnlyTheTwoShippedPackagesAndTheirSymbols()
    {
        string[] files = System.IO.Directory.GetFiles(feed.Folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

        Assert.Equal(
            new[] { $"DiffGen.{feed.Version}.nupkg", $"DiffGen.{feed.Version}.snupkg", $"DiffGen.Gpu.{feed.Version}.nupkg", $"DiffGen.Gpu.{feed.Version}.snupkg" }
                .Order(StringComparer.Ordinal),
            files);
    }

    [Fact]
    public void DiffGen_HasRuntimeForBothTargetsAndRoslynComponentsUnderAnalyzers()
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath("DiffGen"));
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();

        string[] expectedLib = Targets.SelectMany(t => new[] { $"lib/{t}/DiffGen.Runtime.dll", $"lib/{t}/DiffGen.Runtime.xml" }).ToArray();
        Assert.Equal(expectedLib.Order(StringComparer.Ordinal), entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "analyzers/dotnet/cs/DiffGen.Analyzers.dll", "analyzers/dotnet/cs/DiffGen.CodeFixes.dll", "analyzers/dotnet/cs/DiffGen.Generator.dll" },
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("README.md", entries);

        XElement metadata = Nuspec(package);
        Assert.Equal("MIT", Child(metadata, "license").Value);
        Assert.Equal("expression", Child(metadata, "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Child(metadata, "readme").Value);
        Assert.False(string.IsNullOrWhiteSpace(Child(metadata, "projectUrl").Value));
        Assert.False(string.IsNullOrWhiteSpace(Child(metadata, "tags").Value));
        // The compiler plug-ins travel inside the package; Roslyn is never a dependency of the consumer.
        string[] dependencies = Dependencies(metadata).Select(d => d.Id).Distinct().ToArray();
        Assert.Equal(["System.Numerics.Tensors"], dependencies);
    }

    [Fact]
    public void DiffGen_SymbolsPackageHasPdbForBothTargets()
    {
        using ZipArchive symbols = ZipFile.OpenRead(feed.PackagePath("DiffGen", ".snupkg"));

        foreach (string target in Targets)
        {
            Assert.Contains($"lib/{target}/DiffGen.Runtime.pdb", symbols.Entries.Select(e => e.FullName));
        }
    }

    [Fact]
    public void DiffGenGpu_DependsOnDiffGenWithItsAnalyzers()
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath("DiffGen.Gpu"));
        string[] lib = package.Entries.Select(e => e.FullName).Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).ToArray();

        foreach (string target in Targets)
        {
            Assert.Contains($"lib/{target}/DiffGen.Runtime.Gpu.dll", lib);
        }

        var diffGen = Dependencies(Nuspec(package)).Where(d => d.Id == "DiffGen").ToArray();
        Assert.Equal(Targets.Length, diffGen.Length);
        Assert.All(diffGen, d =>
        {
            Assert.Equal(feed.Version, d.Version);
            Assert.DoesNotContain("Analyzers", d.Exclude, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static XElement Nuspec(ZipArchive package)
    {
        ZipArchiveEntry entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Child(XElement parent, string name) => parent.Elements().Single(e => e.Name.LocalName == name);

    private static (string Id, string Version, string Exclude)[] Dependencies(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => (e.Attribute("id")!.Value, e.Attribute("version")!.Value, e.Attribute("exclude")?.Value ?? ""))
                .ToArray();
}
