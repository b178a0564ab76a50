using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>
/// DG0099: when emission fails on a method the front end accepted (a bug), the generated file is a
/// <c>#error</c> naming DG0099, the method and the reason, so the build fails with an explanation.
/// No valid source reaches it, so the test breaks an IR on purpose.
/// </summary>
public class GenerationFailureTests
{
    private const string Source = """
        using System;
        using DiffGen;
        namespace Sample
        {
            public static partial class Broken
            {
                [Differentiable]
                public static double F(double x) => Math.Exp(x);
            }
        }
        """;

    private static MethodIr LowerF()
    {
        return GeneratorHarness.FrontEnd(GeneratorHarness.Compilation(Source)).Ir!;
    }

    [Fact]
    public void EmissionFailure_GivesErrorDirectiveNamingDG0099AndTheMethod()
    {
        var ir = LowerF();
        var unknown = new PrimitiveCallExpr(new Primitive("NotRegistered"), "global::System.Math.Exp",
            new EquatableArray<Expr>(new Expr[] { new VariableExpr(0, ScalarKind.Double) }), ScalarKind.Double, 0);
        var broken = ir with { Body = new EquatableArray<Stmt>(new Stmt[] { new ReturnStmt(unknown) }) };

        var file = DifferentiableGenerator.EmitFile(broken, NonsmoothSettings.Default);

        Assert.Contains("#error DG0099", file.Text);
        Assert.Contains("Sample.Broken.F", file.Text);
        var compiled = GeneratorHarness.Compilation(Source).AddSyntaxTrees(CSharpSyntaxTree.ParseText(file.Text, GeneratorHarness.ParseOptions));
        var error = Assert.Single(compiled.GetDiagnostics(), d => d.Id == "CS1029");
        Assert.Contains("DG0099", error.GetMessage());
    }

    [Fact]
    public void SupportedMethod_EmitsNoErrorDirective()
        => Assert.DoesNotContain("#error", DifferentiableGenerator.EmitFile(LowerF(), NonsmoothSettings.Default).Text);
}
