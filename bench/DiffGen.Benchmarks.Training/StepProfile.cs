using System;
using DiffGen;
using System.Diagnostics;
using DiffGen.Optimizers;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FashionMnist.Model;
using DiffGen.Training;

/// <summary>
/// Where a training step's time goes, one thread of work at a time: forward pass, generated gradient, Adam,
/// batch gathering, and the GEMM share of the gradient measured as the same six products alone.
/// </summary>
internal static class StepProfile
{
    public static void Run(int batch)
    {
        var data = FashionMnistData.Embedded();
        var model = new Mlp(0);
        var adam = new Adam<float>(model.Parameters);
        var mb = new MiniBatch<float>(batch, Mlp.Inputs);
        var indices = new int[batch];
        for (int i = 0; i < batch; i++) indices[i] = i * 7 % data.Train.Count;
        var grads = Array.ConvertAll(model.Parameters, p => p.Grad);
        var logits = new float[batch * Mlp.Classes];
        float[] h1 = new float[batch * Mlp.Hidden1], h2 = new float[batch * Mlp.Hidden2], g1 = new float[h1.Length], g2 = new float[h2.Length];

        data.Train.Gather(indices, mb);
        double Time(Action action)
        {
            for (int i = 0; i < 20; i++) action();
            double best = double.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < 50; i++) action();
                best = Math.Min(best, clock.Elapsed.TotalMicroseconds / 50);
            }

            return best;
        }

        double gather = Time(() => data.Train.Gather(indices, mb));
        double forward = Time(() => model.Logits(mb.Features, batch, logits));
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        double gradient = Time(() => model.LossGradient(mb, grads));
        gen0 = GC.CollectionCount(0) - gen0;
        gen2 = GC.CollectionCount(2) - gen2;
        double step = Time(() => adam.Step());
        double gemms = Time(() =>
        {
            SpanOps.MatMul<float>(mb.Features, model.W1.Data, batch, Mlp.Inputs, Mlp.Hidden1, false, false, h1);
            SpanOps.MatMul<float>(h1, model.W2.Data, batch, Mlp.Hidden1, Mlp.Hidden2, false, false, h2);
            SpanOps.MatMul<float>(h2, model.W3.Data, batch, Mlp.Hidden2, Mlp.Classes, false, false, logits);
            SpanOps.MatMul<float>(mb.Features, h1, Mlp.Inputs, batch, Mlp.Hidden1, true, false, model.W1.Grad);
            SpanOps.MatMul<float>(h1, h2, Mlp.Hidden1, batch, Mlp.Hidden2, true, false, model.W2.Grad);
            SpanOps.MatMul<float>(h2, model.W2.Data, batch, Mlp.Hidden2, Mlp.Hidden1, false, true, g1);
        });
        double flops = 2.0 * batch * (2.0 * (Mlp.Inputs * Mlp.Hidden1 + Mlp.Hidden1 * Mlp.Hidden2 + Mlp.Hidden2 * Mlp.Classes)
                                      + Mlp.Hidden1 * Mlp.Hidden2 + Mlp.Hidden2 * Mlp.Classes);
        Console.WriteLine($"batch {batch}, microseconds per call (best of 5 x 50):");
        Console.WriteLine($"  gather          {gather,9:F1}");
        Console.WriteLine($"  forward         {forward,9:F1}");
        Console.WriteLine($"  loss+gradient   {gradient,9:F1}   ({flops / gradient / 1e3:F1} GFLOP/s of GEMM work, gradient/forward {gradient / forward:F2}x)");
        Console.WriteLine($"                  garbage collections in 270 gradient calls: {gen0} (gen 0), {gen2} (gen 2)");
        Console.WriteLine($"  six GEMMs alone {gemms,9:F1}");
        Console.WriteLine($"  Adam step       {step,9:F1}");
        _ = g2;
    }
}
