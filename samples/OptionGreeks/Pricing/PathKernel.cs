using System;

namespace DiffGen.Samples.OptionGreeks.Pricing;

/// <summary>
/// The Monte Carlo kernel: log-Euler paths of the local-volatility model, discounted call payoff averaged over paths.
/// It is the only differentiable code in the sample; the generator writes <c>PriceGradient</c> (every sensitivity in
/// one reverse sweep: the adjoint algorithmic differentiation used on trading desks) next to it.
/// </summary>
public static partial class PathKernel
{
    /// <summary>
    /// The price of a European call by Monte Carlo over <paramref name="paths"/> paths of <paramref name="steps"/>
    /// steps. Step j uses the volatility bucket j * buckets / steps, so the buckets are equal slices of
    /// [0, <paramref name="maturity"/>]. <paramref name="normals"/> holds paths * steps standard normal draws.
    /// </summary>
    [Differentiable]
    public static double Price(double spot, double rate, double dividend, double skew, double maturity, double strike,
                               ReadOnlySpan<double> vols, [NoDerivative] ReadOnlySpan<double> normals, int paths, int steps)
    {
        int buckets = vols.Length;
        double dt = maturity / steps;
        double sqrtDt = Math.Sqrt(dt);
        double x0 = Math.Log(spot);
        double sum = 0;
        for (int p = 0; p < paths; p++)
        {
            double x = x0;
            for (int j = 0; j < steps; j++)
            {
                double sigma = vols[j * buckets / steps] * Math.Exp(skew * (x - x0));
                x += (rate - dividend - 0.5 * sigma * sigma) * dt + sigma * sqrtDt * normals[p * steps + j];
            }

            sum += Math.Max(Math.Exp(x) - strike, 0);
        }

        return Math.Exp(-rate * maturity) * sum / paths;
    }
}
