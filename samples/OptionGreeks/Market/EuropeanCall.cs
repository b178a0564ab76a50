namespace DiffGen.Samples.OptionGreeks.Market;

/// <summary>A European call: pays max(S_T - K, 0) at maturity.</summary>
/// <param name="Strike">Strike K.</param>
/// <param name="Maturity">Maturity T in years.</param>
public sealed record EuropeanCall(double Strike, double Maturity);
