using System.Globalization;
using System.Linq;
using DiffGen.RandomPrograms.Tests.Harness;

namespace DiffGen.RandomPrograms.Tests.Checks;

/// <summary>One disagreement (or exception) of a random function at one point.</summary>
public sealed record CheckFailure(string FunctionName, string Kind, string Details, double[]? Point, int Count, double[]? Direction)
{
    public string Describe()
    {
        string F(double[]? values) => values is null ? "-" : "{ " + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + " }";
        return $"{FunctionName}: {Kind}: {Details}\n  p = {F(Point)}, n = {Count}, u = {F(Direction)}";
    }

    public static CheckFailure Compile(CompileFailure failure)
        => new(failure.Function.Name, "does not compile", failure.Diagnostics, null, 0, null);
}
