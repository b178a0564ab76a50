using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text.Json;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>Runs an optimizer on a fixture's problem (gradients recomputed from its own parameters) and compares
/// trajectory and final state with PyTorch.</summary>
internal static class FixtureRunner
{
    /// <summary>Float64 parity: |ours - torch| &lt;= 1e-12 * max(1, |torch|) (relative, with unit floor for values near 0).</summary>
    public const double Float64Tolerance = 1e-12;

    /// <summary>Float32 runs compared with the float64 reference: float rounding accumulated over 40 steps (every file
    /// passes at 1e-5, about 170 float ulps; several fail at 1e-6).</summary>
    public const double Float32Tolerance = 1e-5;

    public sealed record Result<T>(double[][] Trajectory, Optimizer<T> Optimizer, Parameter<T> Parameter)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    /// <summary>Builds the optimizer for one parameter and returns a step action.</summary>
    public delegate (Optimizer<T> Optimizer, Func<bool> Step) Factory<T>(Parameter<T> parameter)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    public static Result<T> Run<T>(OptimFixture f, Factory<T> make, KernelPath path = KernelPath.Simd)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = Array.ConvertAll(f.Theta0, T.CreateTruncating);
        var p = new Parameter<T>(data, "theta");
        var (opt, step) = make(p);
        opt.KernelPath = path;
        var traj = new double[f.Trajectory.Length][];
        var theta = new double[data.Length];
        var g = new double[data.Length];
        for (int k = 0; k < traj.Length; k++)
        {
            for (int i = 0; i < theta.Length; i++) theta[i] = double.CreateTruncating(p.Data[i]);
            f.Gradient(theta, k, g);
            for (int i = 0; i < g.Length; i++) p.Grad[i] = T.CreateTruncating(g[i]);
            Assert.True(step());
            traj[k] = Array.ConvertAll(p.Data, double.CreateTruncating);
        }

        return new Result<T>(traj, opt, p);
    }

    public static void AssertClose(double expected, double actual, double tol, string what)
    {
        double err = Math.Abs(expected - actual);
        if (!(err <= tol * Math.Max(1.0, Math.Abs(expected))))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (error {err:E3}, tolerance {tol:E1} relative)");
    }

    public static void AssertVector(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) AssertClose(expected[i], actual[i], tol, $"{what}[{i}]");
    }

    public static void AssertTrajectory<T>(OptimFixture f, Result<T> r, double tol)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int k = 0; k < f.Trajectory.Length; k++) AssertVector(f.Trajectory[k], r.Trajectory[k], tol, $"{f.Name} theta after step {k + 1}");
    }

    /// <summary>Compares every key of final_state: tensors by torch key, "step" with the step counter, other numbers with scalar state.</summary>
    public static void AssertFinalState<T>(OptimFixture f, Result<T> r, double tol, params string[] skip)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var state = r.Optimizer.GetState(r.Parameter);
        Assert.NotNull(state);
        int compared = 0;
        foreach (var prop in f.FinalState.EnumerateObject())
        {
            if (Array.IndexOf(skip, prop.Name) >= 0) continue;
            switch (prop.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    Assert.False(state!.Contains(prop.Name), $"{f.Name}: torch has no '{prop.Name}', DiffGen does");
                    break;
                case JsonValueKind.Array:
                    AssertVector(OptimFixture.Vector(prop.Value), Array.ConvertAll(state![prop.Name], double.CreateTruncating), tol, $"{f.Name} state '{prop.Name}'");
                    break;
                case JsonValueKind.Number when prop.Name == "step":
                    Assert.Equal(prop.Value.GetDouble(), state!.Step);
                    break;
                default:
                    AssertClose(prop.Value.GetDouble(), state!.GetScalar(prop.Name), tol, $"{f.Name} state '{prop.Name}'");
                    break;
            }

            compared++;
        }

        Assert.True(compared > 0);
    }

    /// <summary>Float64 run against the file, trajectory and final state, on both CPU drivers.</summary>
    public static Result<double> AssertParity64(string file, Func<OptimFixture, Factory<double>> make, params string[] skipState)
    {
        var f = OptimFixture.Load(file);
        Result<double> r = null!;
        foreach (var path in new[] { KernelPath.Scalar, KernelPath.Simd })
        {
            r = Run(f, make(f), path);
            AssertTrajectory(f, r, Float64Tolerance);
            AssertFinalState(f, r, Float64Tolerance, skipState);
        }

        return r;
    }

    /// <summary>Float32 run against the float64 reference trajectory to float tolerance.</summary>
    public static void AssertParity32(string file, Func<OptimFixture, Factory<float>> make)
    {
        var f = OptimFixture.Load(file);
        var r = Run(f, make(f));
        AssertTrajectory(f, r, Float32Tolerance);
    }
}
