using System;
using System.Threading.Tasks;

namespace DiffGen;

/// <summary>
/// Splits a batch into contiguous shards of samples, one per worker, for the layer primitives
/// (convolution, pooling). Work under <see cref="ParallelWork"/> runs on the calling thread, and so does
/// every call made while <see cref="Gemm.ForcedThreads"/> is 1 (the data-parallel trainer already runs
/// one shard per core). Inside a worker the matrix products run on that worker's thread only.
/// </summary>
internal static class SampleParallel
{
    /// <summary>Multiply-adds (or element visits) from which a layer runs its samples in parallel.</summary>
    public const long ParallelWork = 1L << 20;

    /// <summary>How many workers a call over <paramref name="batch"/> samples and <paramref name="work"/> operations uses.</summary>
    public static int Workers(int batch, long work)
    {
        int threads = Gemm.ForcedThreads > 0 ? Gemm.ForcedThreads : Environment.ProcessorCount;
        return work < ParallelWork ? 1 : Math.Max(1, Math.Min(threads, batch));
    }

    /// <summary>The shard of worker <paramref name="k"/> of <paramref name="workers"/>: its first sample and sample count.</summary>
    public static (int Start, int Count) Shard(int batch, int workers, int k)
    {
        int size = batch / workers, extra = batch % workers;
        return (k * size + Math.Min(k, extra), size + (k < extra ? 1 : 0));
    }

    /// <summary>
    /// Runs <paramref name="body"/>(state, worker, first sample, sample count) for every shard: inline when
    /// there is one worker, otherwise in parallel with the matrix products of each worker kept on its thread.
    /// </summary>
    public static void Run<TState>(int batch, int workers, TState state, Action<TState, int, int, int> body)
    {
        if (workers <= 1)
        {
            body(state, 0, 0, batch);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, k =>
        {
            (int start, int count) = Shard(batch, workers, k);
            int saved = Gemm.ForcedThreads;
            Gemm.ForcedThreads = 1;
            try
            {
                body(state, k, start, count);
            }
            finally
            {
                Gemm.ForcedThreads = saved;
            }
        });
    }
}
