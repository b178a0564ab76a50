using System;

namespace DiffGen.Samples.OptionGreeks.Risk;

/// <summary>
/// The Black-Scholes-Merton closed form for a European call with continuous dividend yield (Hull, "Options, Futures
/// and Other Derivatives", ch. 17 and 19), the reference for the flat-volatility, zero-skew case.
/// </summary>
public static class BlackScholes
{
    /// <summary>Price and sensitivities; vega is the parallel vega (all buckets moved together).</summary>
    public static (double Price, double Delta, double Vega, double Rho, double DividendRho, double MaturitySensitivity, double StrikeSensitivity)
        Call(double spot, double strike, double maturity, double rate, double dividend, double vol)
    {
        double sqrtT = Math.Sqrt(maturity);
        double d1 = (Math.Log(spot / strike) + (rate - dividend + 0.5 * vol * vol) * maturity) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        double dq = Math.Exp(-dividend * maturity), dr = Math.Exp(-rate * maturity);
        double price = spot * dq * Cdf(d1) - strike * dr * Cdf(d2);
        double delta = dq * Cdf(d1);
        double vega = spot * dq * Pdf(d1) * sqrtT;
        double rho = strike * maturity * dr * Cdf(d2);
        double dividendRho = -spot * maturity * dq * Cdf(d1);
        double dMaturity = spot * dq * Pdf(d1) * vol / (2 * sqrtT) - dividend * spot * dq * Cdf(d1) + rate * strike * dr * Cdf(d2);
        double dStrike = -dr * Cdf(d2);
        return (price, delta, vega, rho, dividendRho, dMaturity, dStrike);
    }

    private static double Pdf(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>Standard normal CDF through erfc (Numerical Recipes' erfcc, a Chebyshev fit with relative error below 1.2e-7).</summary>
    private static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                   t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
