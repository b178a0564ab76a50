using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace DiffGen.Optimizers;

/// <summary>
/// DiffGen's optimizer checkpoint format, version 1 (little endian):
/// magic "DGOS", u16 version, string optimizer name, u8 element size, i64 skipped steps, i32 parameter count, then
/// per parameter (group order): i32 length, u8 has-state, and if set i64 step, i32 scalar count + (string key, f64),
/// i32 tensor count + (string key, i32 slot, raw elements); then i32 extra byte count + bytes; finally the
/// FNV-1a 64-bit hash of everything before it. Reading parses and checks the whole file before touching the optimizer.
/// </summary>
public static class OptimizerStateSerializer
{
    /// <summary>The format version this build writes and reads.</summary>
    public const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "DGOS"u8;

    /// <summary>Writes an optimizer's state.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="stream">Destination.</param>
    public static void Write<T>(Optimizer<T> optimizer, Stream stream) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(stream);
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(optimizer.Name);
            w.Write((byte)System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            w.Write(optimizer.SkippedSteps);
            var parameters = new List<Parameter<T>>(optimizer.Parameters);
            w.Write(parameters.Count);
            foreach (var p in parameters)
            {
                w.Write(p.Length);
                var s = optimizer.GetState(p);
                w.Write((byte)(s is null ? 0 : 1));
                if (s is null) continue;
                w.Write(s.Step);
                w.Write(s.Scalars.Length);
                for (int i = 0; i < s.Scalars.Length; i++)
                {
                    w.Write(s.ScalarNames[i]);
                    w.Write(s.Scalars[i]);
                }

                int count = 0;
                for (int i = 0; i < s.Slots.Length; i++) if (s.Slots[i] is not null && !s.Transient[i]) count++;
                w.Write(count);
                for (int i = 0; i < s.Slots.Length; i++)
                {
                    if (s.Slots[i] is not { } buffer || s.Transient[i]) continue;
                    w.Write(s.SlotNames[i]!);
                    w.Write(i);
                    w.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
                }
            }

            using var extra = new MemoryStream();
            using (var ew = new BinaryWriter(extra, Encoding.UTF8, leaveOpen: true)) optimizer.WriteExtra(ew);
            w.Write((int)extra.Length);
            w.Write(extra.GetBuffer(), 0, (int)extra.Length);
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        stream.Write(bytes);
        Span<byte> hash = stackalloc byte[8];
        BitConverter.TryWriteBytes(hash, Fnv1a(bytes));
        stream.Write(hash);
    }

    /// <summary>Reads and applies a state written by <see cref="Write{T}"/>; on any error throws
    /// <see cref="InvalidDataException"/> and leaves the optimizer unchanged.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="optimizer">The optimizer, constructed with the same parameters.</param>
    /// <param name="stream">Source.</param>
    public static void Read<T>(Optimizer<T> optimizer, Stream stream) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] all = copy.ToArray();
        try
        {
            Parse(optimizer, all).Invoke();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The optimizer state is truncated.", e);
        }
    }

    private static Action Parse<T>(Optimizer<T> optimizer, byte[] all) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (all.Length < Magic.Length + 2 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            if (all.Length < Magic.Length + 2) throw new InvalidDataException("The optimizer state is truncated.");
            throw new InvalidDataException("Not a DiffGen optimizer state (bad magic number).");
        }

        ushort version = BitConverter.ToUInt16(all, Magic.Length);
        if (version != Version)
            throw new InvalidDataException($"Unsupported optimizer state version {version}; this build reads version {Version}.");
        if (all.Length < Magic.Length + 2 + 8) throw new InvalidDataException("The optimizer state is truncated.");
        var body = all.AsSpan(0, all.Length - 8);
        ulong stored = BitConverter.ToUInt64(all, all.Length - 8);
        using var r = new BinaryReader(new MemoryStream(all, 0, all.Length - 8), Encoding.UTF8);
        r.ReadBytes(Magic.Length + 2);
        string name = r.ReadString();
        if (name != optimizer.Name)
            throw new InvalidDataException($"The state was written by optimizer '{name}', not '{optimizer.Name}'.");
        int size = r.ReadByte();
        if (size != System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
            throw new InvalidDataException($"The state holds {size}-byte elements, this optimizer uses {typeof(T).Name}.");
        long skipped = r.ReadInt64();
        var parameters = new List<Parameter<T>>();
        var groupOf = new List<int>();
        for (int g = 0; g < optimizer.ParamGroupCount; g++)
            foreach (var p in optimizer.GroupParameters(g)) { parameters.Add(p); groupOf.Add(g); }
        int count = r.ReadInt32();
        if (count != parameters.Count)
            throw new InvalidDataException($"The state holds {count} parameters, the optimizer has {parameters.Count}.");
        var states = new Dictionary<Parameter<T>, ParameterState<T>>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < count; k++)
        {
            var p = parameters[k];
            int length = r.ReadInt32();
            if (length != p.Length)
                throw new InvalidDataException($"Parameter {k} ('{p.Name}') has length {p.Length}, the state was saved for length {length}.");
            if (r.ReadByte() == 0) continue;
            var layout = optimizer.LayoutOf(groupOf[k]);
            var s = new ParameterState<T>(length, layout);
            s.Step = r.ReadInt64();
            int scalars = r.ReadInt32();
            if (scalars != s.Scalars.Length) throw new InvalidDataException($"Parameter {k}: expected {s.Scalars.Length} state scalars, found {scalars}.");
            for (int i = 0; i < scalars; i++)
            {
                string key = r.ReadString();
                if (key != s.ScalarNames[i]) throw new InvalidDataException($"Parameter {k}: unexpected state scalar '{key}'.");
                s.Scalars[i] = r.ReadDouble();
            }

            int tensors = r.ReadInt32();
            int expected = 0;
            for (int i = 0; i < s.Slots.Length; i++) if (s.Slots[i] is not null && !s.Transient[i]) expected++;
            if (tensors != expected) throw new InvalidDataException($"Parameter {k}: expected {expected} state tensors, found {tensors}.");
            for (int t = 0; t < tensors; t++)
            {
                string key = r.ReadString();
                int slot = r.ReadInt32();
                if (slot < 0 || slot >= s.Slots.Length || s.SlotNames[slot] != key || s.Transient[slot])
                    throw new InvalidDataException($"Parameter {k}: unexpected state tensor '{key}'.");
                var bytes = MemoryMarshal.AsBytes(s.Slots[slot]!.AsSpan());
                if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException();
            }

            states[p] = s;
        }

        int extraLength = r.ReadInt32();
        byte[] extra = r.ReadBytes(extraLength);
        if (extra.Length != extraLength) throw new EndOfStreamException();
        if (r.BaseStream.Position != r.BaseStream.Length)
            throw new InvalidDataException("The optimizer state has trailing bytes.");
        if (Fnv1a(body) != stored) throw new InvalidDataException("The optimizer state is corrupt (checksum mismatch).");
        using var er = new BinaryReader(new MemoryStream(extra), Encoding.UTF8);
        Action commitExtra = optimizer.ReadExtra(er);
        return () =>
        {
            optimizer.ReplaceStates(states, skipped);
            commitExtra();
        };
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in data)
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        return h;
    }
}
