using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Ir;

/// <summary>A parameter or local of the lowered method.</summary>
/// <param name="Name">Name in generated code (user locals are renamed only to stay unique once hoisted).</param>
/// <param name="Kind">The scalar type, or the element type of an array or span.</param>
/// <param name="IsDifferentiableParameter">A floating parameter without <c>[NoDerivative]</c>: it gets a shadow.</param>
/// <param name="IsActive">Whether the variable can carry a derivative (depends on a differentiable parameter).</param>
/// <param name="Shape">Scalar, array or span.</param>
/// <param name="IsOutput">A <c>Span&lt;T&gt;</c> parameter of a void method: a result the method writes.</param>
/// <param name="Member">For a member of an object's state (the receiver's or an object parameter's): where it is read from at entry (it takes no argument of its own).</param>
/// <param name="ObjectType">For a parameter of a differentiable type: the type, fully qualified (its members are variables of their own).</param>
public sealed record VariableInfo(string Name, ScalarKind Kind, bool IsParameter, bool IsDifferentiableParameter, bool IsActive, Shape Shape = Shape.Scalar, bool IsOutput = false, ObjectMember? Member = null, ObjectParameter? ObjectType = null)
{
    /// <summary>The C# type of the variable, e.g. <c>double</c>, <c>double[]</c>, <c>global::System.Span&lt;double&gt;</c>.</summary>
    public string TypeName => ObjectType is { } objectType ? objectType.TypeName : Shape switch
    {
        Shape.Array => Kind.Keyword() + "[]",
        Shape.Span => "global::System.Span<" + Kind.Keyword() + ">",
        Shape.ReadOnlySpan => "global::System.ReadOnlySpan<" + Kind.Keyword() + ">",
        _ => Kind.Keyword(),
    };

    public bool IsScalar => Shape == Shape.Scalar;
}

/// <summary>
/// A field or auto-property of an object the method reads (its receiver, or a parameter of a
/// differentiable type), seen by the method as a read-only input bound at entry.
/// </summary>
/// <param name="Root">The outermost object as code: <c>this</c>, or the parameter's name in generated code.</param>
/// <param name="Path">The member below it, through nested differentiable members: <c>W</c>, <c>Layer1.W</c> (escaped where needed).</param>
/// <param name="IsParameterObject">A <c>Parameter&lt;T&gt;</c>: its values are <c>.Data</c> and its gradient goes to <c>.Grad</c>.</param>
/// <param name="IsDifferentiable">Whether the member's type carries a derivative (a floating member without <c>[NoDerivative]</c>): it has a member in its type's <c>Tangent</c>.</param>
/// <param name="Write">How generated code may give the member another value: what a gradient check's central differences perturb.</param>
public sealed record ObjectMember(string Root, string Path, bool IsParameterObject, bool IsDifferentiable, MemberWrite Write = MemberWrite.Assign)
{
    /// <summary>Whether the member belongs to the receiver (<c>this</c>).</summary>
    public bool OfReceiver => Root == "this";

    /// <summary>The member's own name (the last step of its path), without '@'.</summary>
    public string Name => Path.Substring(Path.LastIndexOf('.') + 1).TrimStart('@');

    /// <summary>The object holding the member, as code: <c>this.Layer1</c>.</summary>
    public string Owner => Path.Contains(".") ? Root + "." + Path.Substring(0, Path.LastIndexOf('.')) : Root;
}

/// <summary>A parameter of a differentiable type: its derivative is the type's <c>Tangent</c>.</summary>
/// <param name="TypeName">The type, fully qualified.</param>
/// <param name="IsValueType">A struct: gradients return its tangent through <c>out</c>.</param>
/// <param name="HasDerivative">Whether it has differentiable members (and no <c>[NoDerivative]</c>): it gets a tangent.</param>
/// <param name="BuiltinTangent">For a type whose tangent is itself (<c>System.Numerics.Vector3</c>): null for types with a generated <c>Tangent</c>.</param>
public sealed record ObjectParameter(string TypeName, bool IsValueType, bool HasDerivative, string? BuiltinTangent = null)
{
    /// <summary>The type of its derivative, fully qualified.</summary>
    public string TangentTypeName => BuiltinTangent ?? TypeName + ".Tangent";

    /// <summary>A zero derivative shaped like <paramref name="value"/>, as code.</summary>
    public string Zero(string value) => BuiltinTangent is null ? $"new {TangentTypeName}({value})" : "default";
}

/// <summary>
/// The differentiable state of a type with instance <c>[Differentiable]</c> methods: what its generated
/// nested <c>Tangent</c> holds, member by member.
/// </summary>
/// <param name="Containing">The type itself, as the chain of declarations to reopen (the type is the last).</param>
/// <param name="IsValueType">A struct: its <c>Tangent</c> is a struct too, and gradients return it through <c>out</c>.</param>
/// <param name="Members">Differentiable members in declaration order.</param>
public sealed record DifferentiableTypeLayout(HierarchyInfo Containing, bool IsValueType, EquatableArray<TangentMember> Members);

/// <summary>
/// One member of a <c>Tangent</c>: a scalar, an array as long as the member's (a <c>Parameter&lt;T&gt;</c>'s
/// data included), or the <c>Tangent</c> of a nested differentiable member.
/// </summary>
/// <param name="NestedType">For a nested differentiable member: its type, fully qualified.</param>
/// <param name="NestedParameters">For a nested member: the element type of its <c>TrainableParameters()</c>, if it has them.</param>
/// <param name="IsVector">A <c>System.Numerics</c> vector member (<see cref="NestedType"/>): its tangent is a vector of the same type.</param>
public sealed record TangentMember(string Name, ScalarKind Kind, bool IsArray, bool IsParameterObject, string? NestedType = null, ScalarKind? NestedParameters = null, bool IsVector = false);

/// <summary>How a member of an object can be given another value.</summary>
public enum MemberWrite
{
    /// <summary>Not at all (a read-only field, a get-only property).</summary>
    None,
    /// <summary>In place: a field that is not read-only, a property with a setter, an array's elements, a vector field's components.</summary>
    Assign,
    /// <summary>In a copy, <c>o with { M = v }</c>: an init-only property of a record or a struct.</summary>
    With,
}

/// <summary>Whether a variable holds one value or a run of elements.</summary>
public enum Shape
{
    Scalar,
    /// <summary><c>T[]</c>.</summary>
    Array,
    /// <summary><c>Span&lt;T&gt;</c>.</summary>
    Span,
    /// <summary><c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    ReadOnlySpan,
}

/// <summary>A call's site (its index in the front end's site table) and its 1-based line in the source file.</summary>
/// <param name="Method">For a call in the body of a helper lowered in place: the helper, <c>N.T.F</c> (the line is in its source); null for the method's own calls.</param>
public sealed record CallLine(int Site, int Line, string? Method = null);

/// <summary>The values of one <c>[CheckGradientAt]</c> point, rendered as C# arguments.</summary>
public sealed record CheckPoint(EquatableArray<string> Arguments);

/// <summary>
/// A <c>[Differentiable]</c> method lowered to IR: the only thing the pipeline carries per method. It
/// holds no Roslyn objects, so it compares by value and the driver can cache every later stage.
/// </summary>
/// <param name="Variables">Parameters first, in order (<paramref name="ParameterCount"/> of them), then locals.</param>
/// <param name="DisplayName">Type and method name for messages, e.g. <c>N.T.F</c>.</param>
/// <param name="HintName">Unique, file-name-safe stem for the generated file.</param>
/// <param name="CallLines">The source line of each call the kink counters name (nonsmooth primitives, rule calls), by site.</param>
/// <param name="Layouts">Parameters of type <c>T[,]</c> or <c>T[][]</c>, which the IR sees in their flat form.</param>
/// <param name="TypeParameterUses">For an instantiation of a generic-math method whose parameters are numbers, arrays and spans: whether
/// each parameter, then the result, is typed by its type parameter (T, T[], Span&lt;T&gt;); empty otherwise.</param>
/// <param name="TupleResult">The element names of a tuple result (<c>Item1</c>... when unnamed), which the IR writes to a synthetic output span; empty otherwise.</param>
public sealed record MethodIr(
    HierarchyInfo Containing,
    string Name,
    string Accessibility,
    ScalarKind ReturnKind,
    EquatableArray<VariableInfo> Variables,
    int ParameterCount,
    EquatableArray<Stmt> Body,
    EquatableArray<CheckPoint> CheckPoints,
    string DisplayName,
    string HintName,
    bool HasForwardMode = true,
    bool ReturnsVoid = false,
    DifferentiableTypeLayout? Receiver = null,
    EquatableArray<DifferentiableTypeLayout> ObjectTypes = default,
    EquatableArray<CallLine> CallLines = default,
    EquatableArray<ArrayLayout> Layouts = default,
    EquatableArray<string> TupleResult = default,
    EquatableArray<bool> TypeParameterUses = default)
{
    /// <summary>Whether the method returns a tuple: its IR writes the elements to its last parameter, an output span.</summary>
    public bool ReturnsTuple => TupleResult.Count > 0;

    /// <summary>The 1-based source line of the call at <paramref name="site"/>, or 0 when it is not listed.</summary>
    public int LineOf(int site)
    {
        foreach (var call in CallLines)
            if (call.Site == site) return call.Line;
        return 0;
    }

    /// <summary>The method whose source holds the call at <paramref name="site"/>: this one, or a helper lowered in place.</summary>
    public string MethodOf(int site)
    {
        foreach (var call in CallLines)
            if (call.Site == site) return call.Method ?? DisplayName;
        return DisplayName;
    }

    /// <summary>Whether the method reads objects' state (its receiver's, or a parameter's of a differentiable type).</summary>
    public bool ReadsObjects => IsInstance || Variables.Take(ParameterCount).Any(v => v.ObjectType is not null);

    /// <summary>An instance method: its generated members are instance members that read the receiver's state.</summary>
    public bool IsInstance => Receiver is not null;

    /// <summary><c>"static "</c> for a static method's generated members, empty for an instance method's.</summary>
    public string StaticModifier => IsInstance ? "" : "static ";
}
