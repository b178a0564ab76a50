using System;
using System.IO;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>
/// The checkpoint format of the finite-sum methods, version 1, in the <see cref="ChecksummedFile"/> envelope
/// (magic "DGFS"): string method name, i32 n, i32 d, i32 entry length, i64 iterations, i64 gradient
/// evaluations, 4 x u64 sampler state, then the method's own arrays and counters. The weights are not written
/// (they are the user's parameters, saved with the model, as in torch).
/// </summary>
internal static class FiniteSumState
{
    public const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "DGFS"u8;

    public static void Write(FiniteSumOptimizer optimizer, Stream stream)
        => ChecksummedFile.Write(stream, Magic, Version, w =>
        {
            w.Write(optimizer.Name);
            w.Write(optimizer.Problem.Count);
            w.Write(optimizer.Problem.Dimension);
            w.Write(optimizer.Problem.EntryLength);
            w.Write(optimizer.Iterations);
            w.Write(optimizer.GradientEvaluations);
            var (s0, s1, s2, s3) = optimizer.Sampler.State;
            w.Write(s0);
            w.Write(s1);
            w.Write(s2);
            w.Write(s3);
            optimizer.WriteMethodState(w);
        });

    public static void Read(FiniteSumOptimizer optimizer, Stream stream)
        => ChecksummedFile.Read(stream, Magic, Version, "finite-sum optimizer", r =>
        {
            string name = r.ReadString();
            if (name != optimizer.Name) throw new InvalidDataException($"Checkpoint was written by {name}, not {optimizer.Name}.");
            int n = r.ReadInt32(), d = r.ReadInt32(), e = r.ReadInt32();
            if (n != optimizer.Problem.Count || d != optimizer.Problem.Dimension || e != optimizer.Problem.EntryLength)
                throw new InvalidDataException($"Checkpoint is for {n} samples, dimension {d}, entries of {e}; this optimizer has " +
                    $"{optimizer.Problem.Count}, {optimizer.Problem.Dimension}, {optimizer.Problem.EntryLength}.");
            long iterations = r.ReadInt64(), evaluations = r.ReadInt64();
            var sampler = (r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64());
            Action commit = optimizer.ReadMethodState(r);
            return () =>
            {
                commit();
                optimizer.Restore(iterations, evaluations, sampler);
            };
        });

    public static void WriteArray(BinaryWriter w, ReadOnlySpan<double> values) => ChecksummedFile.WriteArray(w, values);

    /// <summary>Reads an array written by <see cref="WriteArray"/>, requiring <paramref name="length"/> values.</summary>
    public static double[] ReadArray(BinaryReader r, int length, string what) => ChecksummedFile.ReadArray(r, length, what);
}
