using System;
using System.Globalization;

namespace DiffGen.Optimizers;

/// <summary>The range checks shared by all optimizers, worded as torch.optim words them
/// (the message is a tested contract). The exception's parameter name is the options property.</summary>
public static class OptimizerValidation
{
    /// <summary>Formats a value the way Python's <c>repr</c> prints a float, so messages read as torch's do:
    /// shortest round trip, "-1.0" for integral values, "1e-08" exponents, "nan" and "inf".</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == Math.Floor(value) && Math.Abs(value) < 1e16) return value.ToString("F1", CultureInfo.InvariantCulture);
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E', StringComparison.Ordinal) || Math.Abs(value) < 1e16) return r.Replace('E', 'e');

        // Python switches to an exponent from 1e16 on; .NET prints such integers in full: move the point.
        string sign = value < 0 ? "-" : "";
        string digits = r.TrimStart('-');
        int exponent = digits.Length - 1;
        string significant = digits.TrimEnd('0');
        string mantissa = significant.Length > 1 ? significant[0] + "." + significant[1..] : significant;
        return $"{sign}{mantissa}e+{exponent:00}";
    }

    /// <summary>Throws unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The requirement.</param>
    /// <param name="paramName">Options property at fault.</param>
    /// <param name="message">torch's wording.</param>
    public static void Require(bool condition, string paramName, string message)
    {
        if (!condition) throw new ArgumentOutOfRangeException(paramName, message);
    }

    /// <summary>lr &gt;= 0 ("Invalid learning rate: v"). NaN is rejected.</summary>
    /// <param name="lr">The value.</param>
    /// <param name="paramName">Options property.</param>
    public static void LearningRate(double lr, string paramName = "Lr") =>
        Require(lr >= 0.0, paramName, $"Invalid learning rate: {Format(lr)}");

    /// <summary>eps &gt; 0 ("Invalid epsilon value: v"); torch accepts 0, DiffGen does not (issue 4: eps &lt;= 0 is invalid).</summary>
    /// <param name="eps">The value.</param>
    /// <param name="paramName">Options property.</param>
    public static void Epsilon(double eps, string paramName = "Eps") =>
        Require(eps > 0.0, paramName, $"Invalid epsilon value: {Format(eps)}");

    /// <summary>0 &lt;= beta &lt; 1 ("Invalid beta parameter at index i: v").</summary>
    /// <param name="betas">The pair.</param>
    /// <param name="paramName">Options property.</param>
    public static void Betas((double Beta1, double Beta2) betas, string paramName = "Betas")
    {
        Require(betas.Beta1 >= 0.0 && betas.Beta1 < 1.0, paramName, $"Invalid beta parameter at index 0: {Format(betas.Beta1)}");
        Require(betas.Beta2 >= 0.0 && betas.Beta2 < 1.0, paramName, $"Invalid beta parameter at index 1: {Format(betas.Beta2)}");
    }

    /// <summary>weight_decay &gt;= 0 ("Invalid weight_decay value: v").</summary>
    /// <param name="weightDecay">The value.</param>
    /// <param name="paramName">Options property.</param>
    public static void WeightDecay(double weightDecay, string paramName = "WeightDecay") =>
        Require(weightDecay >= 0.0, paramName, $"Invalid weight_decay value: {Format(weightDecay)}");

    /// <summary>momentum &gt;= 0 ("Invalid momentum value: v").</summary>
    /// <param name="momentum">The value.</param>
    /// <param name="paramName">Options property.</param>
    public static void Momentum(double momentum, string paramName = "Momentum") =>
        Require(momentum >= 0.0, paramName, $"Invalid momentum value: {Format(momentum)}");
}
