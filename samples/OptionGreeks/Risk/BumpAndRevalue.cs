using System;
using DiffGen.Samples.OptionGreeks.Market;
using DiffGen.Samples.OptionGreeks.Pricing;

namespace DiffGen.Samples.OptionGreeks.Risk;

/// <summary>
/// Sensitivities the traditional way: central differences, two repricings per input with the same random numbers
/// (common random numbers), 2N + 1 pricings for N inputs.
/// </summary>
public static class BumpAndRevalue
{
    /// <summary>Relative bump size (absolute for inputs below 1 in magnitude).</summary>
    public const double RelativeBump = 1e-4;

    /// <summary>Every sensitivity of <see cref="Sensitivities"/> by central differences.</summary>
    public static Sensitivities Greeks(MonteCarloEngine engine, MarketData market, EuropeanCall option)
    {
        double price = engine.Price(market, option);
        double Bump(double x, Func<double, double> priceAt)
        {
            double h = RelativeBump * Math.Max(1.0, Math.Abs(x));
            return (priceAt(x + h) - priceAt(x - h)) / (2 * h);
        }

        double delta = Bump(market.Spot, s => engine.Price(market with { Spot = s }, option));
        double rho = Bump(market.Rate, r => engine.Price(market with { Rate = r }, option));
        double dividendRho = Bump(market.Dividend, q => engine.Price(market with { Dividend = q }, option));
        double skew = Bump(market.Skew, b => engine.Price(market with { Skew = b }, option));
        double dMaturity = Bump(option.Maturity, t => engine.Price(market, option with { Maturity = t }));
        double dStrike = Bump(option.Strike, k => engine.Price(market, option with { Strike = k }));
        var vega = new double[market.Vols.Buckets];
        for (int i = 0; i < vega.Length; i++)
        {
            int bucket = i;
            vega[i] = Bump(market.Vols.Vols[i], v =>
            {
                double[] vols = (double[])market.Vols.Vols.Clone();
                vols[bucket] = v;
                return engine.Price(market with { Vols = new VolatilityTermStructure(vols) }, option);
            });
        }

        return new Sensitivities(price, delta, rho, dividendRho, skew, dMaturity, dStrike, vega);
    }

    /// <summary>The number of pricings <see cref="Greeks"/> runs for a curve of <paramref name="buckets"/> buckets.</summary>
    public static int Pricings(int buckets) => 2 * (6 + buckets) + 1;
}
