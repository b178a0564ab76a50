namespace DiffGen.Samples.OptionGreeks.Market;

/// <summary>
/// The market an equity option is priced in: spot, continuously compounded rate and dividend yield, and a local
/// volatility sigma(t, S) = vol(t) * (S / S0)^skew with <paramref name="Vols"/> the term structure vol(t) and
/// <paramref name="Skew"/> its elasticity to the spot level (0: Black-Scholes with a term structure; negative: the
/// equity skew, volatility rising as the spot falls).
/// </summary>
/// <param name="Spot">Spot price S0.</param>
/// <param name="Rate">Risk-free rate r.</param>
/// <param name="Dividend">Dividend yield q.</param>
/// <param name="Skew">Local-volatility elasticity to the spot level.</param>
/// <param name="Vols">Volatility term structure.</param>
public sealed record MarketData(double Spot, double Rate, double Dividend, double Skew, VolatilityTermStructure Vols);
