using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

/// <summary>
/// The convolution as matrix products: for each sample and group, the input is unfolded
/// (<see cref="Im2Col"/>) into a pooled <c>Depth x OutPlane</c> buffer and multiplied by the group's
/// <c>GroupOutChannels x Depth</c> weight with our GEMM, writing the sample's output planes in place
/// (NCHW needs no transpose). A 1 x 1 kernel with stride 1 and no padding multiplies the input directly.
/// Samples are split over the cores for large work (<see cref="SampleParallel"/>). Lengths and aliasing
/// are the caller's to check.
/// </summary>
internal static unsafe class ConvKernels
{
    /// <summary><c>y (+)= conv(x, w)</c>, plus <paramref name="bias"/> per output channel when it is not empty.</summary>
    public static void Forward<T>(in ConvGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Batch == 0)
        {
            return;
        }

        fixed (T* px = x, pw = w, pb = bias, py = y)
        {
            var state = new Pointers<T>(g, px, pw, pb, py, null, null, null, accumulate);
            SampleParallel.Run(g.Batch, SampleParallel.Workers(g.Batch, g.Work), state, static (s, _, start, count) => ForwardShard(s, start, count));
        }
    }

    /// <summary>
    /// <c>dx += convᵀ(dy)</c> and <c>dw += dy ⋆ x</c> (each skipped when its shadow is empty); the bias
    /// shadow is the caller's (a sum over the output planes).
    /// </summary>
    public static void Backward<T>(in ConvGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dw)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Batch == 0 || (dx.IsEmpty && dw.IsEmpty))
        {
            return;
        }

        int workers = SampleParallel.Workers(g.Batch, g.Work * ((dx.IsEmpty ? 0 : 1) + (dw.IsEmpty ? 0 : 1)));
        T[]? partials = workers > 1 && !dw.IsEmpty ? ArrayPool<T>.Shared.Rent(workers * g.WeightLength) : null;
        try
        {
            fixed (T* px = x, pw = w, pdy = dy, pdx = dx, pdw = dw, ppart = partials)
            {
                var state = new Pointers<T>(g, px, pw, null, null, pdy, pdx, pdw, accumulate: true) { Partials = ppart };
                SampleParallel.Run(g.Batch, workers, state, static (s, k, start, count) => BackwardShard(s, k, start, count));
            }

            if (partials is not null)
            {
                // Summed in worker order: the same result on every run with the same thread count.
                for (int k = 0; k < workers; k++)
                {
                    ReadOnlySpan<T> part = partials.AsSpan(k * g.WeightLength, g.WeightLength);
                    TensorPrimitives.Add(dw, part, dw);
                }
            }
        }
        finally
        {
            if (partials is not null)
            {
                ArrayPool<T>.Shared.Return(partials);
            }
        }
    }

    /// <summary><c>y[n, c, :] += bias[c]</c>.</summary>
    public static void AddBias<T>(in ConvGeometry g, ReadOnlySpan<T> bias, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n < g.Batch; n++)
        {
            for (int c = 0; c < g.OutChannels; c++)
            {
                Span<T> plane = y.Slice((n * g.OutChannels + c) * g.OutPlane, g.OutPlane);
                TensorPrimitives.Add(plane, bias[c], plane);
            }
        }
    }

    /// <summary><c>dbias[c] += sum over samples and pixels of dy[n, c, :]</c>.</summary>
    public static void BiasGradient<T>(in ConvGeometry g, ReadOnlySpan<T> dy, Span<T> dbias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n < g.Batch; n++)
        {
            for (int c = 0; c < g.OutChannels; c++)
            {
                dbias[c] += TensorPrimitives.Sum(dy.Slice((n * g.OutChannels + c) * g.OutPlane, g.OutPlane));
            }
        }
    }

    private static bool IsPointwise(in ConvGeometry g)
        => g.KernelHeight == 1 && g.KernelWidth == 1 && g.Stride == 1 && g.Padding == 0;

    private static void ForwardShard<T>(Pointers<T> s, int start, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ConvGeometry g = s.Geometry;
        int ocg = g.GroupOutChannels, depth = g.Depth, plane = g.OutPlane;
        bool pointwise = IsPointwise(g);
        T[]? columns = pointwise ? null : ArrayPool<T>.Shared.Rent(depth * plane);
        try
        {
            var w = new ReadOnlySpan<T>(s.W, g.WeightLength);
            for (int n = start; n < start + count; n++)
            {
                var xs = new ReadOnlySpan<T>(s.X + (long)n * g.InSample, g.InSample);
                var ys = new Span<T>(s.Y + (long)n * g.OutSample, g.OutSample);
                for (int grp = 0; grp < g.Groups; grp++)
                {
                    ReadOnlySpan<T> xg = xs.Slice(grp * g.GroupInChannels * g.InPlane, g.GroupInChannels * g.InPlane);
                    ReadOnlySpan<T> cols = xg;
                    if (columns is not null)
                    {
                        Im2Col.Unfold(g, xg, columns.AsSpan(0, depth * plane));
                        cols = columns.AsSpan(0, depth * plane);
                    }

                    Gemm.Multiply(w.Slice(grp * ocg * depth, ocg * depth), cols, ys.Slice(grp * ocg * plane, ocg * plane),
                                  ocg, depth, plane, transA: false, transB: false, s.Accumulate);
                }

                if (s.B != null)
                {
                    var bias = new ReadOnlySpan<T>(s.B, g.OutChannels);
                    for (int c = 0; c < g.OutChannels; c++)
                    {
                        Span<T> p = ys.Slice(c * plane, plane);
                        TensorPrimitives.Add(p, bias[c], p);
                    }
                }
            }
        }
        finally
        {
            if (columns is not null)
            {
                ArrayPool<T>.Shared.Return(columns);
            }
        }
    }

    private static void BackwardShard<T>(Pointers<T> s, int worker, int start, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ConvGeometry g = s.Geometry;
        int ocg = g.GroupOutChannels, depth = g.Depth, plane = g.OutPlane;
        bool pointwise = IsPointwise(g);
        bool wantX = s.Dx != null, wantW = s.Dw != null;
        T[]? columns = pointwise || !wantW ? null : ArrayPool<T>.Shared.Rent(depth * plane);
        T[]? dcolumns = pointwise || !wantX ? null : ArrayPool<T>.Shared.Rent(depth * plane);
        try
        {
            var w = new ReadOnlySpan<T>(s.W, g.WeightLength);
            Span<T> dw = default;
            if (wantW)
            {
                dw = s.Partials != null ? new Span<T>(s.Partials + (long)worker * g.WeightLength, g.WeightLength) : new Span<T>(s.Dw, g.WeightLength);
                if (s.Partials != null)
                {
                    dw.Clear();
                }
            }

            for (int n = start; n < start + count; n++)
            {
                var xs = new ReadOnlySpan<T>(s.X + (long)n * g.InSample, g.InSample);
                var dys = new ReadOnlySpan<T>(s.Dy + (long)n * g.OutSample, g.OutSample);
                for (int grp = 0; grp < g.Groups; grp++)
                {
                    int inOffset = grp * g.GroupInChannels * g.InPlane, inLength = g.GroupInChannels * g.InPlane;
                    ReadOnlySpan<T> dyg = dys.Slice(grp * ocg * plane, ocg * plane);
                    ReadOnlySpan<T> wg = w.Slice(grp * ocg * depth, ocg * depth);
                    if (wantW)
                    {
                        ReadOnlySpan<T> cols = xs.Slice(inOffset, inLength);
                        if (columns is not null)
                        {
                            Im2Col.Unfold(g, cols, columns.AsSpan(0, depth * plane));
                            cols = columns.AsSpan(0, depth * plane);
                        }

                        // dW_g (ocg x depth) += dY_g (ocg x plane) colsᵀ (plane x depth).
                        Gemm.Multiply(dyg, cols, dw.Slice(grp * ocg * depth, ocg * depth), ocg, plane, depth,
                                      transA: false, transB: true, accumulate: true);
                    }

                    if (wantX)
                    {
                        var dxg = new Span<T>(s.Dx + (long)n * g.InSample + inOffset, inLength);
                        if (dcolumns is null)
                        {
                            // Pointwise: the columns are the input itself, so dX_g += W_gᵀ dY_g directly.
                            Gemm.Multiply(wg, dyg, dxg, depth, ocg, plane, transA: true, transB: false, accumulate: true);
                        }
                        else
                        {
                            Span<T> dcols = dcolumns.AsSpan(0, depth * plane);
                            Gemm.Multiply(wg, dyg, dcols, depth, ocg, plane, transA: true, transB: false, accumulate: false);
                            Im2Col.FoldAdd(g, dcols, dxg);
                        }
                    }
                }
            }
        }
        finally
        {
            if (columns is not null)
            {
                ArrayPool<T>.Shared.Return(columns);
            }

            if (dcolumns is not null)
            {
                ArrayPool<T>.Shared.Return(dcolumns);
            }
        }
    }

    /// <summary>The spans of one call as pointers (pinned by the caller), so the parallel workers can reach them.</summary>
    private readonly struct Pointers<T>(ConvGeometry geometry, T* x, T* w, T* b, T* y, T* dy, T* dx, T* dw, bool accumulate)
        where T : unmanaged
    {
        public ConvGeometry Geometry { get; } = geometry;

        public T* X { get; } = x;

        public T* W { get; } = w;

        /// <summary>Bias, or null for none.</summary>
        public T* B { get; } = b;

        public T* Y { get; } = y;

        public T* Dy { get; } = dy;

        /// <summary>Input shadow, or null when inactive.</summary>
        public T* Dx { get; } = dx;

        /// <summary>Weight shadow, or null when inactive.</summary>
        public T* Dw { get; } = dw;

        /// <summary>One weight-gradient buffer per worker when several run, else null.</summary>
        public T* Partials { get; init; }

        public bool Accumulate { get; } = accumulate;
    }
}
