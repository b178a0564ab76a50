namespace DiffGen.Optimizers;

/// <summary>
/// The arithmetic an update rule may use, implemented by a scalar lane (one <c>float</c> or <c>double</c>)
/// and by SIMD lanes (a whole vector). Every optimizer's per-element rule is written once against this
/// interface and the drivers instantiate it per lane, so the scalar reference, the SIMD kernel, its scalar
/// tail and the ILGPU kernel all execute the same sequence of IEEE operations (no FMA contraction).
/// </summary>
/// <typeparam name="TSelf">The lane type itself.</typeparam>
public interface ILane<TSelf> where TSelf : struct, ILane<TSelf>
{
    /// <summary>Elementwise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);

    /// <summary>Elementwise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);

    /// <summary>Elementwise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>Elementwise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>Elementwise negation.</summary>
    static abstract TSelf operator -(TSelf value);

    /// <summary>A per-step scalar (computed once in double) broadcast to every element, rounded to the element type.</summary>
    static abstract TSelf Constant(double value);

    /// <summary>Correctly rounded square root.</summary>
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>Absolute value.</summary>
    static abstract TSelf Abs(TSelf value);

    /// <summary>Elementwise maximum (NaN propagates, as <c>torch.maximum</c>).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>Elementwise minimum (NaN propagates, as <c>torch.minimum</c>).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>Mask of the elements where <paramref name="left"/> &gt; <paramref name="right"/>; consumed only by <see cref="Select"/>.</summary>
    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    /// <summary>Mask of the elements where <paramref name="left"/> &lt; <paramref name="right"/>; consumed only by <see cref="Select"/>.</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);

    /// <summary>Per element, <paramref name="ifTrue"/> where <paramref name="mask"/> (from a comparison) is set, else <paramref name="ifFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf ifTrue, TSelf ifFalse);
}
