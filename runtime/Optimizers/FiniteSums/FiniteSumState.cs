using System;
using System.IO;
using System.Text;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>
/// The checkpoint format of the finite-sum methods, version 1 (little endian): magic "DGFS", u16 version, string method
/// name, i32 n, i32 d, i32 entry length, i64 iterations, i64 gradient evaluations, 4 x u64 sampler state, then the
/// method's own arrays and counters, then the FNV-1a 64-bit hash of everything before it. The weights are not written
/// (they are the user's parameters, saved with the model, as in torch).
/// </summary>
internal static class FiniteSumState
{
    public const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "DGFS"u8;

    public static void Write(FiniteSumOptimizer optimizer, Stream stream)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
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
        }

        byte[] bytes = body.ToArray();
        stream.Write(bytes);
        stream.Write(BitConverter.GetBytes(Fnv1a(bytes)));
    }

    public static void Read(FiniteSumOptimizer optimizer, Stream stream)
    {
        byte[] all;
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            all = copy.ToArray();
        }

        if (all.Length < Magic.Length + 2 + 8 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("Not a DiffGen finite-sum optimizer checkpoint (bad magic or too short).");
        var body = all.AsSpan(0, all.Length - 8);
        if (BitConverter.ToUInt64(all, all.Length - 8) != Fnv1a(body))
            throw new InvalidDataException("Finite-sum optimizer checkpoint is corrupt (hash mismatch).");
        try
        {
            using var r = new BinaryReader(new MemoryStream(all, 0, all.Length - 8), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            ushort version = r.ReadUInt16();
            if (version != Version) throw new InvalidDataException($"Unsupported finite-sum checkpoint version {version} (this build reads {Version}).");
            string name = r.ReadString();
            if (name != optimizer.Name) throw new InvalidDataException($"Checkpoint was written by {name}, not {optimizer.Name}.");
            int n = r.ReadInt32(), d = r.ReadInt32(), e = r.ReadInt32();
            if (n != optimizer.Problem.Count || d != optimizer.Problem.Dimension || e != optimizer.Problem.EntryLength)
                throw new InvalidDataException($"Checkpoint is for {n} samples, dimension {d}, entries of {e}; this optimizer has " +
                    $"{optimizer.Problem.Count}, {optimizer.Problem.Dimension}, {optimizer.Problem.EntryLength}.");
            long iterations = r.ReadInt64(), evaluations = r.ReadInt64();
            var sampler = (r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64());
            Action commit = optimizer.ReadMethodState(r);
            if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("Finite-sum checkpoint has trailing data.");
            commit();
            optimizer.Restore(iterations, evaluations, sampler);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Finite-sum optimizer checkpoint is truncated.", e);
        }
    }

    public static void WriteArray(BinaryWriter w, ReadOnlySpan<double> values)
    {
        w.Write(values.Length);
        foreach (double v in values) w.Write(v);
    }

    /// <summary>Reads an array written by <see cref="WriteArray"/>, requiring <paramref name="length"/> values.</summary>
    public static double[] ReadArray(BinaryReader r, int length, string what)
    {
        int n = r.ReadInt32();
        if (n != length) throw new InvalidDataException($"Checkpoint's {what} has {n} values, expected {length}.");
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = r.ReadDouble();
        return values;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        return h;
    }
}
