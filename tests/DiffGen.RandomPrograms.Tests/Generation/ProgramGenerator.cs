using System;
using System.Collections.Generic;
using System.Linq;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// Generates batches of random <c>[Differentiable]</c> functions from a seed. A batch shares one
/// array length; each function may call the functions generated before it in the same batch.
/// The same seed and settings give the same sources.
/// </summary>
public static class ProgramGenerator
{
    public const string ClassName = "RandomFunctions";

    /// <summary>Call chains are at most this long, so that calls inside loops keep a function cheap.</summary>
    public const int MaxCallDepth = 2;

    public static IReadOnlyList<RandomFunction> Batch(int seed, int firstIndex, int count, Construct allowed)
    {
        var random = new Random(seed);
        // Mostly short arrays (cheap checks); a fifth of the batches long enough for inner loops of 8 or more iterations,
        // which reverse mode runs from methods of their own (generator/Stages/LoopOutlining.cs).
        int length = random.NextDouble() < 0.2 ? random.Next(8, 12) : random.Next(2, 6);
        var functions = new List<RandomFunction>();
        for (int k = 0; k < count; k++)
            functions.Add(Function(random, "F" + (firstIndex + k), allowed, length, functions));
        return functions;
    }

    /// <summary>Constructs that make a function nonsmooth; left out of about half the functions so that many get central differences.</summary>
    public const Construct Nonsmooth = Construct.Kinks | Construct.StepFunctions | Construct.DifferentiableConditions;

    private static RandomFunction Function(Random random, string name, Construct allowed, int length, IReadOnlyList<RandomFunction> earlier)
    {
        if (random.NextDouble() < 0.5) allowed &= ~Nonsmooth;
        bool generic = (allowed & Construct.GenericMath) != 0 && random.NextDouble() < 0.12;
        if (generic) allowed &= ~GenericMathDialect.Excluded;
        var context = new FunctionContext(random, allowed, length, earlier.Where(f => f.Object is null && !f.Generic && f.CallDepth < MaxCallDepth && ((f.Used & ~allowed) == 0 || f.IsSmooth)).TakeLast(12).ToList());
        var scope = new Scope();
        // The object's state comes first in the scope but last in the flattened inputs (RandomFunction.Dimension).
        var shape = ObjectWriter.Choose(context, name, scope);
        context.Generic = generic;
        // A struct's instance method cannot hold local functions that read its state (CS1673).
        context.StructInstance = shape is { IsStruct: true } && shape.Form != ObjectForm.Parameter;
        if (generic) context.Use(Construct.GenericMath);
        int scalars = random.Next(shape is null ? 1 : 0, 4);
        int arrays = context.Allows(Construct.ArrayParameters) ? random.Next(0, 3) : 0;
        bool data = context.Allows(Construct.NoDerivativeParameter) && context.Chance(0.3);
        bool count = context.Allows(Construct.IntParameter) && context.Chance(0.4);
        bool spans = arrays > 0 && context.Allows(Construct.SpanParameters) && context.Chance(0.4);
        // A 2-D or jagged parameter (static, non-generic functions; called by functions with one of the same kind, passing theirs on).
        var multi = shape is null && !generic && context.Allows(Construct.MultiArrays) && context.Chance(0.3)
            ? (context.Chance(0.5) ? MultiArrayShape.Matrix(length) : MultiArrayShape.JaggedOf(length))
            : null;
        if (multi is not null) context.Use(Construct.MultiArrays);
        context.ArrayParameters = arrays;
        context.SpanParameters = spans;
        if (spans) context.Use(Construct.SpanParameters);
        // A static method cannot pass its object on to itself yet (README: not yet passing objects to static methods).
        if (shape?.Form != ObjectForm.Parameter && multi is null) context.Self = (name, scalars, data);
        context.HasCount = count;
        if (arrays > 0) context.Use(Construct.ArrayParameters);
        if (data) context.Use(Construct.NoDerivativeParameter);
        if (count) context.Use(Construct.IntParameter);

        var parameters = new List<string>();
        for (int i = 0; i < scalars; i++)
        {
            parameters.Add("double x" + i);
            scope.Scalars.Add("x" + i);
            if (context.Allows(Construct.ParameterWrites)) scope.WritableScalars.Add("x" + i);
        }
        for (int i = 0; i < arrays; i++)
        {
            parameters.Add((spans ? "ReadOnlySpan<double> a" : "double[] a") + i);
            scope.ArrayVariables.Add(new ArrayVariable("a" + i, Writable: false));
        }
        if (multi is not null)
        {
            parameters.Add(multi.TypeName + " " + multi.Name);
            scope.MultiArray = multi;
        }
        if (shape?.Form == ObjectForm.Parameter) parameters.Add(shape.TypeName + " m");
        if (data)
        {
            parameters.Add("[NoDerivative] double c");
            scope.Scalars.Add("c");
        }
        if (count) parameters.Add("int n");

        var expressions = new ExpressionWriter(context);
        var statements = new StatementWriter(context, expressions);
        statements.Line(1, "[Differentiable]");
        statements.Line(1, generic
            ? $"public static T {name}<T>({GenericMathDialect.Translate(string.Join(", ", parameters))}) {GenericMathDialect.Constraint}"
            : $"public {(shape?.Form == ObjectForm.Instance ? "" : "static ")}double {name}({string.Join(", ", parameters)})");
        statements.Line(1, "{");
        statements.DeclareLocalFunctions(scope, 2);
        statements.Block(scope, random.Next(2, 7), 2);
        statements.Line(2, $"return {statements.Result(scope, 3)};");
        statements.Line(1, "}");
        return new RandomFunction(name, generic ? GenericMathDialect.Translate(statements.Text) : statements.Text, scalars, arrays, length, data, count,
            context.IsSmooth, context.Used, context.Callees.ToList(), context.CallDepth, spans, shape, generic, multi);
    }
}
