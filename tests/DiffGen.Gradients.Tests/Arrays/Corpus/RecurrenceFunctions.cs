using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Recurrences and overwritten storage: Horner's rule, a two-slot recurrence that overwrites one slot
/// per step, prefix products and prefix sums, downward loops, a tridiagonal solve, an explicit ODE
/// integrator and a small recurrent network.
/// </summary>
public static partial class RecurrenceFunctions
{
    /// <summary>Σ c_i x^i by Horner's rule, coefficients in increasing degree.</summary>
    [Differentiable]
    public static double Horner(ReadOnlySpan<double> c, double x)
    {
        double acc = 0;
        for (int i = c.Length - 1; i >= 0; i--) acc = acc * x + c[i];
        return acc;
    }

    /// <summary>Σ_j p(t_j)² for the polynomial p with coefficients c, at data points t (nested loops).</summary>
    [Differentiable]
    public static double HornerOverPoints(double[] c, [NoDerivative] double[] t)
    {
        double s = 0;
        for (int j = 0; j < t.Length; j++)
        {
            double acc = 0;
            for (int i = c.Length - 1; i >= 0; i--) acc = acc * t[j] + c[i];
            s += acc * acc;
        }
        return s;
    }

    /// <summary>
    /// Two slots, one overwritten per step from the other: slot[i % 2] = sin(slot[(i + 1) % 2]) a[i mod n]
    /// + 0.5 slot[i % 2]. The adjoint needs every overwritten value.
    /// </summary>
    [Differentiable]
    public static double TwoSlotRecurrence(double[] a, double x0, int steps)
    {
        double[] slot = new double[2];
        slot[0] = x0;
        slot[1] = 0.5 * x0;
        for (int i = 0; i < steps; i++)
        {
            slot[i % 2] = Math.Sin(slot[(i + 1) % 2]) * a[i % a.Length] + 0.5 * slot[i % 2];
        }
        return slot[0] + slot[1];
    }

    /// <summary>The product of p numbers through a prefix array: prefix[i + 1] = prefix[i] p_i.</summary>
    [Differentiable]
    public static double PrefixProduct(double[] p)
    {
        double[] prefix = new double[p.Length + 1];
        prefix[0] = 1;
        for (int i = 0; i < p.Length; i++) prefix[i + 1] = prefix[i] * p[i];
        return prefix[p.Length];
    }

    /// <summary>Σ_i s_i² with prefix sums s_i = x_0 + ... + x_i stored in a local array.</summary>
    [Differentiable]
    public static double PrefixSumSquares(double[] x)
    {
        double[] s = new double[x.Length];
        s[0] = x[0];
        for (int i = 1; i < x.Length; i++) s[i] = s[i - 1] + x[i];
        double total = 0;
        for (int i = 0; i < s.Length; i++) total += s[i] * s[i];
        return total;
    }

    /// <summary>Σ_i m_i x_i with m_i the running maximum of x_0..x_i (a branch per element).</summary>
    [Differentiable]
    public static double RunningMaxProducts(double[] x)
    {
        double m = x[0];
        double acc = m * x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > m)
            {
                m = x[i];
            }
            acc += m * x[i];
        }
        return acc;
    }

    /// <summary>The discounted return G_0 with G_i = r_i + γ G_{i+1}, by a downward loop.</summary>
    [Differentiable]
    public static double DiscountedReturn(double[] r, double gamma)
    {
        double g = 0;
        for (int i = r.Length - 1; i >= 0; i--) g = r[i] + gamma * g;
        return g;
    }

    /// <summary>Σ_i G_i² with the returns-to-go G_i stored by a downward loop into a local array.</summary>
    [Differentiable]
    public static double ReturnsToGoSquares(double[] r, double gamma)
    {
        int n = r.Length;
        double[] g = new double[n];
        g[n - 1] = r[n - 1];
        for (int i = n - 2; i >= 0; i--) g[i] = r[i] + gamma * g[i + 1];
        double s = 0;
        for (int i = n - 1; i >= 0; i--) s += g[i] * g[i];
        return s;
    }

    /// <summary>
    /// Σ_i (i + 1) u_i for the solution u of the tridiagonal system (lower, diag, upper) u = rhs, by
    /// the Thomas algorithm: forward sweep into local arrays, then a downward back substitution.
    /// lower[0] and upper[n-1] are unused.
    /// </summary>
    [Differentiable]
    public static double TridiagonalSolveWeighted(double[] lower, double[] diag, double[] upper, double[] rhs)
    {
        int n = diag.Length;
        double[] cp = new double[n];
        double[] dp = new double[n];
        double[] u = new double[n];
        cp[0] = upper[0] / diag[0];
        dp[0] = rhs[0] / diag[0];
        for (int i = 1; i < n; i++)
        {
            double denominator = diag[i] - lower[i] * cp[i - 1];
            cp[i] = i < n - 1 ? upper[i] / denominator : 0.0;
            dp[i] = (rhs[i] - lower[i] * dp[i - 1]) / denominator;
        }
        u[n - 1] = dp[n - 1];
        for (int i = n - 2; i >= 0; i--) u[i] = dp[i] - cp[i] * u[i + 1];
        double s = 0;
        for (int i = 0; i < n; i++) s += (i + 1) * u[i];
        return s;
    }

    /// <summary>
    /// Symplectic Euler for a chain of coupled oscillators (state = positions then velocities), with
    /// compound assignments to elements of a local copy; returns the final energy.
    /// </summary>
    [Differentiable]
    public static double OscillatorChainEnergy(double[] state0, double stiffness, int steps)
    {
        int m = state0.Length / 2;
        double[] q = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++)
        {
            q[i] = state0[i];
            v[i] = state0[m + i];
        }
        double dt = 0.05;
        for (int step = 0; step < steps; step++)
        {
            for (int i = 0; i < m; i++)
            {
                double force = -stiffness * q[i];
                if (i > 0) force += stiffness * (q[i - 1] - q[i]);
                if (i < m - 1) force += stiffness * (q[i + 1] - q[i]);
                v[i] += dt * force;
            }
            for (int i = 0; i < m; i++) q[i] += dt * v[i];
        }
        double energy = 0;
        for (int i = 0; i < m; i++) energy += 0.5 * v[i] * v[i] + 0.5 * stiffness * q[i] * q[i];
        return energy;
    }

    /// <summary>
    /// A recurrent cell h_{t+1} = tanh(W h_t + u x_t + b) over data inputs x, with two local state
    /// buffers copied each step; returns Σ h_T.
    /// </summary>
    [Differentiable]
    public static double RecurrentFinalState(double[] w, double[] u, double[] b, [NoDerivative] double[] inputs)
    {
        int hidden = b.Length;
        double[] h = new double[hidden];
        double[] next = new double[hidden];
        for (int t = 0; t < inputs.Length; t++)
        {
            for (int r = 0; r < hidden; r++)
            {
                double z = b[r] + u[r] * inputs[t];
                for (int c = 0; c < hidden; c++) z += w[r * hidden + c] * h[c];
                next[r] = Math.Tanh(z);
            }
            for (int r = 0; r < hidden; r++) h[r] = next[r];
        }
        double s = 0;
        for (int r = 0; r < hidden; r++) s += h[r];
        return s;
    }
}
