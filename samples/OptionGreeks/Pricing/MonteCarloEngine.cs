using System;
using DiffGen.Samples.OptionGreeks.Market;
using DiffGen.Samples.OptionGreeks.Risk;

namespace DiffGen.Samples.OptionGreeks.Pricing;

/// <summary>
/// Prices a European call in a <see cref="MarketData"/> by Monte Carlo with fixed random numbers (drawn once from a
/// seed), and computes its sensitivities by AAD. The engine is ordinary library code: it unpacks the market and the
/// product into the kernel's arguments and packs the generated gradient into <see cref="Sensitivities"/>.
/// </summary>
public sealed class MonteCarloEngine
{
    private readonly double[] _normals;

    /// <summary>Draws paths * steps normals from <paramref name="seed"/>.</summary>
    public MonteCarloEngine(int paths, int steps, int seed)
    {
        if (paths < 1) throw new ArgumentOutOfRangeException(nameof(paths), paths, "At least one path is required.");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "At least one time step is required.");
        Paths = paths;
        Steps = steps;
        _normals = NormalSource.Draw(paths * steps, seed);
    }

    /// <summary>Number of paths.</summary>
    public int Paths { get; }

    /// <summary>Time steps per path.</summary>
    public int Steps { get; }

    /// <summary>The Monte Carlo price.</summary>
    public double Price(MarketData market, EuropeanCall option) => Price(market, option, 0, Paths);

    /// <summary>The price over paths [<paramref name="firstPath"/>, firstPath + count), same random numbers.</summary>
    public double Price(MarketData market, EuropeanCall option, int firstPath, int count) =>
        PathKernel.Price(market.Spot, market.Rate, market.Dividend, market.Skew, option.Maturity, option.Strike,
                         market.Vols.Vols, Normals(firstPath, count), count, Steps);

    /// <summary>Price and every first-order sensitivity from one adjoint pass.</summary>
    public Sensitivities Greeks(MarketData market, EuropeanCall option) => Greeks(market, option, 0, Paths);

    /// <summary>Price and sensitivities over paths [<paramref name="firstPath"/>, firstPath + count).</summary>
    public Sensitivities Greeks(MarketData market, EuropeanCall option, int firstPath, int count)
    {
        var vega = new double[market.Vols.Buckets]; // the generated gradient adds to it
        double price = PathKernel.PriceGradient(market.Spot, market.Rate, market.Dividend, market.Skew, option.Maturity, option.Strike,
            market.Vols.Vols, Normals(firstPath, count), count, Steps,
            out double delta, out double rho, out double dividendRho, out double skew, out double dMaturity, out double dStrike, vega);
        return new Sensitivities(price, delta, rho, dividendRho, skew, dMaturity, dStrike, vega);
    }

    private ReadOnlySpan<double> Normals(int firstPath, int count)
    {
        if (firstPath < 0 || count < 1 || firstPath + count > Paths)
            throw new ArgumentOutOfRangeException(nameof(count), $"Paths [{firstPath}, {firstPath + count}) are outside [0, {Paths}).");
        return _normals.AsSpan(firstPath * Steps, count * Steps);
    }
}
