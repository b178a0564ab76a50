using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using DiffGen.Generator;
using DiffGen.RandomPrograms.Tests.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffGen.RandomPrograms.Tests.Harness;

/// <summary>
/// Compiles a batch of random functions and their harness in memory, running the DiffGen generator
/// through <see cref="CSharpGeneratorDriver"/>, and loads the result into a collectible context.
/// Functions with errors (a DG error from the generator, or generated code that does not compile) are
/// reported as <see cref="CompileFailure"/>s and the rest of the batch is compiled again without them
/// and without their callers.
/// </summary>
public sealed class BatchCompiler : IDisposable
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(DifferentiableAttribute).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly Regex FunctionName = new(@"\bF\d+(?=\b|Model\b)", RegexOptions.CultureInvariant);

    private AssemblyLoadContext? _context;

    public List<CompiledFunction> Compiled { get; } = new();
    public List<CompileFailure> Failures { get; } = new();
    /// <summary>Functions left out because a function they call failed to compile.</summary>
    public int LeftOut { get; private set; }

    public static BatchCompiler Compile(IReadOnlyList<RandomFunction> functions)
    {
        var compiler = new BatchCompiler();
        var remaining = functions.ToList();
        for (int attempt = 0; attempt < 4 && remaining.Count > 0; attempt++)
        {
            var (assembly, errors) = TryCompile(remaining);
            if (assembly is not null)
            {
                compiler._context = AssemblyLoadContext.GetLoadContext(assembly);
                compiler.Compiled.AddRange(remaining.Select(f => Bind(assembly, f)));
                return compiler;
            }
            var failed = remaining.Where(f => errors.ContainsKey(f.Name)).ToList();
            if (failed.Count == 0)
            {
                // Errors that name no function: report them against the whole batch.
                compiler.Failures.AddRange(remaining.Select(f => new CompileFailure(f, string.Join("\n", errors.Values))));
                return compiler;
            }
            var failedNames = failed.Select(f => f.Name).ToHashSet();
            // A caller of a failed function fails with it; report only the function itself.
            var roots = failed.Where(f => !f.Callees.Any(failedNames.Contains)).ToList();
            compiler.Failures.AddRange(roots.Select(f => new CompileFailure(f, errors[f.Name])));
            var dropped = remaining.Where(f => failedNames.Contains(f.Name) || f.Callees.Any(failedNames.Contains)).ToList();
            compiler.LeftOut += dropped.Count - roots.Count;
            remaining = remaining.Except(dropped).ToList();
        }
        return compiler;
    }

    public void Dispose()
    {
        Compiled.Clear();
        _context?.Unload();
        _context = null;
    }

    private static (Assembly? Assembly, Dictionary<string, string> Errors) TryCompile(IReadOnlyList<RandomFunction> functions)
    {
        var trees = new List<SyntaxTree>();
        foreach (var f in functions)
        {
            trees.Add(CSharpSyntaxTree.ParseText(HarnessWriter.FunctionFile(f), ParseOptions, path: f.Name + ".cs"));
            trees.Add(CSharpSyntaxTree.ParseText(HarnessWriter.HarnessFile(f), ParseOptions, path: f.Name + ".Harness.cs"));
        }
        var compilation = CSharpCompilation.Create(
            "RandomPrograms" + Guid.NewGuid().ToString("N"), trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new DifferentiableGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var errors = new Dictionary<string, string>();
        foreach (var d in generatorDiagnostics.Concat(emit.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            string key = Owner(d);
            errors[key] = errors.TryGetValue(key, out var text) ? text + "\n" + d : d.ToString();
        }
        if (emit.Success && errors.Count == 0)
        {
            stream.Position = 0;
            return (new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream), errors);
        }
        return (null, errors);
    }

    /// <summary>The function a diagnostic belongs to: by file name, or by the header of a generated file.</summary>
    private static string Owner(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null) return "(batch)";
        var byPath = FunctionName.Match(Path.GetFileName(tree.FilePath));
        if (byPath.Success) return byPath.Value;
        string header = tree.GetText().ToString();
        var byHeader = FunctionName.Match(header.Substring(0, Math.Min(header.Length, 400)));
        return byHeader.Success ? byHeader.Value : "(batch)";
    }

    private static CompiledFunction Bind(Assembly assembly, RandomFunction f)
    {
        var harness = assembly.GetType(HarnessWriter.Namespace + "." + HarnessWriter.HarnessClass, throwOnError: true)!;
        T Get<T>(string member) where T : Delegate
            => harness.GetMethod(f.Name + "_" + member, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<T>();
        return new CompiledFunction(f,
            Get<Func<double[], int, double>>("Value"),
            Get<Func<double[], int, double[], double>>("Gradient"),
            Get<Func<double[], int, double[], double[], double>>("Tangent"),
            Get<Func<double[], int, double[], double[], double>>("Directional"),
            Get<Action<double[], int, double, double[]>>("Pullback"),
            HarnessWriter.HasHessianVector(f) ? Get<Action<double[], int, double[], double[]>>("HessianVector") : null);
    }
}
