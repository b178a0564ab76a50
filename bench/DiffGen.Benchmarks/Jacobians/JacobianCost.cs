using System;
using System.Globalization;
using System.Linq;
using DiffGen.Benchmarks.Gmm;

namespace DiffGen.Benchmarks.Jacobians;

/// <summary>
/// The generated <c>{M}Jacobian</c> by forward columns (n tangent passes) against reverse rows (m pullback passes), in
/// one process from interleaved rounds, on tall, square and wide shapes; each time also per pass over the primal, the
/// number behind <see cref="JacobianStrategy.Auto"/>'s rule (columns when n &lt; m). Run with <c>--jacobian [rounds]</c>.
/// </summary>
public static class JacobianCost
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : 7;
        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds; minima");
        Console.WriteLine("| method | n × m | primal (µs) | forward columns (µs) | reverse rows (µs) | per pass / primal: forward, reverse | Auto runs |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (n, m) in new[] { (16, 256), (64, 64), (256, 16) }) Layer(n, m, rounds);
        Softmax(64, rounds);
        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }

    private static double[] Draw(Random random, int length) => Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();

    private static void Layer(int n, int m, int rounds)
    {
        var random = new Random(n * 1000 + m);
        double[] x = Draw(random, n), w = Draw(random, n * m), b = Draw(random, m), y = new double[m], jacobian = new double[n * m];
        Func<double>[] methods =
        {
            () => { JacobianFunctions.TanhLayerJacobian(x, w, b, y, jacobian, JacobianStrategy.ForwardColumns); return jacobian[0]; },
            () => { JacobianFunctions.TanhLayerJacobian(x, w, b, y, jacobian, JacobianStrategy.ReverseRows); return jacobian[0]; },
            () => { JacobianFunctions.TanhLayer(x, w, b, y); return y[0]; },
        };
        Report("tanh layer", n, m, Interleaving.Run(methods, rounds));
    }

    private static void Softmax(int n, int rounds)
    {
        double[] z = Draw(new Random(n), n), p = new double[n], jacobian = new double[n * n];
        Func<double>[] methods =
        {
            () => { JacobianFunctions.SoftmaxJacobian(z, p, jacobian, JacobianStrategy.ForwardColumns); return jacobian[0]; },
            () => { JacobianFunctions.SoftmaxJacobian(z, p, jacobian, JacobianStrategy.ReverseRows); return jacobian[0]; },
            () => { JacobianFunctions.Softmax(z, p); return p[0]; },
        };
        Report("softmax", n, n, Interleaving.Run(methods, rounds));
    }

    private static void Report(string name, int n, int m, double[][] times)
    {
        // The forward Jacobian comes first: Interleaving sizes each round's calls by the first method (20 ms of it).
        double forward = times[0].Min(), reverse = times[1].Min(), primal = times[2].Min();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} × {2} | {3:F2} | {4:F1} | {5:F1} | {6:F2}, {7:F2} | {8} |",
            name, n, m, primal * 1e6, forward * 1e6, reverse * 1e6, forward / n / primal, reverse / m / primal, n < m ? "columns" : "rows"));
    }
}
