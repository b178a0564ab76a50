using System;
using System.Globalization;

namespace DiffGen.Optimizers;

/// <summary>The range checks shared by all optimizers, worded as torch.optim words them
/// (the message is a tested contract). The exception's parameter name is the options property.</summary>
public static class OptimizerValidation
{
    /// <summary>Formats a value the way Python's <c>repr</c> prints a float (shortest round trip).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

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
