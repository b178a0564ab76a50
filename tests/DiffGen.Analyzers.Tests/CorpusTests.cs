using System.Linq;
using DiffGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>
/// The repository's [Differentiable] functions (gradient test corpus, samples, benchmarks) are correct
/// code with correct gradients: the analyzer must not give a single DG error or warning on them.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Projects
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var project in Corpus.Projects) data.Add(project.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void CorpusProject_Analyzer_ReportsNoDgErrorOrWarning(string name)
    {
        var (_, folders, kind) = Corpus.Projects.Single(p => p.Name == name);
        var (compilation, run) = Corpus.Build(folders, kind, new[]
        {
            MetadataReference.CreateFromFile(typeof(Xunit.Assert).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Xunit.FactAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute).Assembly.Location),
        });

        // The corpus must really compile (generated members included), or the check below proves nothing.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var methods = compilation.SyntaxTrees.Where(t => !run.GeneratedTrees.Contains(t)).SelectMany(Corpus.DifferentiableMethods).ToList();
        int differentiable = methods.Count;
        Assert.True(differentiable > 0, "no [Differentiable] method found in " + name);

        // No silent skip: every method of the corpus gets its generated file.
        var generated = Corpus.GeneratedFiles(run);
        var skipped = methods.Where(m => !Corpus.IsGenerated(generated, m.Name)).Select(m => m.Name).ToList();
        Assert.True(skipped.Count == 0, "generated nothing for: " + string.Join(", ", skipped));

        var reported = Corpus.Analyze(compilation).Where(d => d.Id.StartsWith("DG") && d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, $"{differentiable} [Differentiable] methods in {name}; DG errors or warnings:\n" + string.Join("\n", reported));
    }
}
