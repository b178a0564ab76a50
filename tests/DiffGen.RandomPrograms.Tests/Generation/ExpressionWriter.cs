using System.Collections.Generic;
using System.Linq;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// Random expressions and conditions. Every primitive gets arguments inside its domain by
/// construction (Log and Sqrt of 1.5 + sin(e) or 1 + e*e, Asin of 0.9 tanh(e), division by 2 + cos(e)),
/// so a program is defined everywhere; only overflow can make a point unusable.
/// </summary>
public sealed class ExpressionWriter
{
    private readonly FunctionContext _c;

    public ExpressionWriter(FunctionContext context) => _c = context;

    public string Expression(Scope scope, int depth)
    {
        if (depth <= 0 || _c.Chance(0.2)) return Leaf(scope);
        int roll = _c.Random.Next(100);
        if (roll < 34) return Arithmetic(scope, depth);
        if (roll < 58) return SmoothUnary(scope, depth);
        if (roll < 66 && _c.Allows(Construct.BinaryPrimitives)) return SmoothBinary(scope, depth);
        if (roll < 76 && _c.Allows(Construct.Kinks)) return Kink(scope, depth);
        if (roll < 80 && _c.Allows(Construct.StepFunctions)) return Step(scope, depth);
        if (roll < 86 && _c.Allows(Construct.Conditional) && Condition(scope, depth - 1) is string condition)
        {
            _c.Use(Construct.Conditional);
            return $"({condition} ? {Expression(scope, depth - 1)} : {Expression(scope, depth - 1)})";
        }
        if (roll < 88 && _c.Allows(Construct.Switches) && !_c.Generic && _c.Chance(0.3) && SwitchExpression(scope, depth) is string switched) return switched;
        if (roll < 90 && _c.LocalFunctions.Any(f => !f.IsVoid) && _c.Chance(0.5))
        {
            var function = _c.Pick(_c.LocalFunctions.Where(f => !f.IsVoid).ToList());
            var arguments = Enumerable.Range(0, function.Arity).Select(_ => Expression(scope, System.Math.Min(depth - 1, 1)));
            return $"{function.Name}({string.Join(", ", arguments)})";
        }
        if (_c.InLocalFunction) return Arithmetic(scope, depth);
        if (roll < 94 && _c.InstanceHelper is string helper && _c.Chance(0.4)) return HelperCall(helper, scope, depth);
        if (roll < 94 && _c.Allows(Construct.Calls) && Call(scope, depth) is string call) return call;
        if (roll < 96 && _c.Allows(Construct.SpanPrimitives) && _c.ArrayParameters > 0)
        {
            _c.Use(Construct.SpanPrimitives);
            string a = "a" + _c.Random.Next(_c.ArrayParameters);
            return _c.Random.Next(4) switch
            {
                0 => $"SpanOps.Dot<double>({a}, a{_c.Random.Next(_c.ArrayParameters)})",
                1 => $"SpanOps.Sum<double>({a})",
                2 => $"SpanOps.Mean<double>({a})",
                _ => $"SpanOps.LogSumExp<double>({a})",
            };
        }
        if (roll < 98 && _c.Allows(Construct.Recursion) && _c.HasCount && !_c.Recursed && !scope.InLoop && _c.Self is { } self)
        {
            _c.Recursed = true;
            _c.Use(Construct.Recursion);
            var arguments = new List<string>();
            for (int i = 0; i < self.Scalars; i++) arguments.Add(Expression(scope, 1));
            for (int i = 0; i < _c.ArrayParameters; i++) arguments.Add("a" + _c.Random.Next(_c.ArrayParameters));
            if (self.HasData) arguments.Add("c");
            arguments.Add("n - 1");
            return $"(n > 0 ? {self.Name}({string.Join(", ", arguments)}) : {Expression(scope, depth - 1)})";
        }
        return Arithmetic(scope, depth);
    }

    /// <summary>
    /// A condition: a comparison of differentiable values (marks the function nonsmooth) or of
    /// integers and data; null when neither is allowed here.
    /// </summary>
    public string? Condition(Scope scope, int depth)
    {
        if (_c.Allows(Construct.LogicalOperators) && _c.Chance(0.15) && Comparison(scope, depth) is string left)
        {
            _c.Use(Construct.LogicalOperators);
            int form = _c.Random.Next(3);
            if (form == 2) return $"!({left})";
            return Comparison(scope, depth) is string right ? $"({left}) {(form == 0 ? "&&" : "||")} ({right})" : left;
        }
        return Comparison(scope, depth);
    }

    private string? Comparison(Scope scope, int depth)
    {
        var integer = new List<string>();
        foreach (var i in scope.Indices)
        {
            integer.Add($"{i} % 2 == 0");
            integer.Add($"{i} > {_c.Random.Next(_c.ArrayLength)}");
        }
        if (_c.HasCount) integer.Add($"n > {_c.Random.Next(0, _c.ArrayLength + 1)}");
        if (scope.Scalars.Contains("c")) integer.Add($"c > {_c.Threshold()}");
        bool differentiable = _c.Allows(Construct.DifferentiableConditions) && (integer.Count == 0 || _c.Chance(0.6));
        if (!differentiable) return integer.Count == 0 ? null : _c.Pick(integer);
        _c.Use(Construct.DifferentiableConditions, smooth: false);
        string op = _c.Pick(new[] { ">", "<", ">=", "<=" });
        return _c.Chance(0.5)
            ? $"{Expression(scope, depth)} {op} {_c.Threshold()}"
            : $"{Expression(scope, depth)} {op} {Expression(scope, depth)}";
    }

    /// <summary>An index in [0, length): a constant, an index variable, or a wrapped or mirrored one.</summary>
    public string Index(Scope scope)
    {
        int length = _c.ArrayLength;
        if (scope.Indices.Count == 0 || _c.Chance(0.15)) return _c.Random.Next(length).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string i = _c.Pick(scope.Indices);
        return _c.Random.Next(4) switch
        {
            0 => $"({i} + {_c.Random.Next(1, length)}) % {length}",
            1 => $"{length - 1} - {i}",
            _ => i,
        };
    }

    private string Leaf(Scope scope)
    {
        int roll = _c.Random.Next(100);
        if (roll < 50 && scope.Scalars.Count > 0) return _c.Pick(scope.Scalars);
        if (roll < 78 && scope.ArrayVariables.Count > 0) return $"{_c.Pick(scope.ArrayVariables).Name}[{Index(scope)}]";
        if (roll < 84 && scope.Indices.Count > 0) return _c.Generic ? $"(T.CreateChecked({_c.Pick(scope.Indices)}) * {_c.Constant()})" : $"({_c.Pick(scope.Indices)} * {_c.Constant()})";
        if (scope.Scalars.Count > 0 && roll < 92) return _c.Pick(scope.Scalars);
        return _c.Constant();
    }

    private string Arithmetic(Scope scope, int depth)
    {
        string a = Expression(scope, depth - 1), b = Expression(scope, depth - 1);
        return _c.Random.Next(7) switch
        {
            0 or 1 => $"({a} + {b})",
            2 => $"({a} - {b})",
            3 or 4 => $"({a} * {b})",
            5 => $"({a} / (2.0 + Math.Cos({b})))",
            _ => $"(-{a} * {_c.Constant()})",
        };
    }

    private string SmoothUnary(Scope scope, int depth)
    {
        string e = Expression(scope, depth - 1);
        return _c.Random.Next(28) switch
        {
            26 => $"double.ScaleB({e}, {_c.Random.Next(-2, 3)})",
            27 => $"double.RootN(2.0 + {e} * {e}, {_c.Random.Next(2, 5)})",
            19 => $"double.ExpM1(Math.Sin({e}))",
            20 => $"double.LogP1({e} * {e})",
            21 => $"double.Hypot({e}, 0.5)",
            22 => $"double.SinPi({e})",
            23 => $"Math.Asinh({e})",
            24 => $"double.Exp2(Math.Tanh({e}))",
            0 => $"Math.Sin({e})",
            1 => $"Math.Cos({e})",
            2 => $"Math.Tanh({e})",
            3 => $"Math.Atan({e})",
            4 => $"Math.Exp(Math.Sin({e}))",
            5 => $"Math.Exp(-0.5 * {e} * {e})",
            6 => $"Math.Log(1.5 + Math.Sin({e}))",
            7 => $"Math.Log(1.0 + {e} * {e})",
            8 => $"Math.Sqrt(1.0 + {e} * {e})",
            9 => $"Math.Sqrt(2.0 + Math.Cos({e}))",
            10 => $"Math.Log2(2.0 + Math.Tanh({e}))",
            11 => $"Math.Log10(3.0 + Math.Sin({e}))",
            12 => $"Math.Cbrt(2.0 + Math.Cos({e}))",
            13 => $"Math.Asin(0.9 * Math.Tanh({e}))",
            14 => $"Math.Acos(0.8 * Math.Sin({e}))",
            15 => $"Math.Sinh(Math.Tanh({e}))",
            16 => $"Math.Cosh(Math.Sin({e}))",
            17 => $"Math.Tan(0.6 * Math.Tanh({e}))",
            18 => $"Math.Pow({e}, {_c.Random.Next(2, 4)}.0)",
            _ => $"({e} * {e})",
        };
    }

    private string SmoothBinary(Scope scope, int depth)
    {
        _c.Use(Construct.BinaryPrimitives);
        string a = Expression(scope, depth - 1), b = Expression(scope, depth - 1);
        return _c.Random.Next(5) switch
        {
            0 => $"Math.Atan2({a}, 2.0 + Math.Cos({b}))",
            1 => $"Math.Pow(1.5 + Math.Sin({a}), Math.Tanh({b}))",
            2 => $"Math.Log(2.0 + Math.Sin({a}), 2.5 + Math.Cos({b}))",
            3 => $"Math.FusedMultiplyAdd({a}, {b}, {Expression(scope, depth - 1)})",
            _ => $"Math.Pow(1.0 + {a} * {a}, {FunctionContext.Literal(_c.Random.Next(-8, 9) / 8.0)})",
        };
    }

    private string Kink(Scope scope, int depth)
    {
        _c.Use(Construct.Kinks, smooth: false);
        string a = Expression(scope, depth - 1);
        // DiffMath.Relu is double/float only; CopySign and the magnitude functions are drawn for double code only.
        return _c.Random.Next(_c.Generic ? 5 : 9) switch
        {
            6 => $"double.CopySign({a}, {Expression(scope, depth - 1)})",
            7 => $"double.MaxMagnitude({a}, {Expression(scope, depth - 1)})",
            8 => $"double.MinMagnitude({a}, {Expression(scope, depth - 1)})",
            0 => $"Math.Abs({a})",
            1 => $"Math.Max({a}, {Expression(scope, depth - 1)})",
            2 => $"Math.Min({a}, {Expression(scope, depth - 1)})",
            3 => $"Math.Clamp({a}, -0.75, 0.75)",
            4 => $"Math.Clamp({a}, -1.0 - Math.Abs({Expression(scope, depth - 1)}), 1.0 + Math.Abs({Expression(scope, depth - 1)}))",
            _ => $"DiffMath.Relu({a})",
        };
    }

    private string Step(Scope scope, int depth)
    {
        _c.Use(Construct.StepFunctions, smooth: false);
        string a = Expression(scope, depth - 1), b = Expression(scope, depth - 1);
        string step = _c.Random.Next(5) switch
        {
            0 => $"Math.Floor({a})",
            1 => $"Math.Ceiling({a})",
            2 => $"Math.Round({a})",
            3 => $"Math.Truncate({a})",
            _ => $"Math.Sign({a})",
        };
        return $"(0.25 * {step} + {b})";
    }

    /// <summary>
    /// A switch expression with a final <c>_ =&gt;</c> arm: on an index (constant arms) or, where
    /// differentiable conditions are allowed, on a differentiable value (relational patterns).
    /// </summary>
    private string? SwitchExpression(Scope scope, int depth)
    {
        string Arm() => Expression(scope, depth - 1);
        if (scope.Indices.Count > 0 && (!_c.Allows(Construct.DifferentiableConditions) || _c.Chance(0.5)))
        {
            _c.Use(Construct.Switches);
            return $"(({_c.Pick(scope.Indices)} % 3) switch {{ 0 => {Arm()}, 1 => {Arm()}, _ => {Arm()} }})";
        }
        if (!_c.Allows(Construct.DifferentiableConditions)) return null;
        _c.Use(Construct.Switches);
        _c.Use(Construct.DifferentiableConditions, smooth: false);
        double lowValue = (_c.Random.Next(-12, 5) + 0.3) / 8.0;
        string low = FunctionContext.Literal(lowValue), high = FunctionContext.Literal(lowValue + 0.5 + _c.Random.Next(4) / 4.0);
        return $"({Expression(scope, depth - 1)} switch {{ < {low} => {Arm()}, > {high} and < 4.0 => {Arm()}, _ => {Arm()} }})";
    }

    /// <summary>A call of the object's [Differentiable] helper method on the same object.</summary>
    public string HelperCall(string helper, Scope scope, int depth)
    {
        _c.Use(Construct.InstanceCalls);
        return $"{helper}({Expression(scope, System.Math.Min(depth - 1, 1))})";
    }

    private string? Call(Scope scope, int depth)
    {
        // A span cannot be passed where an array is expected.
        // A function with a 2-D or jagged parameter is called with the caller's own of the same kind (not from local functions).
        var candidates = _c.Callable.Where(f => f.Arrays <= _c.ArrayParameters && (f.SpanParameters || f.Arrays == 0 || !_c.SpanParameters)
            && (f.Multi is null || (scope.MultiArray is { } own && own.Jagged == f.Multi.Jagged && !_c.InLocalFunction))).ToList();
        if (candidates.Count == 0) return null;
        var callee = _c.Pick(candidates);
        _c.UseCallee(callee);
        var arguments = new List<string>();
        for (int i = 0; i < callee.Scalars; i++) arguments.Add(Expression(scope, System.Math.Min(depth - 1, 1)));
        for (int i = 0; i < callee.Arrays; i++) arguments.Add("a" + _c.Random.Next(_c.ArrayParameters));
        if (callee.Multi is not null) arguments.Add(scope.MultiArray!.Name);
        if (callee.HasData) arguments.Add(scope.Scalars.Contains("c") && _c.Chance(0.5) ? "c" : _c.Constant());
        if (callee.HasCount) arguments.Add(_c.HasCount && _c.Chance(0.6) ? "n" : _c.Random.Next(0, _c.ArrayLength + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"{_c.CallPrefix}{callee.Name}({string.Join(", ", arguments)})";
    }
}
