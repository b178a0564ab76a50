using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DiffGen.Generator;

/// <summary>
/// For every <c>[Differentiable]</c> static method of a partial type, generates <c>{M}Gradient</c>,
/// <c>{M}Tangent</c>, <c>{M}Directional</c> and <c>{M}GradientCheck</c>. The generator is silent: a
/// method it cannot handle gets no output, and DiffGen's analyzer (same front end) says why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string Lower = "DiffGen.Lower";
        public const string Settings = "DiffGen.Settings";
        public const string Emit = "DiffGen.Emit";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SymbolFacts.DifferentiableAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => Lower(attributeContext, cancellationToken))
            .Where(static ir => ir is not null)
            .Select(static (ir, _) => ir!)
            .WithTrackingName(Steps.Lower);

        var settings = context.CompilationProvider
            .Select(static (compilation, _) => NonsmoothSettings.Read(compilation.Assembly))
            .WithTrackingName(Steps.Settings);

        var files = methods
            .Combine(settings)
            .Select(static (pair, _) => EmitFile(pair.Left, pair.Right))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(Steps.Emit);

        context.RegisterSourceOutput(files, static (output, file) => output.AddSource(file.HintName + ".g.cs", file.Text));
    }

    private static MethodIr? Lower(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax declaration) return null;
        try
        {
            return MethodFrontEnd.Analyze(method, declaration, context.SemanticModel, cancellationToken).Ir;
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (System.Exception)
        {
            // Never take the compilation down: the analyzer reports what it can; the method gets no output.
            return null;
        }
    }

    private static GeneratedFile? EmitFile(MethodIr ir, NonsmoothSettings settings)
    {
        try
        {
            return new GeneratedFile(ir.HintName, SourceEmitter.Emit(ir, settings));
        }
        catch (System.Exception)
        {
            return null;
        }
    }
}

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string HintName, string Text);
