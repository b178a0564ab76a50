using System;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>The smallest eigenpair of a small dense symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
/// Algorithm 8.5.3): Lanczos' tridiagonal matrices have a few tens of rows, where Jacobi is simple and accurate.</summary>
internal static class SymmetricEigen
{
    public static (double Value, double[] Vector) Smallest(double[,] matrix)
    {
        int k = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[k, k];
        for (int i = 0; i < k; i++) v[i, i] = 1.0;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0.0, total = 0.0;
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                {
                    total += a[i, j] * a[i, j];
                    if (i != j) off += a[i, j] * a[i, j];
                }

            if (off <= 1e-30 * total) break;
            for (int p = 0; p < k - 1; p++)
                for (int q = p + 1; q < k; q++)
                {
                    if (a[p, q] == 0.0) continue;
                    double theta = (a[q, q] - a[p, p]) / (2.0 * a[p, q]);
                    double t = Math.Sign(theta == 0.0 ? 1.0 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1.0));
                    double c = 1.0 / Math.Sqrt(t * t + 1.0), s = t * c;
                    for (int i = 0; i < k; i++)
                    {
                        double aip = a[i, p], aiq = a[i, q];
                        a[i, p] = c * aip - s * aiq;
                        a[i, q] = s * aip + c * aiq;
                    }

                    for (int i = 0; i < k; i++)
                    {
                        double api = a[p, i], aqi = a[q, i];
                        a[p, i] = c * api - s * aqi;
                        a[q, i] = s * api + c * aqi;
                    }

                    for (int i = 0; i < k; i++)
                    {
                        double vip = v[i, p], viq = v[i, q];
                        v[i, p] = c * vip - s * viq;
                        v[i, q] = s * vip + c * viq;
                    }
                }
        }

        int min = 0;
        for (int i = 1; i < k; i++) if (a[i, i] < a[min, min]) min = i;
        var vector = new double[k];
        for (int i = 0; i < k; i++) vector[i] = v[i, min];
        return (a[min, min], vector);
    }
}
