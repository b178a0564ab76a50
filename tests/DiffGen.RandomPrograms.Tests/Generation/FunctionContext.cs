using System;
using System.Collections.Generic;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// State shared by the statement and expression writers while one function is generated: the random
/// source, the allowed constructs, fresh names, and what the function turned out to use.
/// </summary>
public sealed class FunctionContext
{
    private int _names;

    public FunctionContext(Random random, Construct allowed, int arrayLength, IReadOnlyList<RandomFunction> callable)
    {
        Random = random;
        Allowed = allowed;
        ArrayLength = arrayLength;
        Callable = callable;
    }

    public Random Random { get; }
    public Construct Allowed { get; }
    public int ArrayLength { get; }
    /// <summary>Functions generated earlier in the batch that this one may call.</summary>
    public IReadOnlyList<RandomFunction> Callable { get; }
    public int ArrayParameters { get; set; }
    public bool HasCount { get; set; }
    public bool SpanParameters { get; set; }
    /// <summary>The function's own name and parameter counts, for a recursive call.</summary>
    public (string Name, int Scalars, bool HasData)? Self { get; set; }
    public bool Recursed { get; set; }
    /// <summary>The body is rewritten as generic math (<see cref="GenericMathDialect"/>): an integer is converted before it meets a T.</summary>
    public bool Generic { get; set; }
    /// <summary>How a call of another function of the batch is written: qualified from inside a generated type.</summary>
    public string CallPrefix { get; set; } = "";
    /// <summary>The generated type's one-scalar <c>[Differentiable]</c> helper as this function calls it (<c>H</c>, <c>this.H</c>, <c>m.H</c>), if any.</summary>
    public string? InstanceHelper { get; set; }

    /// <summary>Whether the function is an instance method of a struct.</summary>
    public bool StructInstance { get; set; }

    /// <summary>Whether a local function's body is being written (it reads only parameters it can capture).</summary>
    public bool InLocalFunction { get; set; }

    /// <summary>Local functions declared so far: name, number of double parameters, whether void (called as a statement).</summary>
    public List<(string Name, int Arity, bool IsVoid)> LocalFunctions { get; } = new();
    public bool IsSmooth { get; private set; } = true;
    public Construct Used { get; private set; }
    public SortedSet<string> Callees { get; } = new(StringComparer.Ordinal);
    public int CallDepth { get; private set; }

    public bool Allows(Construct construct) => (Allowed & construct) == construct;

    /// <summary>Records a use of <paramref name="construct"/>; <paramref name="smooth"/> false marks the function nonsmooth.</summary>
    public void Use(Construct construct, bool smooth = true)
    {
        Used |= construct;
        if (!smooth) IsSmooth = false;
    }

    /// <summary>Takes over what a member generated with its own context (a property, a helper method) used.</summary>
    public void Absorb(FunctionContext member)
    {
        Used |= member.Used;
        if (!member.IsSmooth) IsSmooth = false;
    }

    public void UseCallee(RandomFunction callee)
    {
        Use(Construct.Calls, callee.IsSmooth);
        Callees.Add(callee.Name);
        CallDepth = Math.Max(CallDepth, callee.CallDepth + 1);
        foreach (var c in callee.Callees) Callees.Add(c);
    }

    /// <summary>
    /// Names that generated code uses for its own temporaries, shadows, tangents, adjoints, seeds and
    /// tapes: a local named like one of them must not confuse the generator.
    /// </summary>
    private static readonly string[] TrickyNames =
    {
        "_t0", "_t1", "_t7", "_tape", "_total", "_t", "dx0", "dx1", "da0", "tx0", "tx1", "ta0", "x0_bar", "x1_bar", "a0_bar",
        "seed", "value", "tangent", "result", "_result", "_seed", "v0_bar", "dv0", "tv0", "_i", "_k", "_b", "_bar", "d", "t",
    };

    private readonly HashSet<string> _tricky = new(StringComparer.Ordinal);

    public string Fresh(string prefix)
    {
        if (Allows(Construct.TrickyNames) && Chance(0.15))
        {
            string name = TrickyNames[Random.Next(TrickyNames.Length)];
            if (_tricky.Add(name))
            {
                Use(Construct.TrickyNames);
                return name;
            }
        }
        return prefix + _names++;
    }

    public bool Chance(double p) => Random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>A small constant k/8 in [-2, 2], as C# text.</summary>
    public string Constant()
    {
        double value = Random.Next(-16, 17) / 8.0;
        return Literal(value);
    }

    /// <summary>A threshold for comparisons, off the k/8 grid so that saturated or stepped values never tie it.</summary>
    public string Threshold()
    {
        double value = (Random.Next(-12, 13) + 0.3) / 8.0;
        return Literal(value);
    }

    public static string Literal(double value)
    {
        string text = value.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture);
        return value < 0 ? "(" + text + ")" : text;
    }
}
