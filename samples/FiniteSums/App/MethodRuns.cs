using System;
using System.Collections.Generic;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using DiffGen.Samples.FiniteSums.Model;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>Runs each method from w = 0 and records the objective after every pass.</summary>
public static class MethodRuns
{
    /// <summary>A finite-sum method, one <see cref="FiniteSumOptimizer.Epoch"/> (n iterations) at a time, until
    /// <paramref name="passes"/> effective passes (every gradient evaluation counted, SVRG's snapshots included).</summary>
    /// <param name="o">The optimizer over the problem's weights.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="passes">Passes to run.</param>
    /// <returns>The curve.</returns>
    public static Curve Run(FiniteSumOptimizer o, BinaryProblem problem, int passes)
    {
        var points = new List<(double, double)> { (0.0, problem.Value(o.Weights.Data)) };
        while (o.EffectivePasses < passes)
        {
            o.Epoch();
            points.Add((o.EffectivePasses, problem.Value(o.Weights.Data)));
        }

        return new Curve(o.Name, points);
    }

    /// <summary>Plain SGD (the runtime's <see cref="Sgd{T}"/>, one sample per step, L2 as weight decay) with the step
    /// 1/(L + lambda) / sqrt(pass), the decreasing steps SGD needs to converge at all.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="passes">Passes to run.</param>
    /// <param name="seed">Sampling seed.</param>
    /// <returns>The curve.</returns>
    public static Curve Sgd(BinaryProblem problem, int passes, ulong seed)
    {
        var w = new Parameter<double>(new double[problem.Dimension], "w");
        double lr = 1.0 / (problem.Smoothness + problem.Lambda);
        var sgd = new Sgd<double>([w], new SgdOptions { Lr = lr, WeightDecay = problem.Lambda });
        var rng = new NoiseSource(seed);
        var points = new List<(double, double)> { (0.0, problem.Value(w.Data)) };
        for (int pass = 1; pass <= passes; pass++)
        {
            sgd.SetLearningRate(0, lr / Math.Sqrt(pass));
            for (int k = 0; k < problem.Count; k++)
            {
                int i = (int)(((UInt128)rng.NextUInt64() * (ulong)problem.Count) >> 64);
                w.ZeroGrad();
                LogisticLoss.SampleLossGradient(w.Data, problem.Row(i), problem.Labels[i], w.Grad);
                sgd.Step();
            }

            points.Add((pass, problem.Value(w.Data)));
        }

        return new Curve("SGD", points);
    }
}
