namespace DiffGen.Optimizers;

/// <summary>Which CPU driver runs an optimizer's update rule.</summary>
public enum KernelPath
{
    /// <summary>SIMD over spans (Vector512 where accelerated, else Vector256), tail by the scalar rule, chunks in parallel for large tensors.</summary>
    Simd,

    /// <summary>The scalar reference loop, one element at a time on one thread.</summary>
    Scalar,
}
