using System;
using System.Globalization;
using System.Linq;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>The command line: <c>[--classes A,B] [--lambda X] [--passes N] [--full-table] [--newton] [--plot FILE]</c>.</summary>
/// <param name="Positive">Label of the y = +1 class.</param>
/// <param name="Negative">Label of the y = -1 class.</param>
/// <param name="Lambda">L2 strength.</param>
/// <param name="Passes">Effective passes over the data per method.</param>
/// <param name="FullTable">Use the per-sample gradient with full gradient tables instead of the linear model's scalars.</param>
/// <param name="PlotPath">PNG to write.</param>
/// <param name="SecondOrder">Compare Newton-CG with L-BFGS and Adam (gradient norm per pass) instead of the finite-sum methods.</param>
public sealed record Options(int Positive, int Negative, double Lambda, int Passes, bool FullTable, string PlotPath, bool SecondOrder = false)
{
    /// <summary>The usage line.</summary>
    public const string Usage = "options: --classes A,B (class names or labels 0-9, default pullover,coat), --lambda X (> 0, default 1e-3), " +
                                "--passes N (1-1000, default 30, 300 with --newton), --full-table, --newton (Newton-CG against L-BFGS and Adam), " +
                                "--plot FILE (default finite-sums.png, newton-cg.png with --newton)";

    /// <summary>Parses the arguments; on bad input returns null and a one-line error.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="classNames">Class names by label.</param>
    /// <returns>The options, or null and the error.</returns>
    public static (Options? Options, string? Error) Parse(string[] args, string[] classNames)
    {
        var o = new Options(2, 4, 1e-3, 30, false, "finite-sums.png");
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--classes" when value is not null:
                    string[] parts = value.Split(',');
                    if (parts.Length != 2 || ClassOf(parts[0], classNames) is not { } a || ClassOf(parts[1], classNames) is not { } b || a == b)
                        return (null, $"--classes needs two different classes, names or labels 0-9 separated by a comma (got '{value}')");
                    o = o with { Positive = a, Negative = b };
                    i++;
                    break;
                case "--lambda" when value is not null:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double lambda) || !(lambda > 0) || !double.IsFinite(lambda))
                        return (null, $"--lambda needs a positive number (got '{value}')");
                    o = o with { Lambda = lambda };
                    i++;
                    break;
                case "--passes" when value is not null:
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int passes) || passes < 1 || passes > 1000)
                        return (null, $"--passes needs an integer from 1 to 1000 (got '{value}')");
                    o = o with { Passes = passes };
                    i++;
                    break;
                case "--plot" when value is not null:
                    o = o with { PlotPath = value };
                    i++;
                    break;
                case "--full-table":
                    o = o with { FullTable = true };
                    break;
                case "--newton":
                    o = o with { SecondOrder = true };
                    break;
                default:
                    return (null, $"unexpected argument '{args[i]}'. {Usage}");
            }
        }

        if (o.SecondOrder && !args.Contains("--plot")) o = o with { PlotPath = "newton-cg.png" };
        if (o.SecondOrder && !args.Contains("--passes")) o = o with { Passes = 300 };
        return (o, null);
    }

    private static int? ClassOf(string text, string[] classNames)
    {
        string t = text.Trim();
        if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label)) return label >= 0 && label < classNames.Length ? label : null;
        int index = Array.FindIndex(classNames, n => string.Equals(n, t, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : null;
    }
}
