using System;
using System.IO;
using System.Text;

namespace DiffGen.Optimizers;

/// <summary>
/// The binary envelope of the optimizers' own checkpoint formats (little endian): a 4-byte magic, a u16
/// version, the format's body, then the FNV-1a 64-bit hash of everything before it. A file is read whole,
/// its magic, hash and version checked and its body parsed before the caller commits anything, so a
/// corrupt, truncated or foreign file changes nothing.
/// </summary>
internal static class ChecksummedFile
{
    /// <summary>Writes magic, version, <paramref name="body"/> and the hash.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> magic, ushort version, Action<BinaryWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(magic);
            w.Write(version);
            body(w);
        }

        byte[] bytes = buffer.ToArray();
        stream.Write(bytes);
        stream.Write(BitConverter.GetBytes(Fnv1a(bytes)));
    }

    /// <summary>
    /// Checks magic, hash and version, lets <paramref name="parse"/> read the body (it returns the change to
    /// make), requires the body to be consumed exactly, then commits. <paramref name="what"/> names the
    /// format in messages ("finite-sum optimizer").
    /// </summary>
    public static void Read(Stream stream, ReadOnlySpan<byte> magic, ushort version, string what, Func<BinaryReader, Action> parse)
    {
        byte[] all;
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            all = copy.ToArray();
        }

        if (all.Length < magic.Length + 2 + 8 || !all.AsSpan(0, magic.Length).SequenceEqual(magic))
            throw new InvalidDataException($"Not a DiffGen {what} checkpoint (bad magic or too short).");
        if (BitConverter.ToUInt64(all, all.Length - 8) != Fnv1a(all.AsSpan(0, all.Length - 8)))
            throw new InvalidDataException($"The {what} checkpoint is corrupt (hash mismatch).");
        try
        {
            using var r = new BinaryReader(new MemoryStream(all, 0, all.Length - 8), Encoding.UTF8);
            r.ReadBytes(magic.Length);
            ushort written = r.ReadUInt16();
            if (written != version) throw new InvalidDataException($"Unsupported {what} checkpoint version {written} (this build reads {version}).");
            Action commit = parse(r);
            if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException($"The {what} checkpoint has trailing data.");
            commit();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The {what} checkpoint is truncated.", e);
        }
    }

    /// <summary>A length-prefixed array of doubles.</summary>
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

    /// <summary>Reads a count, which must not be negative.</summary>
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
