using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>One reference trajectory from ../shared/fixtures/optim (see the README there).</summary>
internal sealed class OptimFixture
{
    private static readonly Lazy<string> Directory_ = new(FindDirectory);

    private OptimFixture(string name, JsonElement root)
    {
        Name = name;
        Root = root;
        Hyper = root.GetProperty("hyperparameters");
        var problem = root.GetProperty("problem");
        A = Matrix(problem.GetProperty("A"));
        B = Vector(problem.GetProperty("b"));
        Theta0 = Vector(problem.GetProperty("theta0"));
        Noise = problem.TryGetProperty("noise", out var n) ? Matrix(n) : [];
        Trajectory = Matrix(root.GetProperty("trajectory"));
        Gradients = root.TryGetProperty("gradients", out var g) ? Matrix(g) : [];
        FinalState = root.GetProperty("final_state");
    }

    public string Name { get; }

    public JsonElement Root { get; }

    public JsonElement Hyper { get; }

    public double[][] A { get; }

    public double[] B { get; }

    public double[] Theta0 { get; }

    public double[][] Noise { get; }

    public double[][] Trajectory { get; }

    public double[][] Gradients { get; }

    public JsonElement FinalState { get; }

    public static string Directory => Directory_.Value;

    public static OptimFixture Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, file)));
        return new OptimFixture(file, doc.RootElement.Clone());
    }

    public static IEnumerable<string> Files(string prefix) =>
        System.IO.Directory.EnumerateFiles(Directory, prefix + "*.json").Select(Path.GetFileName).Order()!;

    public double H(string key) => Hyper.GetProperty(key).GetDouble();

    public bool Flag(string key) => Hyper.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;

    public (double, double) Pair(string key)
    {
        var a = Hyper.GetProperty(key);
        return (a[0].GetDouble(), a[1].GetDouble());
    }

    /// <summary>g_k = ((A theta) + b) + noise[k], sums left to right from 0.0, no FMA (README).</summary>
    public void Gradient(ReadOnlySpan<double> theta, int k, Span<double> g)
    {
        for (int i = 0; i < B.Length; i++)
        {
            double s = 0.0;
            for (int j = 0; j < theta.Length; j++) s += A[i][j] * theta[j];
            g[i] = (s + B[i]) + Noise[k][i];
        }
    }

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double[][] Matrix(JsonElement e) => e.EnumerateArray().Select(Vector).ToArray();

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "fixtures", "optim");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("shared/fixtures/optim not found above " + AppContext.BaseDirectory);
    }

    public override string ToString() => Name;
}
