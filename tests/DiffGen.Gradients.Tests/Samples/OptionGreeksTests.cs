using System;
using System.Linq;
using DiffGen.Samples.OptionGreeks.Market;
using DiffGen.Samples.OptionGreeks.Pricing;
using DiffGen.Samples.OptionGreeks.Risk;
using Xunit;

namespace DiffGen.Gradients.Tests.Samples;

/// <summary>
/// samples/OptionGreeks at a small size: the AAD Greeks of the Monte Carlo kernel against bump-and-revalue with the
/// same random numbers (every one of the 26 inputs) and, under Black-Scholes, against the closed form within the
/// Monte Carlo error; and the closed form's Greeks against finite differences of its own price.
/// </summary>
public class OptionGreeksTests
{
    private const int Buckets = 20, Steps = 20, Batches = 10;
    private static readonly EuropeanCall Call = new(Strike: 105, Maturity: 2.0);

    [Fact]
    public void LocalVolatility_AadGreeks_MatchBumpAndRevalueWithCommonRandomNumbers()
    {
        var engine = new MonteCarloEngine(paths: 2_000, Steps, seed: 3);
        var market = new MarketData(100, 0.03, 0.01, -0.5, VolatilityTermStructure.Humped(0.28, 0.19, Buckets));

        Sensitivities aad = engine.Greeks(market, Call);
        Sensitivities bump = BumpAndRevalue.Greeks(engine, market, Call);

        Assert.Equal(bump.Price, aad.Price, 12);
        var a = aad.Named();
        var b = bump.Named();
        Assert.Equal(6 + Buckets, a.Count);
        for (int k = 0; k < a.Count; k++)
        {
            // Differences come from O(h^2) truncation and the few paths whose payoff kink lies within one bump.
            Assert.True(Math.Abs(a[k].Value - b[k].Value) <= 2e-3 * Math.Max(1, Math.Abs(b[k].Value)),
                $"{a[k].Name}: AAD {a[k].Value:R}, bump {b[k].Value:R}");
        }
    }

    [Fact]
    public void BlackScholes_AadGreeks_WithinFourStandardErrorsOfClosedForm()
    {
        const int paths = 20_000;
        var engine = new MonteCarloEngine(paths, Steps, seed: 5);
        var market = new MarketData(100, 0.03, 0.01, 0, VolatilityTermStructure.Flat(0.2, Buckets));
        var closed = BlackScholes.Call(market.Spot, Call.Strike, Call.Maturity, market.Rate, market.Dividend, 0.2);
        var batches = Enumerable.Range(0, Batches).Select(b => engine.Greeks(market, Call, b * (paths / Batches), paths / Batches)).ToList();
        Sensitivities all = engine.Greeks(market, Call);

        void Check(string name, Func<Sensitivities, double> value, double expected)
        {
            double error = Sensitivities.MeanAndErrorOf(batches, value);
            Assert.True(Math.Abs(value(all) - expected) <= 4 * error, $"{name}: AAD {value(all):R} ± {error:R}, closed form {expected:R}");
        }

        Check("price", s => s.Price, closed.Price);
        Check("delta", s => s.Delta, closed.Delta);
        Check("vega", s => s.ParallelVega, closed.Vega);
        Check("rho", s => s.Rho, closed.Rho);
        Check("dividend rho", s => s.DividendRho, closed.DividendRho);
        Check("dV/dT", s => s.MaturitySensitivity, closed.MaturitySensitivity);
        Check("dV/dK", s => s.StrikeSensitivity, closed.StrikeSensitivity);
    }

    [Fact]
    public void BlackScholesClosedForm_Greeks_MatchFiniteDifferencesOfItsPrice()
    {
        const double s = 100, k = 105, t = 2, r = 0.03, q = 0.01, v = 0.2;
        var g = BlackScholes.Call(s, k, t, r, q, v);
        double D(Func<double, double> price, double x)
        {
            double h = 1e-3 * Math.Max(1, Math.Abs(x));
            return (price(x + h) - price(x - h)) / (2 * h);
        }

        AssertClose(g.Delta, D(x => BlackScholes.Call(x, k, t, r, q, v).Price, s));
        AssertClose(g.StrikeSensitivity, D(x => BlackScholes.Call(s, x, t, r, q, v).Price, k));
        AssertClose(g.MaturitySensitivity, D(x => BlackScholes.Call(s, k, x, r, q, v).Price, t));
        AssertClose(g.Rho, D(x => BlackScholes.Call(s, k, t, x, q, v).Price, r));
        AssertClose(g.DividendRho, D(x => BlackScholes.Call(s, k, t, r, x, v).Price, q));
        AssertClose(g.Vega, D(x => BlackScholes.Call(s, k, t, r, q, x).Price, v));
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-3 * Math.Max(1, Math.Abs(expected)), $"closed form {expected:R}, finite difference {actual:R}");
}
