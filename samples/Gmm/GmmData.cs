using System;
using System.Globalization;
using System.IO;

namespace DiffGen.Samples.Gmm;

/// <summary>
/// One instance of the Gaussian mixture objective, as stored in ADBench's text files: dimension d,
/// K components, n points; parameters alpha (K), means (K·d), inverse-covariance factors icf
/// (K·d(d+1)/2: log-diagonal then the strict lower triangle column by column), the points, and the
/// Wishart prior (gamma, m).
/// </summary>
public sealed class GmmData
{
    public int D { get; private init; }
    public int K { get; private init; }
    public int N { get; private init; }
    public double[] Alphas { get; private init; } = Array.Empty<double>();
    public double[] Means { get; private init; } = Array.Empty<double>();
    public double[] Icf { get; private init; } = Array.Empty<double>();
    public double[] Points { get; private init; } = Array.Empty<double>();
    public double WishartGamma { get; private init; }
    public int WishartM { get; private init; }

    /// <summary>Number of differentiable parameters, K(1 + d + d(d+1)/2).</summary>
    public int ParameterCount => Alphas.Length + Means.Length + Icf.Length;

    /// <summary>Reads an ADBench GMM file; throws <see cref="InvalidDataException"/> naming the file when it is malformed.</summary>
    public static GmmData Load(string path)
    {
        string[] tokens;
        try
        {
            tokens = File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"Cannot read GMM file '{path}': {e.Message}", e);
        }
        int position = 0;
        double Next()
        {
            if (position >= tokens.Length) throw new InvalidDataException($"GMM file '{path}' ends early (after {position} numbers).");
            string token = tokens[position++];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new InvalidDataException($"GMM file '{path}': '{token}' (number {position}) is not a number.");
            return value;
        }
        int d = (int)Next(), k = (int)Next(), n = (int)Next();
        if (d < 1 || k < 1 || n < 1) throw new InvalidDataException($"GMM file '{path}': invalid sizes d={d}, K={k}, n={n}.");
        double[] Read(int count)
        {
            var values = new double[count];
            for (int i = 0; i < count; i++) values[i] = Next();
            return values;
        }
        var alphas = Read(k);
        var means = Read(k * d);
        var icf = Read(k * d * (d + 1) / 2);
        var points = Read(n * d);
        double gamma = Next();
        int m = (int)Next();
        return new GmmData { D = d, K = k, N = n, Alphas = alphas, Means = means, Icf = icf, Points = points, WishartGamma = gamma, WishartM = m };
    }
}
