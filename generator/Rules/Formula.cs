namespace DiffGen.Generator.Rules;

/// <summary>
/// A derivative formula of a registered primitive: a small typed expression over the primitive's
/// arguments, its result, the tangents of its arguments (directional rules) and the assembly's kink
/// settings. Rules are data, not C# text, so a stage can ask what a partial reads (an argument, the
/// result) and the renderer writes it in the precision of the call.
/// </summary>
public abstract record Formula
{
    /// <summary>The constant 1 (a partial of 1 passes the seed through unscaled).</summary>
    public static Formula One { get; } = new ConstantFormula(1);

    /// <summary>The constant -1.</summary>
    public static Formula MinusOne { get; } = new ConstantFormula(-1);

    public static Formula operator +(Formula left, Formula right) => new BinaryFormula(FormulaOp.Add, left, right);
    public static Formula operator -(Formula left, Formula right) => new BinaryFormula(FormulaOp.Subtract, left, right);
    public static Formula operator *(Formula left, Formula right) => new BinaryFormula(FormulaOp.Multiply, left, right);
    public static Formula operator /(Formula left, Formula right) => new BinaryFormula(FormulaOp.Divide, left, right);
    public static Formula operator -(Formula operand) => new NegateFormula(operand);
    public static implicit operator Formula(double value) => new ConstantFormula(value);
}

/// <summary>The value of differentiable argument <paramref name="Index"/>.</summary>
public sealed record ArgumentFormula(int Index) : Formula;

/// <summary>The primitive's result (its value at the arguments).</summary>
public sealed record ResultFormula : Formula;

/// <summary>The tangent of differentiable argument <paramref name="Index"/> (directional rules only).</summary>
public sealed record TangentFormula(int Index) : Formula;

/// <summary>A floating constant, written in the precision of the call.</summary>
public sealed record ConstantFormula(double Value) : Formula;

/// <summary>An <c>int</c> constant (compared with the integer codes of runtime helpers).</summary>
public sealed record IntegerFormula(int Value) : Formula;

/// <summary>A number the assembly chooses with <c>[assembly: NonsmoothDerivatives]</c>.</summary>
public sealed record SettingFormula(KinkSetting Setting) : Formula;

/// <summary>The operators of formulas, comparisons, conjunction and disjunction included.</summary>
public enum FormulaOp { Add, Subtract, Multiply, Divide, Equal, GreaterOrEqual, And, Or }

public sealed record BinaryFormula(FormulaOp Op, Formula Left, Formula Right) : Formula;

public sealed record NegateFormula(Formula Operand) : Formula;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
public sealed record ConditionalFormula(Formula Condition, Formula WhenTrue, Formula WhenFalse) : Formula;

/// <summary>A function of <c>Math</c> (or <c>MathF</c> in float code).</summary>
public sealed record MathFormula(string Function, Formula[] Arguments) : Formula;

/// <summary>A helper of the runtime's <c>DiffGen.NonsmoothRules</c> (kink partials and directional derivatives).</summary>
public sealed record NonsmoothHelperFormula(string Function, Formula[] Arguments) : Formula;
