using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using DiffGen.Samples.OptionGreeks.Market;
using DiffGen.Samples.OptionGreeks.Pricing;
using DiffGen.Samples.OptionGreeks.Risk;

namespace DiffGen.Samples.OptionGreeks;

/// <summary>
/// Prices a 2-year call under Black-Scholes (flat volatility) and under a local-volatility model with a 20-bucket
/// term structure and a skew, prints every sensitivity by AAD next to bump-and-revalue and (Black-Scholes) the closed
/// form, and checks them. Exit code 1 when a check fails.
/// Options: --paths N (default 40000), --steps N (default 40), --seed N (default 1).
/// </summary>
public static class Program
{
    private const int Buckets = 20, Batches = 20;

    /// <summary>Runs the report.</summary>
    public static int Main(string[] args)
    {
        int paths = Option(args, "--paths", 40_000), steps = Option(args, "--steps", 40), seed = Option(args, "--seed", 1);
        if (paths % Batches != 0) paths += Batches - paths % Batches;
        var engine = new MonteCarloEngine(paths, steps, seed);
        var option = new EuropeanCall(Strike: 105, Maturity: 2.0);
        Console.WriteLine($"European call K={option.Strike} T={option.Maturity}y, {paths:N0} paths x {steps} steps (seed {seed}), " +
                          $"standard errors from {Batches} batches");

        bool ok = true;
        var blackScholes = new MarketData(Spot: 100, Rate: 0.03, Dividend: 0.01, Skew: 0, VolatilityTermStructure.Flat(0.2, Buckets));
        ok &= Report("Black-Scholes (flat 20% volatility, no skew)", engine, blackScholes, option, closedForm: true);
        var localVol = new MarketData(Spot: 100, Rate: 0.03, Dividend: 0.01, Skew: -0.5, VolatilityTermStructure.Humped(0.28, 0.19, Buckets));
        ok &= Report("Local volatility (humped 20-bucket term structure, skew -0.5)", engine, localVol, option, closedForm: false);

        Cost(engine, localVol, option);
        Console.WriteLine(ok ? "All sensitivities agree." : "SOME SENSITIVITIES DISAGREE (see !! above).");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Prints one table and checks it. AAD and bump-and-revalue use the same random numbers, so they must agree far
    /// inside the Monte Carlo error: within 2% of a standard error, or 1e-3 relative. The closed form is a different
    /// number (the expectation): within 4 standard errors.
    /// </summary>
    private static bool Report(string title, MonteCarloEngine engine, MarketData market, EuropeanCall option, bool closedForm)
    {
        Sensitivities aad = engine.Greeks(market, option);
        Sensitivities bump = BumpAndRevalue.Greeks(engine, market, option);
        int per = engine.Paths / Batches;
        var batches = Enumerable.Range(0, Batches).Select(b => engine.Greeks(market, option, b * per, per)).ToList();
        var (_, error) = Sensitivities.MeanAndError(batches);
        double priceError = Sensitivities.MeanAndErrorOfPrice(batches);

        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"",-14} {"AAD",12} {"std error",10} {"bump",12} {(closedForm ? "closed form" : ""),12}".TrimEnd());
        bool ok = true;
        var closed = closedForm ? ClosedForm(market, option) : null;
        ok &= Row("price", aad.Price, priceError, bump.Price, closed?["price"]);
        var a = aad.Named();
        var b = bump.Named();
        for (int k = 0; k < a.Count; k++)
        {
            string name = a[k].Name;
            bool bucket = name.StartsWith("vega[", StringComparison.Ordinal);
            if (closedForm && bucket && k != a.Count - 1) continue; // flat curve: the buckets are summed below
            if (closedForm && bucket)
            {
                double parallelError = Sensitivities.MeanAndErrorOf(batches, s => s.ParallelVega);
                ok &= Row("vega (sum)", aad.ParallelVega, parallelError, bump.ParallelVega, closed!["vega"]);
                continue;
            }

            ok &= Row(name, a[k].Value, error[k], b[k].Value, closed is not null && closed.TryGetValue(name, out double c) ? c : null);
        }

        return ok;
    }

    private static bool Row(string name, double aad, double error, double bump, double? closed)
    {
        bool bumpOk = Math.Abs(aad - bump) <= Math.Max(0.02 * error, 1e-3 * Math.Abs(aad));
        bool closedOk = closed is null || Math.Abs(aad - closed.Value) <= 4 * error;
        string c = closed is null ? "" : closed.Value.ToString("F5", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-14} {aad,12:F5} {error,10:F5} {bump,12:F5} {c,12}{(bumpOk ? "" : "  !! AAD vs bump")}{(closedOk ? "" : "  !! AAD vs closed form")}").TrimEnd());
        return bumpOk && closedOk;
    }

    private static Dictionary<string, double> ClosedForm(MarketData market, EuropeanCall option)
    {
        var bs = BlackScholes.Call(market.Spot, option.Strike, option.Maturity, market.Rate, market.Dividend, market.Vols.Vols[0]);
        return new Dictionary<string, double>
        {
            ["price"] = bs.Price, ["delta"] = bs.Delta, ["vega"] = bs.Vega, ["rho"] = bs.Rho,
            ["dividend rho"] = bs.DividendRho, ["theta"] = -bs.MaturitySensitivity, ["dV/dK"] = bs.StrikeSensitivity,
        };
    }

    /// <summary>The cost of all sensitivities by AAD and by bumping, in pricings (best of three runs; bumping once).
    /// bench/DiffGen.Benchmarks.Greeks measures the same with more rounds.</summary>
    private static void Cost(MonteCarloEngine engine, MarketData market, EuropeanCall option)
    {
        double price = Best(() => engine.Price(market, option));
        double aad = Best(() => engine.Greeks(market, option));
        double bump = Best(() => BumpAndRevalue.Greeks(engine, market, option), runs: 1);
        int n = 6 + market.Vols.Buckets;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cost: one pricing {price * 1e3:F1} ms; all {n} sensitivities by AAD {aad * 1e3:F1} ms = {aad / price:F2} pricings; " +
            $"by bump-and-revalue ({BumpAndRevalue.Pricings(market.Vols.Buckets)} pricings) {bump * 1e3:F0} ms = {bump / aad:F1}x the AAD time"));
    }

    private static double Best(Action run, int runs = 3)
    {
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) && v > 0 ? v : fallback;
    }
}
