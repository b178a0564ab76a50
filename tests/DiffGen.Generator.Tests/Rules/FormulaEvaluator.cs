using System;
using System.Linq;
using System.Reflection;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;

namespace DiffGen.Generator.Tests.Rules;

/// <summary>
/// Evaluates registry formulas in double precision at one point, independently of the C# renderer:
/// Math functions and the runtime's NonsmoothRules are called by reflection.
/// </summary>
internal sealed class FormulaEvaluator
{
    private readonly double[] _arguments;
    private readonly double _result;
    private readonly double[]? _tangents;
    private readonly NonsmoothSettings _settings;
    private readonly object[] _data;

    /// <summary>An evaluator at <paramref name="arguments"/> (the differentiable ones), then <paramref name="data"/>
    /// (the data arguments after them: RootN's and ScaleB's integer n); <paramref name="result"/> is the
    /// primitive's value there, <paramref name="tangents"/> a direction, <paramref name="settings"/> the kink settings.</summary>
    public FormulaEvaluator(double[] arguments, double result, double[]? tangents = null, NonsmoothSettings? settings = null, object[]? data = null)
    {
        _arguments = arguments;
        _result = result;
        _tangents = tangents;
        _settings = settings ?? NonsmoothSettings.Default;
        _data = data ?? Array.Empty<object>();
    }

    public double Number(Formula formula) => Convert.ToDouble(Value(formula));

    private object Value(Formula formula) => formula switch
    {
        ArgumentFormula a => a.Index < _arguments.Length ? _arguments[a.Index] : _data[a.Index - _arguments.Length],
        ResultFormula => _result,
        TangentFormula t => _tangents![t.Index],
        ConstantFormula c => c.Value,
        IntegerFormula i => i.Value,
        SettingFormula { Setting: KinkSetting.ClampPassesAtBound } => _settings.ClampPassesAtBound,
        SettingFormula s => s.Setting.ValueIn(_settings),
        NegateFormula n => -Number(n.Operand),
        BinaryFormula { Op: FormulaOp.Add } b => Number(b.Left) + Number(b.Right),
        BinaryFormula { Op: FormulaOp.Subtract } b => Number(b.Left) - Number(b.Right),
        BinaryFormula { Op: FormulaOp.Multiply } b => Number(b.Left) * Number(b.Right),
        BinaryFormula { Op: FormulaOp.Divide } b => Number(b.Left) / Number(b.Right),
        BinaryFormula { Op: FormulaOp.Equal } b => Number(b.Left) == Number(b.Right),
        BinaryFormula { Op: FormulaOp.GreaterOrEqual } b => Number(b.Left) >= Number(b.Right),
        BinaryFormula { Op: FormulaOp.Or } b => (bool)Value(b.Left) || (bool)Value(b.Right),
        BinaryFormula { Op: FormulaOp.And } b => (bool)Value(b.Left) && (bool)Value(b.Right),
        ConditionalFormula c => (bool)Value(c.Condition) ? Value(c.WhenTrue) : Value(c.WhenFalse),
        MathFormula m => Call(typeof(Math), m.Function, m.Arguments.Select(Value).ToArray()),
        NonsmoothHelperFormula h => Call(typeof(NonsmoothRules), h.Function, h.Arguments.Select(Value).ToArray()),
        _ => throw new InvalidOperationException(formula.GetType().Name),
    };

    /// <summary>Calls the overload of <paramref name="type"/>.<paramref name="name"/> whose floating parameters are double.</summary>
    public static object Call(Type type, string name, object[] arguments)
    {
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetParameters().Length == arguments.Length
                         && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(arguments.Select(a => a.GetType())));
        return method.Invoke(null, arguments)!;
    }
}
