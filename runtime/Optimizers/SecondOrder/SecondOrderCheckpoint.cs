using System;
using System.IO;
using System.Text;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>
/// The checkpoint format of the second-order optimizers, version 1 (little endian): magic "DGSO", u16 version, string
/// method name, i32 dimension, the method's counters and arrays, then the FNV-1a 64-bit hash of everything before it.
/// The weights are not written (they are the user's parameters, saved with the model, as in torch). A file is parsed
/// whole before the optimizer changes.
/// </summary>
internal static class SecondOrderCheckpoint
{
    public const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "DGSO"u8;

    public static void Write(Stream stream, string name, int dimension, Action<BinaryWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(name);
            w.Write(dimension);
            body(w);
        }

        byte[] bytes = buffer.ToArray();
        stream.Write(bytes);
        stream.Write(BitConverter.GetBytes(Fnv1a(bytes)));
    }

    /// <summary>Checks header and hash, lets <paramref name="parse"/> read the body and commits what it returns.</summary>
    public static void Read(Stream stream, string name, int dimension, Func<BinaryReader, Action> parse)
    {
        byte[] all;
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            all = copy.ToArray();
        }

        if (all.Length < Magic.Length + 2 + 8 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("Not a DiffGen second-order optimizer checkpoint (bad magic or too short).");
        if (BitConverter.ToUInt64(all, all.Length - 8) != Fnv1a(all.AsSpan(0, all.Length - 8)))
            throw new InvalidDataException("Second-order optimizer checkpoint is corrupt (hash mismatch).");
        try
        {
            using var r = new BinaryReader(new MemoryStream(all, 0, all.Length - 8), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            ushort version = r.ReadUInt16();
            if (version != Version) throw new InvalidDataException($"Unsupported second-order checkpoint version {version} (this build reads {Version}).");
            string written = r.ReadString();
            if (written != name) throw new InvalidDataException($"Checkpoint was written by {written}, not {name}.");
            int n = r.ReadInt32();
            if (n != dimension) throw new InvalidDataException($"Checkpoint is for dimension {n}; this optimizer has {dimension}.");
            Action commit = parse(r);
            if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("Second-order checkpoint has trailing data.");
            commit();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Second-order optimizer checkpoint is truncated.", e);
        }
    }

    public static void WriteArray(BinaryWriter w, ReadOnlySpan<double> values)
    {
        w.Write(values.Length);
        foreach (double v in values) w.Write(v);
    }

    public static double[] ReadArray(BinaryReader r, int length, string what)
    {
        int n = r.ReadInt32();
        if (n != length) throw new InvalidDataException($"Checkpoint's {what} has {n} values, expected {length}.");
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = r.ReadDouble();
        return values;
    }

    public static long ReadCount(BinaryReader r, string what)
    {
        long v = r.ReadInt64();
        if (v < 0) throw new InvalidDataException($"Checkpoint's {what} is negative ({v}).");
        return v;
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
