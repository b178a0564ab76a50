using System;
using System.IO;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>
/// The checkpoint format of the second-order optimizers, version 1, in the <see cref="ChecksummedFile"/>
/// envelope (magic "DGSO"): string method name, i32 dimension, then the method's counters and arrays. The
/// weights are not written (they are the user's parameters, saved with the model, as in torch). A file is
/// parsed whole before the optimizer changes.
/// </summary>
internal static class SecondOrderCheckpoint
{
    public const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "DGSO"u8;

    public static void Write(Stream stream, string name, int dimension, Action<BinaryWriter> body)
        => ChecksummedFile.Write(stream, Magic, Version, w =>
        {
            w.Write(name);
            w.Write(dimension);
            body(w);
        });

    /// <summary>Checks header and hash, lets <paramref name="parse"/> read the body and commits what it returns.</summary>
    public static void Read(Stream stream, string name, int dimension, Func<BinaryReader, Action> parse)
        => ChecksummedFile.Read(stream, Magic, Version, "second-order optimizer", r =>
        {
            string written = r.ReadString();
            if (written != name) throw new InvalidDataException($"Checkpoint was written by {written}, not {name}.");
            int n = r.ReadInt32();
            if (n != dimension) throw new InvalidDataException($"Checkpoint is for dimension {n}; this optimizer has {dimension}.");
            return parse(r);
        });

    public static void WriteArray(BinaryWriter w, ReadOnlySpan<double> values) => ChecksummedFile.WriteArray(w, values);

    public static double[] ReadArray(BinaryReader r, int length, string what) => ChecksummedFile.ReadArray(r, length, what);

    public static long ReadCount(BinaryReader r, string what) => ChecksummedFile.ReadCount(r, what);
}
