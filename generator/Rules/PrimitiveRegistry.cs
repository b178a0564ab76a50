using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Rules;

/// <summary>
/// The registry of scalar primitives: one <see cref="PrimitiveRule"/> per primitive, the only place a
/// derivative rule is written. The arithmetic operators are entries too, so every operation the AD
/// transforms meet is looked up the same way.
/// </summary>
public static class PrimitiveRegistry
{
    private static readonly Formula A0 = new ArgumentFormula(0), A1 = new ArgumentFormula(1), A2 = new ArgumentFormula(2);
    private static readonly Formula T0 = new TangentFormula(0), T1 = new TangentFormula(1), T2 = new TangentFormula(2);
    private static readonly Formula Y = new ResultFormula();
    private static readonly Formula Zero = new ConstantFormula(0);

    private static Formula M(string function, params Formula[] arguments) => new MathFormula(function, arguments);
    private static Formula N(string function, params Formula[] arguments) => new NonsmoothHelperFormula(function, arguments);
    private static Formula Setting(KinkSetting setting) => new SettingFormula(setting);
    private static Formula If(Formula condition, Formula whenTrue, Formula whenFalse) => new ConditionalFormula(condition, whenTrue, whenFalse);
    private static Formula Eq(Formula left, Formula right) => new BinaryFormula(FormulaOp.Equal, left, right);
    private static Formula Ge(Formula left, Formula right) => new BinaryFormula(FormulaOp.GreaterOrEqual, left, right);
    private static Formula And(Formula left, Formula right) => new BinaryFormula(FormulaOp.And, left, right);
    private static Formula Or(Formula left, Formula right) => new BinaryFormula(FormulaOp.Or, left, right);

    /// <summary>The method of <c>Math</c>/<c>MathF</c> and its twin of <c>double</c>/<c>float</c> (<c>double.Sin</c> is <c>Math.Sin</c>).</summary>
    private static MethodSource[] Math(string method, int? parameters = null)
        => new[] { new MethodSource(MethodLibrary.Math, method, parameters), new MethodSource(MethodLibrary.FloatingPoint, method, parameters) };

    /// <summary>A generic-math static of <c>double</c>/<c>float</c> that <c>Math</c> lacks (<c>double.ExpM1</c>).</summary>
    private static MethodSource[] FloatingPoint(string method) => new[] { new MethodSource(MethodLibrary.FloatingPoint, method) };

    private static PrimitiveRule Smooth(string name, params Formula[] partials) => new(name, Math(name), partials.Length, partials);
    private static PrimitiveRule SmoothFloatingPoint(string name, params Formula[] partials) => new(name, FloatingPoint(name), partials.Length, partials);
    private static readonly double Ln2 = System.Math.Log(2), Ln10 = System.Math.Log(10), Pi = System.Math.PI;
    private static PrimitiveRule Operator(string name, params Formula[] partials) => new(name, Array.Empty<MethodSource>(), partials.Length, partials);
    private static PrimitiveRule PiecewiseConstant(string name) => new(name, Math(name), 1, Array.Empty<Formula>(), ZeroDerivative: true);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Every primitive, operators first.</summary>
    public static IReadOnlyList<PrimitiveRule> All { get; } = new[]
    {
        // Operators: y = a op b.
        Operator("Add", Formula.One, Formula.One),
        Operator("Subtract", Formula.One, Formula.MinusOne),
        Operator("Multiply", A1, A0),
        Operator("Divide", 1.0 / A1, -Y / A1),

        Smooth("Sin", M("Cos", A0)),
        Smooth("Cos", -M("Sin", A0)),
        Smooth("Tan", 1.0 + Y * Y),
        Smooth("Asin", 1.0 / M("Sqrt", 1.0 - A0 * A0)),
        Smooth("Acos", -1.0 / M("Sqrt", 1.0 - A0 * A0)),
        Smooth("Atan", 1.0 / (1.0 + A0 * A0)),
        // Atan2(y, x): ∂/∂y = x / (x² + y²), ∂/∂x = -y / (x² + y²).
        Smooth("Atan2", A1 / (A0 * A0 + A1 * A1), -A0 / (A0 * A0 + A1 * A1)),
        Smooth("Sinh", M("Cosh", A0)),
        Smooth("Cosh", M("Sinh", A0)),
        Smooth("Tanh", 1.0 - Y * Y),
        Smooth("Exp", Y),
        new("Log", Math("Log", 1), 1, new[] { 1.0 / A0 }),
        // log_b(a) = ln a / ln b.
        new("LogBase", Math("Log", 2), 2, new[] { 1.0 / (A0 * M("Log", A1)), -Y / (A1 * M("Log", A1)) }),
        Smooth("Log2", 1.0 / (A0 * System.Math.Log(2))),
        Smooth("Log10", 1.0 / (A0 * System.Math.Log(10))),
        Smooth("Sqrt", 0.5 / Y),
        Smooth("Cbrt", 1.0 / (3.0 * Y * Y)),
        // PyTorch's pow: the base partial is 0 when the exponent is 0, the exponent partial is 0 when the
        // base is 0 and the exponent non-negative (instead of 0 * log 0 = NaN).
        Smooth("Pow",
            If(Eq(A1, Zero), Zero, A1 * M("Pow", A0, A1 - 1.0)),
            If(And(Eq(A0, Zero), Ge(A1, Zero)), Zero, Y * M("Log", A0))),
        Smooth("FusedMultiplyAdd", A1, A0, Formula.One),
        Smooth("Asinh", 1.0 / M("Sqrt", A0 * A0 + 1.0)),
        Smooth("Acosh", 1.0 / M("Sqrt", A0 * A0 - 1.0)),
        Smooth("Atanh", 1.0 / (1.0 - A0 * A0)),
        // hypot(x, y) = sqrt(x² + y²): at the origin, where it has a cone, the partials are 0 (a subgradient).
        SmoothFloatingPoint("Hypot", If(Eq(Y, Zero), Zero, A0 / Y), If(Eq(Y, Zero), Zero, A1 / Y)) with { KinkHit = And(Eq(A0, Zero), Eq(A1, Zero)) },
        // ScaleB(x, n) = x·2ⁿ, linear in x; n (an int) is data.
        new("ScaleB", Math("ScaleB"), 1, new[] { M("ScaleB", 1.0, A1) }),
        // RootN(x, n) = x^(1/n); n (an int) is data. At x = 0 (n ≥ 2) the tangent is vertical: +∞, as sqrt'(0).
        new("RootN", FloatingPoint("RootN"), 1, new[] { N("RootNPartial", A0, A1, Y) },
            KinkHit: And(Eq(A0, Zero), Ge(A1, new IntegerFormula(2)))),
        SmoothFloatingPoint("ExpM1", Y + 1.0),
        SmoothFloatingPoint("Exp2", Y * Ln2),
        SmoothFloatingPoint("Exp10", Y * Ln10),
        SmoothFloatingPoint("Exp2M1", (Y + 1.0) * Ln2),
        SmoothFloatingPoint("Exp10M1", (Y + 1.0) * Ln10),
        SmoothFloatingPoint("LogP1", 1.0 / (1.0 + A0)),
        SmoothFloatingPoint("Log2P1", 1.0 / ((1.0 + A0) * Ln2)),
        SmoothFloatingPoint("Log10P1", 1.0 / ((1.0 + A0) * Ln10)),
        SmoothFloatingPoint("SinPi", Pi * M("Cos", Pi * A0)),
        SmoothFloatingPoint("CosPi", -Pi * M("Sin", Pi * A0)),
        SmoothFloatingPoint("TanPi", Pi * (1.0 + Y * Y)),
        SmoothFloatingPoint("AsinPi", 1.0 / (Pi * M("Sqrt", 1.0 - A0 * A0))),
        SmoothFloatingPoint("AcosPi", -1.0 / (Pi * M("Sqrt", 1.0 - A0 * A0))),
        SmoothFloatingPoint("AtanPi", 1.0 / (Pi * (1.0 + A0 * A0))),
        SmoothFloatingPoint("Atan2Pi", A1 / (Pi * (A0 * A0 + A1 * A1)), -A0 / (Pi * (A0 * A0 + A1 * A1))),

        new("Abs", Math("Abs"), 1, new[] { N("AbsPartial", A0, Setting(KinkSetting.AbsAtZero)) },
            N("AbsDirectional", A0, T0), KinkSetting.AbsAtZero, s => $"abs'(0) = {F(s.AbsAtZero)}", KinkHit: Eq(A0, Zero)),
        new("Relu", new[] { new MethodSource(MethodLibrary.DiffMath, "Relu") }, 1, new[] { N("ReluPartial", A0, Setting(KinkSetting.ReluAtZero)) },
            N("ReluDirectional", A0, T0), KinkSetting.ReluAtZero, s => $"relu'(0) = {F(s.ReluAtZero)}", KinkHit: Eq(A0, Zero)),
        TieBreaking("Max"),
        TieBreaking("Min"),
        // CopySign(x, y) = s·|x| with s the sign of y: abs's kink at x = 0 (AbsAtZero), a jump in y at 0 (partial 0, as Sign).
        new("CopySign", Math("CopySign"), 2, new[] { N("CopySignPartial", A0, A1, Setting(KinkSetting.AbsAtZero)), Zero },
            N("CopySignDirectional", A0, T0, A1, T1), KinkSetting.AbsAtZero,
            s => $"copysign'(0, y) = {F(s.AbsAtZero)}·sign(y) (abs'(0)); 0 in y", KinkHit: Or(Eq(A0, Zero), Eq(A1, Zero))),
        MagnitudeTieBreaking("MaxMagnitude", "positive"),
        MagnitudeTieBreaking("MinMagnitude", "negative"),
        new("Clamp", Math("Clamp"), 3, new[] { ClampRoute(0), ClampRoute(1), ClampRoute(2) },
            N("ClampDirectional", A0, T0, A1, T1, A2, T2), KinkSetting.ClampPassesAtBound,
            s => s.ClampPassesAtBound ? "the seed passes to the value at a bound" : "the seed goes to the bound at a bound",
            KinkHit: Or(Eq(A0, A1), Eq(A0, A2))),

        PiecewiseConstant("Floor"),
        PiecewiseConstant("Ceiling"),
        PiecewiseConstant("Round"),
        PiecewiseConstant("Truncate"),
    };

    /// <summary>Max and Min: at a tie the first argument takes the assembly's share of the seed, the second the rest.</summary>
    private static PrimitiveRule TieBreaking(string name)
    {
        var first = N(name + "PartialFirst", A0, A1, Setting(KinkSetting.TieShareFirst));
        return new(name, Math(name), 2, new[] { first, 1.0 - first }, N(name + "Directional", A0, T0, A1, T1),
            KinkSetting.TieShareFirst, s => $"a share {F(s.TieShareFirst)} of the seed for the first argument at a tie", KinkHit: Eq(A0, A1));
    }

    /// <summary>
    /// MaxMagnitude and MinMagnitude: at a tie a = b (a kink, as max's and min's) the first argument takes the
    /// assembly's share of the seed; at a = -b (a jump between the two) the argument returned takes it all.
    /// </summary>
    private static PrimitiveRule MagnitudeTieBreaking(string name, string returnedAtOppositeTie)
    {
        var first = N(name + "PartialFirst", A0, A1, Setting(KinkSetting.TieShareFirst));
        return new(name, Math(name), 2, new[] { first, 1.0 - first }, N(name + "Directional", A0, T0, A1, T1), KinkSetting.TieShareFirst,
            s => $"a share {F(s.TieShareFirst)} of the seed for the first argument at a tie a = b; all of it for the {returnedAtOppositeTie} one at a = -b",
            KinkHit: Eq(M("Abs", A0), M("Abs", A1)));
    }

    /// <summary>Clamp(x, lo, hi): the runtime says which argument (0, 1 or 2) the seed goes to.</summary>
    private static Formula ClampRoute(int argument)
        => If(Eq(N("ClampRoute", A0, A1, A2, Setting(KinkSetting.ClampPassesAtBound)), new IntegerFormula(argument)), 1.0, 0.0);

    private static readonly Dictionary<string, PrimitiveRule> ByName = All.ToDictionary(rule => rule.Name);

    /// <summary>The entry of <paramref name="primitive"/>.</summary>
    public static PrimitiveRule Rule(Primitive primitive) => ByName[primitive.Name];

    /// <summary>The entry of an arithmetic operator (<see cref="BinaryOp.Add"/>, Subtract, Multiply, Divide).</summary>
    public static PrimitiveRule Rule(BinaryOp op) => ByName[op.ToString()];

    /// <summary>The primitive a library method is, if any: <paramref name="library"/> and name, and the overload's parameter count.</summary>
    public static PrimitiveRule? Find(MethodLibrary library, string method, int parameters)
        => All.FirstOrDefault(rule => rule.Sources.Any(s => s.Library == library && s.Method == method && (s.Parameters ?? parameters) == parameters));
}
