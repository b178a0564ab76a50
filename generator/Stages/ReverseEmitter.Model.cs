using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

// The model of a segment: nodes, temporaries, steps.
internal sealed partial class ReverseEmitter
{
    /// <summary>A value in a segment: a temporary's name or an inline constant.</summary>
    private sealed record Node(string Code, ScalarKind Kind, bool Active)
    {
        /// <summary>For an array argument, the array variable.</summary>
        public int? Array { get; init; }

        /// <summary>For a slice argument, the code of its start and length (null: to the end); null for the whole array.</summary>
        public (string Start, string? Length)? Slice { get; init; }
    }

    private abstract record Step;

    /// <summary>y = op(operands): adds seed × partial to each active operand's adjoint.</summary>
    private sealed record OperationStep(Node Result, (Node Operand, Func<string, string> Contribution)[] Operands) : Step
    {
        /// <summary>An operand whose partial is 1 (the left of <c>a + b</c> or <c>a - b</c>), or null.</summary>
        public string? UnitOperand { get; init; }
    }

    /// <summary>temp = variable: the temp's adjoint flows into the variable's.</summary>
    private sealed record LoadStep(int Variable, Node Temp) : Step;

    /// <summary>variable = value (null: a passive value): the variable's adjoint moves to the value and is reset.</summary>
    private sealed record AssignStep(int Variable, Node? Value) : Step;

    /// <summary>A rule-backed call: its pullback maps the result's (or outputs') adjoint to the inputs'.</summary>
    /// <param name="Result">The scalar result, or null for a call writing outputs.</param>
    /// <param name="FirstWrites">Output arrays this call writes first (their adjoints need no clearing after its pullback), or null.</param>
    private sealed record RuleStep(RuleInfo Rule, Node[] Arguments, Node? Result, HashSet<int>? FirstWrites = null) : Step;

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
        public Induction(int variable, int step, string entry, string start, string counter, int counterStep)
        {
            Variable = variable;
            Step = step;
            Entry = entry;
            Start = start;
            Counter = counter;
            CounterStep = counterStep;
        }

        public int Variable { get; }
        public int Step { get; }
        public string Entry { get; }
        public string Start { get; }
        public string Counter { get; }
        public int CounterStep { get; }

        /// <summary>Whether the emitter has passed the variable's update in the loop body.</summary>
        public bool Stepped { get; set; }

        /// <summary>Code for the variable's value at the current point of the current iteration.</summary>
        public string ValueNow()
        {
            string iterations = CounterStep > 0 ? $"({Counter} - {Start})" : $"({Start} - {Counter})";
            string value = $"{Entry} + {iterations} * {Step.ToString(CultureInfo.InvariantCulture)}";
            return Stepped ? $"{value} + {Step.ToString(CultureInfo.InvariantCulture)}" : value;
        }
    }

    /// <summary>A temporary of a segment; <paramref name="Reload"/> recomputes it from never-written storage.</summary>
    private sealed record Temp(ScalarKind Kind, string Name, string? Reload, string[] Dependencies);

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
        public List<Temp> Temps { get; } = new();
        public List<Temp> Pushed { get; } = new();
        public List<Temp> Reloaded { get; } = new();

        /// <summary>Values already loaded in this segment (by code), with the variables they read, for reuse until one is written.</summary>
        public Dictionary<string, (Node Node, HashSet<int> Reads)> Loaded { get; } = new();
        public string Adjoint { get; set; } = "";
    }
}
