using System;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>A trainable tensor (flat) and its gradient buffer, the unit optimizers update (torch's <c>Parameter</c> with <c>.grad</c>).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Parameter<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private T[] _data;
    private T[] _grad;

    /// <summary>Wraps <paramref name="data"/> (not copied) with a zero gradient of the same length.</summary>
    /// <param name="data">The values, updated in place by optimizers.</param>
    /// <param name="name">Name used in error messages.</param>
    public Parameter(T[] data, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _grad = new T[data.Length];
        Name = name ?? "param";
    }

    /// <summary>Name used in error messages.</summary>
    public string Name { get; }

    /// <summary>The values. Replacing the array with one of another length makes the next step throw.</summary>
    public T[] Data
    {
        get => _data;
        set => _data = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The gradient the next step uses (a generated <c>{M}Gradient</c> accumulates into it).</summary>
    public T[] Grad
    {
        get => _grad;
        set => _grad = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Element <paramref name="index"/> of the values, for reading in model code (<c>W[i]</c> in a
    /// <c>[Differentiable]</c> method, whose gradient then goes to <see cref="Grad"/>).
    /// </summary>
    public T this[int index] => _data[index];

    /// <summary>The values as a read-only span, so a parameter can be passed where model code expects one.</summary>
    public static implicit operator ReadOnlySpan<T>(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter._data;
    }

    /// <summary>The values as a read-only span.</summary>
    public ReadOnlySpan<T> AsSpan() => _data;

    /// <summary>Number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>Sets the gradient to zero (torch's <c>zero_grad(set_to_none=False)</c>).</summary>
    public void ZeroGrad() => Array.Clear(_grad);
}
