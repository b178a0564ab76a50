using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using DiffGen.Samples.OptionGreeks.Market;
using DiffGen.Samples.OptionGreeks.Pricing;
using DiffGen.Samples.OptionGreeks.Risk;

// ROUNDS alternating rounds of: one pricing, all sensitivities by AAD (one PriceGradient call), all sensitivities by
// bump-and-revalue (2N + 1 pricings); the best time of each is kept, the least disturbed by other load on a shared
// machine. The market is the sample's local-volatility case (N = 26 inputs: spot, rate, dividend, skew, maturity,
// strike and 20 volatility buckets).
int rounds = args.Length > 0 && int.TryParse(args[0], out int r) && r > 0 ? r : 5;
int paths = args.Length > 1 && int.TryParse(args[1], out int p) && p > 0 ? p : 40_000;
const int steps = 40, buckets = 20;
var engine = new MonteCarloEngine(paths, steps, seed: 1);
var option = new EuropeanCall(Strike: 105, Maturity: 2.0);
var market = new MarketData(Spot: 100, Rate: 0.03, Dividend: 0.01, Skew: -0.5, VolatilityTermStructure.Humped(0.28, 0.19, buckets));
static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

Console.WriteLine($"{paths:N0} paths x {steps} steps, {6 + buckets} inputs, {rounds} rounds; load average before: {Load()}");
double price = double.MaxValue, aad = double.MaxValue, bump = double.MaxValue;
for (int i = 0; i < rounds; i++)
{
    var sw = Stopwatch.StartNew();
    engine.Price(market, option);
    price = Math.Min(price, sw.Elapsed.TotalSeconds);
    sw.Restart();
    engine.Greeks(market, option);
    aad = Math.Min(aad, sw.Elapsed.TotalSeconds);
    sw.Restart();
    BumpAndRevalue.Greeks(engine, market, option);
    bump = Math.Min(bump, sw.Elapsed.TotalSeconds);
}

Console.WriteLine($"load average after: {Load()}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one pricing          {price * 1e3,9:F1} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AAD, all Greeks      {aad * 1e3,9:F1} ms  = {aad / price:F2} pricings (goal: at most 4)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bump, all Greeks     {bump * 1e3,9:F1} ms  = {bump / price:F1} pricings ({BumpAndRevalue.Pricings(buckets)} run); AAD is {bump / aad:F1}x faster"));
