using System;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// The language constructs the random program generator can use. Each can be switched off
/// (<see cref="RandomProgramSettings.Excluded"/>), e.g. to keep the random run green while a generator
/// bug in that construct is open.
/// </summary>
[Flags]
public enum Construct : long
{
    None = 0,
    /// <summary><c>double[]</c> parameters, read with computed indices.</summary>
    ArrayParameters = 1 << 0,
    /// <summary>Local arrays from <c>new double[n]</c>, with element stores and compound stores.</summary>
    LocalArrays = 1 << 1,
    /// <summary>Local buffers from <c>stackalloc double[n]</c>.</summary>
    Stackalloc = 1 << 2,
    /// <summary><c>for</c> loops (forwards and backwards).</summary>
    ForLoops = 1 << 3,
    /// <summary>Loops inside loops.</summary>
    NestedLoops = 1 << 4,
    /// <summary><c>while</c> loops.</summary>
    WhileLoops = 1 << 5,
    /// <summary><c>do</c>/<c>while</c> loops.</summary>
    DoLoops = 1 << 6,
    /// <summary><c>foreach</c> over arrays and spans.</summary>
    Foreach = 1 << 7,
    /// <summary><c>if (...) break;</c> inside loops.</summary>
    Break = 1 << 8,
    /// <summary><c>if (...) continue;</c> inside loops.</summary>
    Continue = 1 << 9,
    /// <summary><c>if (...) return e;</c> before the end (also from inside loops).</summary>
    EarlyReturn = 1 << 10,
    /// <summary><c>if</c>/<c>else</c> statements.</summary>
    Branches = 1 << 11,
    /// <summary>Comparisons of differentiable values as conditions (branches, <c>?:</c>, break, return).</summary>
    DifferentiableConditions = 1 << 12,
    /// <summary>The conditional operator <c>c ? a : b</c>.</summary>
    Conditional = 1 << 13,
    /// <summary>Calls of other generated functions of the same batch (arrays passed whole).</summary>
    Calls = 1 << 14,
    /// <summary>Abs, Max, Min, Clamp, Relu.</summary>
    Kinks = 1 << 15,
    /// <summary>Floor, Ceiling, Round, Truncate, Sign (derivative 0).</summary>
    StepFunctions = 1 << 16,
    /// <summary>Assignments to scalar parameters.</summary>
    ParameterWrites = 1 << 17,
    /// <summary>A <c>[NoDerivative] double</c> data parameter.</summary>
    NoDerivativeParameter = 1 << 18,
    /// <summary>An <c>int n</c> parameter bounding some loops.</summary>
    IntParameter = 1 << 19,
    /// <summary>Compound assignment (<c>+=</c>, <c>-=</c>, <c>*=</c>) to scalars and elements.</summary>
    CompoundAssignment = 1 << 20,
    /// <summary>Two-argument smooth primitives: Atan2, Pow, two-argument Log, FusedMultiplyAdd.</summary>
    BinaryPrimitives = 1 << 21,
    /// <summary>++ and -- on differentiable scalars.</summary>
    IncrementDecrement = 1 << 22,
    /// <summary><c>ReadOnlySpan&lt;double&gt;</c> instead of <c>double[]</c> array parameters.</summary>
    SpanParameters = 1 << 23,
    /// <summary>Locals named like the generator's own identifiers (<c>_t0</c>, <c>dx0</c>, <c>x0_bar</c>, <c>seed</c>, ...).</summary>
    TrickyNames = 1 << 24,
    /// <summary>Conditions joined with <c>&amp;&amp;</c>, <c>||</c> or negated with <c>!</c>.</summary>
    LogicalOperators = 1 << 25,
    /// <summary>SpanOps.Dot, Sum, Mean and LogSumExp (rule-backed span primitives) on array parameters.</summary>
    SpanPrimitives = 1 << 26,
    /// <summary>A function with <c>int n</c> calling itself with <c>n - 1</c> (guarded by <c>n &gt; 0</c>, outside loops, once).</summary>
    Recursion = 1 << 27,

    /// <summary>The function as an instance method of a generated partial class (or record) whose double fields and double[] field replace some parameters.</summary>
    InstanceMethods = 1L << 28,
    /// <summary>The function as a static method taking an object of a generated differentiable type, reading its state through the parameter.</summary>
    ObjectParameters = 1L << 29,
    /// <summary>The generated type is a struct (gradient in a fresh <c>out T.Tangent</c>) instead of a class.</summary>
    StructObjects = 1L << 30,
    /// <summary>An arrow-bodied computed property of the generated type reading its state.</summary>
    ComputedProperties = 1L << 31,
    /// <summary>Calls of another generated <c>[Differentiable]</c> instance method of the same object.</summary>
    InstanceCalls = 1L << 32,
    /// <summary>Tuple deconstruction into new locals and tuple assignment to existing ones (swaps).</summary>
    Tuples = 1L << 33,
    /// <summary>The function as generic math, <c>static T F&lt;T&gt;(T x0, ...) where T : IFloatingPointIeee754&lt;T&gt;</c> (derivatives as double overloads).</summary>
    GenericMath = 1L << 34,

    /// <summary>Span locals naming part of an array: <c>Span&lt;double&gt; s = buffer.AsSpan(i, n)</c> over a longer local buffer, <c>ReadOnlySpan&lt;double&gt; r = a0.AsSpan()</c>.</summary>
    SpanLocals = 1L << 35,
    /// <summary>Local functions: static ones over their parameters, capturing ones reading the parameters, void ones accumulating into a captured local.</summary>
    LocalFunctions = 1L << 36,

    /// <summary><c>switch</c> statements on an integer (constant and stacked labels, <c>default</c>; only with <see cref="Break"/>, which ends their sections) and switch expressions on integers and on differentiable values (relational patterns).</summary>
    Switches = 1L << 37,
    /// <summary>Assertions with interpolated messages and guard clauses: <c>Debug.Assert(v &lt; 1e308, $"v = {v}")</c>, <c>if (v &gt; 1e300) throw new ArgumentOutOfRangeException(...)</c>.</summary>
    Effects = 1L << 38,

    /// <summary>A <c>double[,]</c> (2 rows) or <c>double[][]</c> (rows of the array length, 1 and 2) parameter: reads in loops bounded by <c>GetLength</c>/<c>Length</c>, <c>foreach</c> over elements and rows, row locals, 2-D local buffers, a row loop with <c>break</c>; calls of earlier functions with such a parameter of the same kind.</summary>
    MultiArrays = 1L << 39,
    /// <summary>Jagged locals, <c>var t = new double[rows][];</c> with rows allocated and filled in one loop (from an array in scope or the 2-D/jagged parameter), read back by nested loops, <c>foreach</c>, a row local or a compound write (outside loops).</summary>
    JaggedLocals = 1L << 40,

    All = (1L << 41) - 1,
}
