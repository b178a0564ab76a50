using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

// The model of a segment: nodes, temporaries, steps.
internal sealed partial class ReverseEmitter
{
    /// <summary>A value in a segment: a temporary, an inline constant, or an array argument.</summary>
    private sealed record Node(string Code, ScalarKind Kind, bool Active)
    {
        /// <summary>The temporary that holds the value, or null for a constant or an array.</summary>
        public Temp? Temp { get; init; }

        /// <summary>A literal constant of the source.</summary>
        public bool IsLiteral { get; init; }

        /// <summary>For an array argument, the array variable.</summary>
        public int? Array { get; init; }

        /// <summary>For a slice argument, its start and length (null: to the end); null for the whole array.</summary>
        public (Node Start, Node? Length)? Slice { get; init; }

        /// <summary>A node for the value held in <paramref name="temp"/>.</summary>
        public static Node Of(Temp temp, bool active) => new(temp.Name, temp.Kind, active) { Temp = temp };
    }

    private abstract record Step;

    /// <summary>y = op(operands): adds seed × partial to each active operand's adjoint.</summary>
    private sealed record OperationStep(Node Result, Contribution[] Operands) : Step
    {
        /// <summary>An operand whose partial is 1 (the left of <c>a + b</c> or <c>a - b</c>), or null.</summary>
        public Node? UnitOperand { get; init; }

        /// <summary>The opt-in kink counter of a nonsmooth primitive, or null.</summary>
        public KinkCountStep? KinkCount { get; init; }
    }

    /// <summary>The statement that counts an exact kink hit of an operation, and the values its test reads.</summary>
    private sealed record KinkCountStep(string Statement, Node[] Reads);

    /// <summary>What an operation adds to one operand's adjoint: seed × partial, and the values the partial reads.</summary>
    private sealed record Contribution(Node Operand, Func<string, string> Scale, Node[] Reads);

    /// <summary>temp = variable: the temp's adjoint flows into the variable's.</summary>
    private sealed record LoadStep(int Variable, Node Temp) : Step;

    /// <summary>variable = value (null: a passive value): the variable's adjoint moves to the value and is reset.</summary>
    private sealed record AssignStep(int Variable, Node? Value) : Step;

    /// <summary>A rule-backed call: its pullback maps the result's (or outputs') adjoint to the inputs'.</summary>
    /// <param name="Result">The scalar result, or null for a call writing outputs.</param>
    /// <param name="FirstWrites">Output arrays this call writes first (their adjoints need no clearing after its pullback), or null.</param>
    /// <param name="Saved">Arguments (indices) saved on the tape at the call, restored before the pullback (<see cref="UnstableArrayArguments"/>).</param>
    /// <param name="Site">The call's site: the kink counters attribute the hits the pullback counts to its line.</param>
    private sealed record RuleStep(RuleInfo Rule, Node[] Arguments, Node? Result, HashSet<int>? FirstWrites = null, int[]? Saved = null, int Site = -1) : Step;

    /// <summary>temp = array[index]: the temp's adjoint flows into the element's.</summary>
    private sealed record LoadElementStep(int Variable, Node Index, Node Temp) : Step;

    /// <summary>array[index] = value: the element's adjoint moves to the value and is reset.</summary>
    private sealed record StoreElementStep(int Variable, Node Index, Node Value) : Step;

    /// <summary>
    /// A secondary counter of a counted loop: <c>v = v + Step</c> once per iteration. Its value in the
    /// adjoint is <c>entry + iterations so far · Step</c>, plus one more Step after its own update.
    /// </summary>
    private sealed class Induction
    {
        public Induction(int variable, int step, Temp entry, Temp start, int counter, string counterName, int counterStep)
        {
            Variable = variable;
            Step = step;
            Entry = entry;
            Start = start;
            Counter = counter;
            CounterName = counterName;
            CounterStep = counterStep;
        }

        public int Variable { get; }
        public int Step { get; }

        /// <summary>The variable's value when the loop started.</summary>
        public Temp Entry { get; }

        /// <summary>The loop counter's first value.</summary>
        public Temp Start { get; }
        public int Counter { get; }
        public string CounterName { get; }
        public int CounterStep { get; }

        /// <summary>Whether the emitter has passed the variable's update in the loop body.</summary>
        public bool Stepped { get; set; }

        /// <summary>The variable's value at the current point of the current iteration, from the counter.</summary>
        public Reload ValueNow()
        {
            string iterations = CounterStep > 0 ? $"({CounterName} - {Start.Name})" : $"({Start.Name} - {CounterName})";
            string value = $"{Entry.Name} + {iterations} * {Step.ToString(CultureInfo.InvariantCulture)}";
            string code = Stepped ? $"{value} + {Step.ToString(CultureInfo.InvariantCulture)}" : value;
            return new Reload(code, new[] { Counter }, new[] { Entry, Start }, cannotThrow: true);
        }
    }

    /// <summary>A temporary: a local of the generated method holding one value of the primal sweep.</summary>
    private sealed class Temp
    {
        public Temp(ScalarKind kind, string name, Reload? reload = null)
        {
            Kind = kind;
            Name = name;
            Reload = reload;
        }

        public ScalarKind Kind { get; }
        public string Name { get; }

        /// <summary>How the adjoint sweep computes the value again instead of recording it, or null.</summary>
        public Reload? Reload { get; }

        /// <summary>Where the primal computes the value (the writer and the place after it), or null when it is an output of a call.</summary>
        public (IndentedWriter Writer, IndentedWriter.Position After)? Definition { get; set; }
    }

    /// <summary>
    /// Code that gives a temporary's value again in the adjoint sweep, from storage that still holds what
    /// the primal read, with what it reads: variables, other temporaries, and whether it can throw.
    /// </summary>
    private sealed class Reload
    {
        public Reload(string code, IEnumerable<int> variables, IEnumerable<Temp> temps, bool cannotThrow)
        {
            Code = code;
            Variables = new HashSet<int>(variables);
            Temps = temps.ToList();
            CannotThrow = cannotThrow;
        }

        public string Code { get; }

        /// <summary>The variables the code reads.</summary>
        public HashSet<int> Variables { get; }

        /// <summary>The temporaries the code reads (an element's index).</summary>
        public List<Temp> Temps { get; }

        /// <summary>Plain arithmetic (variables, literals, conversions, +, -, *): it cannot throw.</summary>
        public bool CannotThrow { get; }

        /// <summary>For an element load <c>a[i]</c>: the array; <see cref="Index"/> is i.</summary>
        public int? ElementOf { get; init; }

        /// <summary>Loads and operations the code takes, its dependencies' included (for the recompute limit).</summary>
        public int Cost { get; init; } = 1;

        public Node? Index { get; init; }
    }

    /// <summary>array = zeros: the array's adjoint is reset.</summary>
    private sealed record ClearStep(int Variable) : Step;

    /// <summary>return value: the value's adjoint starts at 1.</summary>
    private sealed record SeedStep(Node Value) : Step;

    private sealed class Segment
    {
        public Segment(int id, bool inLoop)
        {
            Id = id;
            InLoop = inLoop;
        }

        public int Id { get; }
        public bool InLoop { get; }

        /// <summary>A piece of a counted loop's body: no id of its own, replayed by the loop's adjoint.</summary>
        public bool Structured { get; init; }

        /// <summary>A segment of a fused reduction loop: reversed inside the loop, not by the adjoint sweep's dispatch.</summary>
        public bool Fused { get; set; }
        public List<Step> Steps { get; } = new();

        /// <summary>The temporaries the segment's adjoint reads (filled when it is built).</summary>
        public HashSet<Temp> AdjointReads { get; } = new();
        public List<Temp> Temps { get; } = new();
        public List<Temp> Pushed { get; } = new();
        public List<Temp> Reloaded { get; } = new();

        /// <summary>Values already loaded in this segment, with the variables they read, for reuse until one is written.</summary>
        public Dictionary<LoadKey, (Node Node, HashSet<int> Reads)> Loaded { get; } = new();
        public string Adjoint { get; set; } = "";
    }

    /// <summary>
    /// What a load reads: a passive expression, by its rendering (expressions equal but for their source
    /// sites load the same value), or an element of <paramref name="Variable"/> at an index held in
    /// <paramref name="Index"/>, or the variable itself.
    /// </summary>
    private sealed record LoadKey(string? Passive, int Variable, Node? Index);
}
