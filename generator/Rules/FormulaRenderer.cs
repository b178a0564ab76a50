using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Rules;

/// <summary>
/// Writes a <see cref="Formula"/> as C# in the precision of the call, with the values it reads bound to
/// the names (or constants) the emitting stage holds them in. A composite formula comes out in
/// parentheses, so it can stand as a factor; inside it, parentheses only where precedence needs them.
/// </summary>
public sealed class FormulaRenderer
{
    private readonly ScalarKind _kind;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string? _result;
    private readonly IReadOnlyList<string>? _tangents;
    private readonly NonsmoothSettings _settings;
    private readonly ScalarSpelling _spelling;

    /// <param name="arguments">The differentiable arguments' values.</param>
    /// <param name="result">The primitive's result, or null where the formula must not read it.</param>
    /// <param name="tangents">The arguments' tangents (directional rules), or null.</param>
    /// <param name="spelling">The types and function classes to render with (null: the method's own).</param>
    public FormulaRenderer(ScalarKind kind, IReadOnlyList<string> arguments, string? result, IReadOnlyList<string>? tangents, NonsmoothSettings settings, ScalarSpelling? spelling = null)
    {
        _spelling = spelling ?? ScalarSpelling.Primal;
        _kind = kind;
        _arguments = arguments;
        _result = result;
        _tangents = tangents;
        _settings = settings;
    }

    /// <summary><paramref name="formula"/> as a self-contained C# expression (a factor of a product).</summary>
    public string Render(Formula formula) => Write(formula, formula is BinaryFormula or NegateFormula or ConditionalFormula ? int.MaxValue : 0);

    /// <summary><paramref name="formula"/> without outer parentheses, for a right-hand side.</summary>
    public string RenderStatement(Formula formula) => Write(formula, 0);

    /// <summary>
    /// <paramref name="seed"/> times <paramref name="partial"/>: the seed itself for a partial of 1, its
    /// negation for -1, otherwise the product.
    /// </summary>
    public string Times(string seed, Formula partial) => partial switch
    {
        ConstantFormula { Value: 1 } => seed,
        ConstantFormula { Value: -1 } => "(-" + seed + ")",
        _ => seed + " * " + Render(partial),
    };

    private string Write(Formula formula, int context)
    {
        int precedence = Precedence(formula);
        string text = formula switch
        {
            ArgumentFormula a => _arguments[a.Index],
            ResultFormula => _result ?? throw new InvalidOperationException("This formula may not read the result."),
            TangentFormula t => (_tangents ?? throw new InvalidOperationException("Tangents are not bound."))[t.Index],
            ConstantFormula c => _kind.Literal(c.Value),
            IntegerFormula i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SettingFormula { Setting: KinkSetting.ClampPassesAtBound } => _settings.ClampPassesAtBound ? "true" : "false",
            SettingFormula s => _kind.Literal(s.Setting.ValueIn(_settings)),
            NegateFormula n => "-" + Write(n.Operand, precedence),
            BinaryFormula b => Write(b.Left, precedence - 1) + " " + Token(b.Op) + " " + Write(b.Right, precedence),
            ConditionalFormula c => Write(c.Condition, precedence) + " ? " + Write(c.WhenTrue, precedence) + " : " + Write(c.WhenFalse, precedence),
            MathFormula m => _spelling.MathClass(_kind) + "." + m.Function + "(" + Arguments(m.Arguments) + ")",
            NonsmoothHelperFormula h => _spelling.NonsmoothRules + "." + h.Function + "(" + Arguments(h.Arguments) + ")",
            _ => throw new InvalidOperationException("Unknown formula " + formula.GetType().Name),
        };
        // A child binds as tightly as its context requires, or gets parentheses; operands on the right
        // of an operator of equal precedence keep theirs, so the evaluation order is the formula's.
        return precedence <= context ? "(" + text + ")" : text;
    }

    private string Arguments(Formula[] arguments) => string.Join(", ", arguments.Select(a => Write(a, 0)));

    private static int Precedence(Formula formula) => formula switch
    {
        ConditionalFormula => 1,
        BinaryFormula { Op: FormulaOp.Or } => 2,
        BinaryFormula { Op: FormulaOp.And } => 3,
        BinaryFormula { Op: FormulaOp.Equal } => 4,
        BinaryFormula { Op: FormulaOp.GreaterOrEqual } => 5,
        BinaryFormula { Op: FormulaOp.Add or FormulaOp.Subtract } => 6,
        BinaryFormula => 7,
        NegateFormula => 8,
        _ => int.MaxValue,
    };

    private static string Token(FormulaOp op) => op switch
    {
        FormulaOp.Add => "+",
        FormulaOp.Subtract => "-",
        FormulaOp.Multiply => "*",
        FormulaOp.Divide => "/",
        FormulaOp.Equal => "==",
        FormulaOp.GreaterOrEqual => ">=",
        FormulaOp.Or => "||",
        _ => "&&",
    };
}
