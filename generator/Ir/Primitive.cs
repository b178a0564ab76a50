namespace DiffGen.Generator.Ir;

/// <summary>The scalar primitives the generator knows how to differentiate (Math/MathF and DiffMath).</summary>
public enum Primitive
{
    Sin, Cos, Tan, Asin, Acos, Atan, Atan2,
    Sinh, Cosh, Tanh,
    Exp, Log, LogBase, Log2, Log10,
    Sqrt, Cbrt, Pow,
    Abs, Max, Min, Clamp, Relu,
    Floor, Ceiling, Round, Truncate,
    FusedMultiplyAdd,
}
