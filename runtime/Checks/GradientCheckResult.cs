using System;
using System.Globalization;
using System.Text;

namespace DiffGen;

/// <summary>
/// The outcome of a gradient check at one point: the reverse-mode gradient, the forward-mode
/// derivative along each coordinate and central finite differences, with their largest disagreements.
/// </summary>
public sealed class GradientCheckResult
{
    /// <summary>Creates a result and computes the error summaries.</summary>
    public GradientCheckResult(string method, string[] parameterNames, double value,
                               double[] reverse, double[] forward, double[] finiteDifference)
    {
        if (parameterNames.Length != reverse.Length || reverse.Length != forward.Length || forward.Length != finiteDifference.Length)
            throw new ArgumentException("Every gradient must have one entry per differentiable parameter.");
        Method = method;
        ParameterNames = parameterNames;
        Value = value;
        Reverse = reverse;
        Forward = forward;
        FiniteDifference = finiteDifference;
        for (int i = 0; i < reverse.Length; i++)
        {
            double fdError = Math.Abs(reverse[i] - finiteDifference[i]);
            MaxAbsoluteError = Math.Max(MaxAbsoluteError, fdError);
            MaxRelativeError = Math.Max(MaxRelativeError, Relative(fdError, reverse[i], finiteDifference[i]));
            double modeError = Math.Abs(reverse[i] - forward[i]);
            MaxForwardReverseAbsoluteError = Math.Max(MaxForwardReverseAbsoluteError, modeError);
            MaxForwardReverseRelativeError = Math.Max(MaxForwardReverseRelativeError, Relative(modeError, reverse[i], forward[i]));
            if (!double.IsFinite(reverse[i]) || !double.IsFinite(forward[i]) || !double.IsFinite(finiteDifference[i]))
                HasNonFinite = true;
        }
    }

    /// <summary>The checked method, with its containing type.</summary>
    public string Method { get; }

    /// <summary>Names of the differentiable parameters, in order.</summary>
    public string[] ParameterNames { get; }

    /// <summary>The method's value at the point.</summary>
    public double Value { get; }

    /// <summary>Reverse-mode gradient (<c>{M}Gradient</c>).</summary>
    public double[] Reverse { get; }

    /// <summary>Forward-mode derivative along each coordinate (<c>{M}Tangent</c>).</summary>
    public double[] Forward { get; }

    /// <summary>Central finite differences, evaluated in the method's precision.</summary>
    public double[] FiniteDifference { get; }

    /// <summary>Largest |reverse - finite difference|.</summary>
    public double MaxAbsoluteError { get; }

    /// <summary>Largest |reverse - finite difference| / max(|reverse|, |finite difference|) (0 when both are 0).</summary>
    public double MaxRelativeError { get; }

    /// <summary>Largest |reverse - forward|.</summary>
    public double MaxForwardReverseAbsoluteError { get; }

    /// <summary>Largest relative disagreement between reverse and forward mode.</summary>
    public double MaxForwardReverseRelativeError { get; }

    /// <summary>Whether any derivative is NaN or infinite.</summary>
    public bool HasNonFinite { get; }

    /// <summary>
    /// True when every coordinate agrees with finite differences and between modes within
    /// <paramref name="relativeTolerance"/> relative or <paramref name="absoluteTolerance"/> absolute.
    /// </summary>
    public bool Passed(double relativeTolerance = 1e-6, double absoluteTolerance = 1e-8)
    {
        if (HasNonFinite) return false;
        for (int i = 0; i < Reverse.Length; i++)
        {
            if (!Close(Reverse[i], FiniteDifference[i], relativeTolerance, absoluteTolerance)) return false;
            if (!Close(Reverse[i], Forward[i], relativeTolerance, absoluteTolerance)) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(": value ").Append(Value.ToString("R", CultureInfo.InvariantCulture)).AppendLine();
        for (int i = 0; i < Reverse.Length; i++)
        {
            text.Append("  d/d").Append(ParameterNames[i])
                .Append(": reverse ").Append(Reverse[i].ToString("R", CultureInfo.InvariantCulture))
                .Append(", forward ").Append(Forward[i].ToString("R", CultureInfo.InvariantCulture))
                .Append(", finite difference ").Append(FiniteDifference[i].ToString("R", CultureInfo.InvariantCulture))
                .AppendLine();
        }
        return text.ToString();
    }

    private static bool Close(double a, double b, double relativeTolerance, double absoluteTolerance)
    {
        double error = Math.Abs(a - b);
        return error <= absoluteTolerance || error <= relativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    private static double Relative(double error, double a, double b)
    {
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0 ? 0 : error / scale;
    }
}
