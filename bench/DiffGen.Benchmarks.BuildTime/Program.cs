using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DiffGen;
using DiffGen.Analyzers;
using DiffGen.Benchmarks.BuildTime;
using DiffGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Build-time cost of DiffGen on a synthetic project (default 200 [Differentiable] methods).
// Times are medians over the repetitions, in milliseconds (wall and process CPU), after one warm-up run (the JIT is warm, as in
// a long-lived compiler server or IDE process).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int methods = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
int repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Append(typeof(DifferentiableAttribute).Assembly.Location).Distinct()
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

// Every compilation is made from one empty template, so the referenced assemblies' symbols are shared,
// as in the compiler server and the IDE, which keep metadata between builds: "cold" below means fresh
// syntax trees and semantic state, not a cold process.
var template = CSharpCompilation.Create("Synthetic", null, references, options);
template.GetSpecialType(SpecialType.System_Object); // binds the references once, for every derived compilation
CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files)
    => template.AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path)));

// Step tracking (for the report of which steps reran) costs time of its own, so the timings use an
// untracked driver, as the command-line compiler does, and a tracked one reports the steps.
GeneratorDriver NewDriver(bool track = false) => CSharpGeneratorDriver.Create(new[] { new DifferentiableGenerator().AsSourceGenerator() }, parseOptions: parse,
    driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

Measurement Median(Func<Measurement> measure)
{
    measure(); // warm-up
    // A full collection before each sample: one sample must not pay for the garbage of the previous one.
    var samples = Enumerable.Range(0, repetitions).Select(_ => { GC.Collect(); GC.WaitForPendingFinalizers(); return measure(); }).ToList();
    return new Measurement(samples.Select(m => m.Wall).OrderBy(t => t).ElementAt(samples.Count / 2),
                           samples.Select(m => m.Cpu).OrderBy(t => t).ElementAt(samples.Count / 2));
}

// Wall time, and the process's CPU time over the same interval (all threads: the work, the JIT, the GC).
// On a loaded machine the CPU time is the steadier of the two.
Measurement Time(Action action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    double wall = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    return new Measurement(wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

var files = SyntheticProject.Files(methods);
int differentiable = files.Sum(f => f.Text.Split("[Differentiable]").Length - 1);
Console.WriteLine($"DiffGen build-time benchmark: {differentiable} [Differentiable] methods ({methods} public + helpers) in {files.Count} files; median of {repetitions} runs, ms");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"{"",-62}{"wall ms",10}{"cpu ms",10}");
Console.WriteLine();

// The compiler alone: binding and diagnostics of the user code (no DiffGen), as the baseline.
var compilerOnly = Median(() => { var c = Compile(files); return Time(() => c.GetDiagnostics()); });

// Generator, cold: a fresh driver over a fresh compilation (a clean command-line build).
GeneratorDriverRunResult? coldRun = null;
var generatorCold = Median(() =>
{
    var c = Compile(files);
    var driver = NewDriver();
    return Time(() => coldRun = driver.RunGenerators(c).GetRunResult());
});
int generatedFiles = coldRun!.GeneratedTrees.Length;
int generatedLines = coldRun.GeneratedTrees.Sum(t => t.GetText().Lines.Count);

// Whole build in memory: generator plus compiling user and generated code (binding + emit of IL).
var buildWithGenerator = Median(() =>
{
    var c = Compile(files);
    return Time(() =>
    {
        NewDriver().RunGeneratorsAndUpdateCompilation(c, out var output, out _);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success) throw new InvalidOperationException(string.Join("\n", emit.Diagnostics.Take(5)));
    });
});
var buildWithout = Median(() =>
{
    var c = Compile(files);
    return Time(() => { using var stream = new MemoryStream(); c.Emit(stream); });
});

// Analyzer over the whole compilation, as a command-line build runs it; its own execution time is
// reported by the compiler's telemetry (the wall time includes the compiler binding the code).
var analyzer = new DifferentiabilityAnalyzer();
TimeSpan analyzerOwn = default;
int dgDiagnostics = 0;
var analyzerWall = Median(() =>
{
    var c = Compile(files);
    return Time(() =>
    {
        var withAnalyzers = c.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var result = withAnalyzers.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
        analyzerOwn = result.AnalyzerTelemetryInfo[analyzer].ExecutionTime;
        dgDiagnostics = result.GetAllDiagnostics().Count(d => d.Id.StartsWith("DG"));
    });
});

// Where the generator's cold time goes: the shared front end (lowering, activity, checks) on bodies the
// compiler has already bound, and the emitters. A fresh compilation's assembly symbol and attributes
// (what the Settings step reads on every run) is timed too.
var declarations = new List<(IMethodSymbol Method, Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax Syntax, SemanticModel Model)>();
var bound = Compile(files);
bound.GetDiagnostics();
foreach (var tree in bound.SyntaxTrees)
{
    var model = bound.GetSemanticModel(tree);
    foreach (var method in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
        if (method.AttributeLists.Count > 0) declarations.Add(((IMethodSymbol)model.GetDeclaredSymbol(method)!, method, model));
}
var irs = new List<DiffGen.Generator.Ir.MethodIr>();
var frontEnd = Median(() => Time(() =>
{
    irs.Clear();
    foreach (var (method, syntax, model) in declarations)
        irs.Add(DiffGen.Generator.FrontEnd.MethodFrontEnd.Analyze(method, syntax, model, default).Ir!);
}));
var spanDiagnostics = Median(() => Time(() =>
{
    foreach (var (_, syntax, model) in declarations) model.GetDiagnostics(syntax.Span);
}));
var operations = Median(() => Time(() =>
{
    foreach (var (_, syntax, model) in declarations) model.GetOperation(syntax);
}));
var emitters = Median(() => Time(() =>
{
    foreach (var ir in irs) DiffGen.Generator.Stages.SourceEmitter.Emit(ir, DiffGen.Generator.Models.NonsmoothSettings.Default);
}));
var parseGenerated = Median(() => Time(() =>
{
    foreach (var tree in coldRun!.GeneratedTrees) CSharpSyntaxTree.ParseText(tree.GetText(), parse).GetRoot();
}));
var generatorColdTracked = Median(() =>
{
    var c = Compile(files);
    var driver = NewDriver(track: true);
    return Time(() => driver.RunGenerators(c));
});
var settingsRead = Median(() => { var c = Compile(files); return Time(() => DiffGen.Generator.Models.NonsmoothSettings.Read(c.Assembly)); });

// Incremental: edit one method (a constant in F0, file Model0.cs) and rerun the warm driver, as the
// IDE does on a keystroke; then an edit outside any [Differentiable] method (Count in Model1.cs).
var baseCompilation = Compile(files);
var warm = NewDriver().RunGenerators(baseCompilation);
var warmTracked = NewDriver(track: true).RunGenerators(baseCompilation);
CSharpCompilation Edit(CSharpCompilation compilation, string path, string newText)
{
    // The other trees stay the same objects, as in an editor session, so the driver can see them unchanged.
    var edited = CSharpSyntaxTree.ParseText(newText, parse, path);
    return template.AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.FilePath == path ? edited : t));
}
int round = 0;
GeneratorDriverRunResult? editRun = null;
var generatorIncremental = Median(() =>
{
    // Alternate the constant so that every measured run sees a real change.
    string edited = SyntheticProject.File(0, SyntheticProject.MethodsPerFile, 4 + (round++ % 2));
    var next = Edit(baseCompilation, "Model0.cs", edited);
    var driver = warm;
    var t = Time(() => driver = driver.RunGenerators(next));
    editRun = warmTracked.RunGenerators(next).GetRunResult();
    return t;
});
var unrelatedText = files[1].Text.Replace("n * 2 + 1", "n * 2 + 3");
GeneratorDriverRunResult? unrelatedRun = null;
var generatorUnrelated = Median(() =>
{
    var next = Edit(baseCompilation, "Model1.cs", unrelatedText);
    var driver = warm;
    var t = Time(() => driver = driver.RunGenerators(next));
    unrelatedRun = warmTracked.RunGenerators(next).GetRunResult();
    return t;
});

// Analyzer after the edit: the IDE re-analyzes the edited document only.
var editedCompilation = Edit(baseCompilation, "Model0.cs", SyntheticProject.File(0, SyntheticProject.MethodsPerFile, 4));
var analyzerOneDocument = Median(() =>
{
    var c = Edit(editedCompilation, "Model0.cs", editedCompilation.SyntaxTrees.First().GetText().ToString());
    var withAnalyzers = c.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
    var model = c.GetSemanticModel(c.SyntaxTrees.First());
    return Time(() => withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, default).GetAwaiter().GetResult());
});

Console.WriteLine($"{"compiler alone: bind + diagnostics (no DiffGen)",-62}{compilerOnly.Wall,10:F1}{compilerOnly.Cpu,10:F1}");
Console.WriteLine($"{"compiler alone: bind + emit IL (no DiffGen)",-62}{buildWithout.Wall,10:F1}{buildWithout.Cpu,10:F1}");
Console.WriteLine($"{"generator, cold run (fresh driver, as dotnet build)",-62}{generatorCold.Wall,10:F1}{generatorCold.Cpu,10:F1}   {generatedFiles} files, {generatedLines} lines");
Console.WriteLine($"{"  of which: front end on bound bodies, all methods",-62}{frontEnd.Wall,10:F1}{frontEnd.Cpu,10:F1}");
Console.WriteLine($"{"    of which: model.GetDiagnostics(method span) (half-typed check)",-62}{spanDiagnostics.Wall,10:F1}{spanDiagnostics.Cpu,10:F1}");
Console.WriteLine($"{"    of which: model.GetOperation(method) (IOperation tree)",-62}{operations.Wall,10:F1}{operations.Cpu,10:F1}");
Console.WriteLine($"{"  of which: emitters (reverse, forward, checks), all methods",-62}{emitters.Wall,10:F1}{emitters.Cpu,10:F1}");
Console.WriteLine($"{"  parsing the generated text",-62}{parseGenerated.Wall,10:F1}{parseGenerated.Cpu,10:F1}");
Console.WriteLine($"{"generator, cold run, with step tracking (IDE, tests)",-62}{generatorColdTracked.Wall,10:F1}{generatorColdTracked.Cpu,10:F1}");
Console.WriteLine($"{"  fresh compilation: assembly symbol + attributes (Settings)",-62}{settingsRead.Wall,10:F1}{settingsRead.Cpu,10:F1}");
Console.WriteLine($"{"build in memory: generator + bind + emit IL (user + generated)",-62}{buildWithGenerator.Wall,10:F1}{buildWithGenerator.Cpu,10:F1}");
Console.WriteLine($"{"analyzer, whole compilation (wall, incl. binding)",-62}{analyzerWall.Wall,10:F1}{analyzerWall.Cpu,10:F1}   {dgDiagnostics} DG diagnostics (DG2001 notes)");
Console.WriteLine($"{"analyzer, own execution time (compiler telemetry)",-62}{analyzerOwn.TotalMilliseconds,10:F1}{"",10}");
Console.WriteLine($"{"generator, incremental: one [Differentiable] method edited",-62}{generatorIncremental.Wall,10:F1}{generatorIncremental.Cpu,10:F1}");
Console.WriteLine($"{"generator, incremental: edit outside [Differentiable] methods",-62}{generatorUnrelated.Wall,10:F1}{generatorUnrelated.Cpu,10:F1}");
Console.WriteLine($"{"analyzer, edited document only (IDE)",-62}{analyzerOneDocument.Wall,10:F1}{analyzerOneDocument.Cpu,10:F1}");
Console.WriteLine();
Console.WriteLine("Pipeline steps after the edits (outputs by reason):");
void Steps(string title, GeneratorDriverRunResult run)
{
    Console.WriteLine("  " + title);
    // DiffGen's named steps, then Roslyn's own steps inside ForAttributeWithMetadataName (the transform
    // that lowers each method runs in "result_ForAttributeWithMetadataName").
    var names = new[] { DifferentiableGenerator.Steps.Lower, DifferentiableGenerator.Steps.Settings, DifferentiableGenerator.Steps.Emit }
        .Concat(run.Results[0].TrackedSteps.Keys.Where(k => !k.StartsWith("DiffGen.", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal));
    foreach (var name in names)
    {
        var reasons = run.Results[0].TrackedSteps.TryGetValue(name, out var steps)
            ? steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")
            : new[] { "not run" };
        Console.WriteLine($"    {name,-56}{string.Join(", ", reasons)}");
    }
}
Steps("one [Differentiable] method edited (F0 in Model0.cs, 10 methods in the file):", editRun!);
Steps("edit outside [Differentiable] methods (Count in Model1.cs):", unrelatedRun!);

/// <summary>One timing: wall-clock and process CPU milliseconds.</summary>
internal readonly record struct Measurement(double Wall, double Cpu);
