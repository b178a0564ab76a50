using System.Linq;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>Editing one method leaves the cached pipeline outputs of every other method untouched.</summary>
public class IncrementalityTests
{
    private const string First = """
        using DiffGen;
        public static partial class A
        {
            [Differentiable]
            public static double F(double x) => x * x;
        }
        """;

    private const string Second = """
        using DiffGen;
        public static partial class B
        {
            [Differentiable]
            public static double G(double x) => x + 1;
        }
        """;

    private const string SecondEdited = """
        using DiffGen;
        public static partial class B
        {
            [Differentiable]
            public static double G(double x) => x * 3 + 1;
        }
        """;

    [Fact]
    public void EditInAnotherFile_UntouchedMethod_IsCachedAtEveryStep()
    {
        var compilation = GeneratorHarness.Compilation(First, Second);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(), CSharpSyntaxTree.ParseText(SecondEdited, GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { DifferentiableGenerator.Steps.Lower, DifferentiableGenerator.Steps.Emit })
        {
            var outputs = run.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            var untouched = outputs.Where(o => Mentions(o.Value, "A.F")).Select(o => o.Reason).ToList();
            var edits = outputs.Where(o => Mentions(o.Value, "B.G")).Select(o => o.Reason).ToList();
            Assert.NotEmpty(untouched);
            Assert.All(untouched, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
            Assert.Contains(IncrementalStepRunReason.Modified, edits);
        }
    }

    [Fact]
    public void EditOfAnotherMethodInTheSameFile_UntouchedMethod_EmitIsCached()
    {
        string before = """
            using DiffGen;
            public static partial class A
            {
                [Differentiable]
                public static double F(double x) => x * x;
                [Differentiable]
                public static double H(double x) => x - 1;
            }
            """;
        string after = before.Replace("x - 1", "x - 2");
        var compilation = GeneratorHarness.Compilation(before);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(after, GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var lowered = run.TrackedSteps[DifferentiableGenerator.Steps.Lower].SelectMany(s => s.Outputs).Where(o => Mentions(o.Value, "A.F")).ToList();
        Assert.NotEmpty(lowered);
        Assert.All(lowered, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var emitted = run.TrackedSteps[DifferentiableGenerator.Steps.Emit].SelectMany(s => s.Outputs).Where(o => Mentions(o.Value, "A.F")).ToList();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void NoEdit_SecondRun_AllOutputsCached()
    {
        var compilation = GeneratorHarness.Compilation(First, Second);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var run = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        var reasons = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    private const string Model = """
        using DiffGen;
        public partial class Model
        {
            public double Scale = 2;
            public double[] Weights = new double[3];
            public string Name = "m";

            public string Describe() => Name + " model";

            [Differentiable]
            public double F(double x) => Scale * x * Weights[0];

            [Differentiable]
            public double G(double x) => Scale + x * Weights[1];
        }
        """;

    [Theory]
    [InlineData("Name + \" model\"", "\"model \" + Name")] // an unrelated member of the type
    [InlineData("Scale + x * Weights[1]", "Scale - x * Weights[2]")] // the other instance method
    public void EditInAModelClass_UntouchedMethodAndTheTangentType_AreNotRegenerated(string from, string to)
    {
        var compilation = GeneratorHarness.Compilation(Model);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(Model.Replace(from, to), GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var emitted = run.TrackedSteps[DifferentiableGenerator.Steps.Emit].SelectMany(s => s.Outputs).Where(o => Mentions(o.Value, "Model.F")).ToList();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var tangents = run.TrackedSteps[DifferentiableGenerator.Steps.Types].SelectMany(s => s.Outputs).ToList();
        Assert.Single(tangents);
        Assert.All(tangents, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void NewDifferentiableMember_RegeneratesTheTangentType()
    {
        var compilation = GeneratorHarness.Compilation(Model);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(Model.Replace("public string Name", "public double Offset; public string Name"), GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var tangents = run.TrackedSteps[DifferentiableGenerator.Steps.Types].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(tangents, o => o.Reason == IncrementalStepRunReason.Modified && Mentions(o.Value, "Offset"));
    }

    private static bool Mentions(object value, string method) => value.ToString()!.Contains(method);
    private const string Caller = """
        using DiffGen;
        public static partial class Caller
        {
            [Differentiable]
            public static double Sum(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Helper.Square(x[i]);
                return s;
            }
        }
        """;

    private const string Helper = """
        using DiffGen;
        public static partial class Helper
        {
            [Differentiable]
            public static double Square(double x) => x * x;
        }
        """;

    [Fact]
    public void EditOfAHelperInlinedInAnotherFile_RegeneratesTheCaller()
    {
        // The caller's gradient holds the helper's body (inlined in its loop): an edit of the helper must reach it.
        var compilation = GeneratorHarness.Compilation(Caller, Helper);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(), CSharpSyntaxTree.ParseText(Helper.Replace("x * x", "x * x * x"), GeneratorHarness.ParseOptions));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var caller = run.GeneratedSources.Single(s => s.HintName.StartsWith("Caller.Sum", System.StringComparison.Ordinal)).SourceText.ToString();
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.StartsWith("Caller.Sum", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.NotEqual(before, caller);
    }
}
