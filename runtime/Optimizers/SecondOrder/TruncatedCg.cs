using System;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>How a truncated CG solve ended.</summary>
public enum CgStop
{
    /// <summary>The relative residual reached the forcing term.</summary>
    Converged,

    /// <summary>The iteration cap was reached.</summary>
    MaxIterations,

    /// <summary>A search direction p had p'(H + lambda I) p &lt;= 0.</summary>
    NegativeCurvature,
}

/// <summary>
/// Truncated conjugate gradient on A d = -g with A = H + lambda I seen only through products (Nocedal and Wright,
/// Algorithm 7.1, with Martens' warm start), optionally preconditioned by a positive diagonal M (z = M^-1 r). It tracks the residual r = -g - A d, so the damped model
/// q(d) = g'd + d'A d / 2 = (g'd - r'd) / 2 costs no extra product. On negative curvature it returns the current
/// iterate if it is not zero, else the direction (-g on a cold start), whose model value uses the measured curvature.
/// </summary>
internal sealed class TruncatedCg
{
    private readonly double[] _r, _p, _ap, _z;

    public TruncatedCg(int n)
    {
        _r = new double[n];
        _p = new double[n];
        _ap = new double[n];
        _z = new double[n];
    }

    /// <summary>Products of A with a vector, counted by the caller.</summary>
    public delegate void Operator(ReadOnlySpan<double> v, Span<double> av);

    /// <summary>Solves into <paramref name="d"/>, which holds the warm start on entry (zeros for a cold start).
    /// <paramref name="inversePreconditioner"/> is M^-1 elementwise (positive), or empty for none.</summary>
    /// <returns>How it stopped, the iterations (products), and q(d), the damped model value of the returned d.</returns>
    public (CgStop Stop, int Products, double Model) Solve(Operator a, ReadOnlySpan<double> g, Span<double> d, double tolerance, int maxIterations,
        ReadOnlySpan<double> inversePreconditioner = default)
    {
        int products = 0;
        g.CopyTo(_r);
        TensorPrimitives.Negate(_r, _r);
        bool atZero = true;
        if (TensorPrimitives.MaxMagnitude<double>(d) != 0.0)
        {
            // r0 = -g - A d0; keep d0 only if it is better than zero for the damped model.
            a(d, _ap);
            products++;
            TensorPrimitives.Subtract(_r, _ap, _ap);
            double model = 0.5 * (TensorPrimitives.Dot(g, d) - TensorPrimitives.Dot<double>(_ap, d));
            if (model < 0.0)
            {
                _ap.CopyTo(_r);
                atZero = false;
            }
            else
            {
                d.Clear();
            }
        }

        double gNorm = TensorPrimitives.Norm(g);
        Precondition(inversePreconditioner);
        _z.CopyTo(_p);
        double rz = TensorPrimitives.Dot<double>(_r, _z);
        for (int j = 0; ; j++)
        {
            if (Math.Sqrt(TensorPrimitives.Dot<double>(_r, _r)) <= tolerance * gNorm) return (CgStop.Converged, products, Model(g, d));
            if (j == maxIterations) return (CgStop.MaxIterations, products, Model(g, d));
            a(_p, _ap);
            products++;
            double curvature = TensorPrimitives.Dot<double>(_p, _ap);
            if (!(curvature > 0.0))
            {
                if (!atZero) return (CgStop.NegativeCurvature, products, Model(g, d));
                _p.CopyTo(d);
                return (CgStop.NegativeCurvature, products, TensorPrimitives.Dot(g, d) + 0.5 * curvature);
            }

            double alpha = rz / curvature;
            TensorPrimitives.MultiplyAdd(_p, alpha, d, d);
            TensorPrimitives.MultiplyAdd(_ap, -alpha, _r, _r);
            atZero = false;
            Precondition(inversePreconditioner);
            double rzNext = TensorPrimitives.Dot<double>(_r, _z);
            TensorPrimitives.MultiplyAdd(_p, rzNext / rz, _z, _p);
            rz = rzNext;
        }
    }

    /// <summary>z = M^-1 r (z = r without a preconditioner).</summary>
    private void Precondition(ReadOnlySpan<double> inversePreconditioner)
    {
        if (inversePreconditioner.IsEmpty) _r.CopyTo(_z, 0);
        else TensorPrimitives.Multiply(_r, inversePreconditioner, _z);
    }

    private double Model(ReadOnlySpan<double> g, ReadOnlySpan<double> d) => 0.5 * (TensorPrimitives.Dot(g, d) - TensorPrimitives.Dot(_r, d));
}
