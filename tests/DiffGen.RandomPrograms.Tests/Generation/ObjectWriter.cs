using System;
using System.Text;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// Moves part of a function's inputs into the state of a generated partial type (a class, record or
/// struct with double fields and a double[] field), the way model code holds its parameters: the
/// function becomes an instance method of the type or a static method taking it. The type may get an
/// arrow-bodied computed property and a one-scalar [Differentiable] helper method that the function
/// calls on the same object, both reading the state.
/// </summary>
public static class ObjectWriter
{
    /// <summary>
    /// What the property and the helper do not use: they read only the object's state and the helper's
    /// one scalar (no calls out of the type, which stay the function's job; no array, count or data
    /// parameters), and the helper ends in its one return.
    /// </summary>
    private const Construct MemberExcluded = Construct.Calls | Construct.Recursion | Construct.IntParameter | Construct.NoDerivativeParameter
        | Construct.ArrayParameters | Construct.SpanParameters | Construct.SpanPrimitives | Construct.EarlyReturn;

    /// <summary>
    /// Decides whether the function is written with an object (null when not) and, if so, writes the
    /// type's members and adds the state, property and helper to <paramref name="scope"/> and
    /// <paramref name="context"/> as the function reads them.
    /// </summary>
    public static ObjectShape? Choose(FunctionContext context, string name, Scope scope)
    {
        ObjectForm form;
        if (context.Allows(Construct.InstanceMethods) && context.Chance(0.2)) form = ObjectForm.Instance;
        else if (context.Allows(Construct.ObjectParameters) && context.Chance(0.1)) form = ObjectForm.Parameter;
        else return null;
        context.Use(form == ObjectForm.Instance ? Construct.InstanceMethods : Construct.ObjectParameters);
        var random = context.Random;
        bool isStruct = context.Allows(Construct.StructObjects) && context.Chance(0.4);
        if (isStruct) context.Use(Construct.StructObjects);
        var shape = new ObjectShape(name + "Model", form, isStruct, context.Chance(0.3), random.Next(1, 3), context.Chance(0.6), "");

        // Inside the type the state is read bare; the function reads it bare or through this, or through m.
        string prefix = form == ObjectForm.Parameter ? "m." : context.Chance(0.3) ? "this." : "";
        if (form == ObjectForm.Instance) context.CallPrefix = ProgramGenerator.ClassName + ".";
        var inner = new Scope();
        for (int i = 0; i < shape.Scalars; i++) inner.Scalars.Add("S" + i);
        if (shape.HasArray) inner.ArrayVariables.Add(new ArrayVariable("W", Writable: false));

        var members = new StringBuilder();
        for (int i = 0; i < shape.Scalars; i++) members.Append($"    public double S{i};\n");
        // A struct with a field initializer would need a constructor.
        if (shape.HasArray) members.Append(isStruct ? "    public double[] W;\n" : "    public double[] W = Array.Empty<double>();\n");

        if (context.Allows(Construct.ComputedProperties) && context.Chance(0.5))
        {
            var member = MemberContext(context);
            string body = new ExpressionWriter(member).Expression(inner, 2);
            context.Absorb(member);
            context.Use(Construct.ComputedProperties);
            members.Append($"\n    public double P => {body} + 0.5 * S0;\n");
            inner.Scalars.Add("P");
        }
        if (context.Allows(Construct.InstanceCalls) && context.Chance(0.5))
        {
            var member = MemberContext(context);
            var helperScope = new Scope();
            helperScope.Scalars.AddRange(inner.Scalars);
            helperScope.ArrayVariables.AddRange(inner.ArrayVariables);
            helperScope.Scalars.Add("y0");
            helperScope.WritableScalars.Add("y0");
            var statements = new StatementWriter(member, new ExpressionWriter(member));
            statements.Line(0, "");
            statements.Line(1, "[Differentiable]");
            statements.Line(1, "public double H(double y0)");
            statements.Line(1, "{");
            statements.Block(helperScope, random.Next(1, 4), 2);
            statements.Line(2, $"return {statements.Result(helperScope, 2)};");
            statements.Line(1, "}");
            context.Absorb(member);
            members.Append(statements.Text);
            context.InstanceHelper = form == ObjectForm.Parameter ? "m.H" : prefix + "H";
        }

        for (int i = 0; i < shape.Scalars; i++) scope.Scalars.Add(prefix + "S" + i);
        if (shape.HasArray) scope.ArrayVariables.Add(new ArrayVariable(prefix + "W", Writable: false));
        if (inner.Scalars.Contains("P")) scope.Scalars.Add(prefix + "P");
        return shape with { Members = members.ToString() };
    }

    private static FunctionContext MemberContext(FunctionContext context)
        => new(context.Random, context.Allowed & ~MemberExcluded, context.ArrayLength, Array.Empty<RandomFunction>());
}
