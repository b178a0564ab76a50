using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using DiffGen.Optimizers;

namespace DiffGen.Training;

/// <summary>
/// The trainer's checkpoint file: parameters, optimizer state (in the optimizer's own versioned format), step and
/// epoch counters, the settings that decide the batch stream, the model state of
/// <see cref="TrainerOptions.CheckpointState"/> (from version 2) and the history. Little-endian, versioned; version 1
/// files (no model state) still load into trainers without model state.
/// </summary>
internal static class TrainingCheckpoint
{
    private const uint Magic = 0x43544744; // "DGTC"
    private const ushort Version = 2;

    public static void Write<T>(string path, Trainer<T> trainer) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write((byte)Marshal.SizeOf<T>());
                writer.Write(trainer.Options.Seed);
                writer.Write(trainer.Options.BatchSize);
                writer.Write(trainer.Options.Threads);
                writer.Write(trainer.Steps);
                writer.Write(trainer.Parameters.Count);
                foreach (var p in trainer.Parameters)
                {
                    writer.Write(p.Name);
                    writer.Write(p.Length);
                    writer.Write(MemoryMarshal.AsBytes(p.Data.AsSpan()));
                }

                using var state = new MemoryStream();
                trainer.Optimizer.SaveState(state);
                writer.Write(checked((int)state.Length));
                writer.Write(state.GetBuffer(), 0, (int)state.Length);

                using var model = new MemoryStream();
                trainer.Options.CheckpointState?.SaveState(model);
                writer.Write(trainer.Options.CheckpointState is not null);
                writer.Write(checked((int)model.Length));
                writer.Write(model.GetBuffer(), 0, (int)model.Length);

                writer.Write(trainer.History.Count);
                foreach (var report in trainer.History)
                {
                    writer.Write(report.Epoch);
                    writer.Write(report.TrainLoss);
                    writer.Write(report.SamplesPerSecond);
                    writer.Write(report.Metrics.Count);
                    foreach (var (name, value) in report.Metrics)
                    {
                        writer.Write(name);
                        writer.Write(value);
                    }
                }
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }

    public static void Read<T>(string path, Trainer<T> trainer) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No checkpoint at '{path}'.", path);
        using var file = File.OpenRead(path);
        using var reader = new BinaryReader(file, System.Text.Encoding.UTF8);
        try
        {
            Parse(reader, path, trainer);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"Checkpoint '{path}' is truncated.");
        }
    }

    private static void Parse<T>(BinaryReader reader, string path, Trainer<T> trainer) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (reader.ReadUInt32() != Magic) throw Bad(path, "it is not a DiffGen training checkpoint");
        ushort version = reader.ReadUInt16();
        if (version is < 1 or > Version) throw Bad(path, $"it has format version {version}; this build reads versions 1 to {Version}");
        int elementSize = reader.ReadByte();
        if (elementSize != Marshal.SizeOf<T>()) throw Bad(path, $"its parameters have {elementSize}-byte elements, this trainer's {Marshal.SizeOf<T>()}-byte ones");
        int seed = reader.ReadInt32(), batchSize = reader.ReadInt32();
        reader.ReadInt32(); // Thread count: another count still resumes, with different rounding of the combined gradient.
        if (seed != trainer.Options.Seed) throw Bad(path, $"it was written with seed {seed}, this trainer uses {trainer.Options.Seed}");
        if (batchSize != trainer.Options.BatchSize) throw Bad(path, $"it was written with batch size {batchSize}, this trainer uses {trainer.Options.BatchSize}");
        long steps = reader.ReadInt64();

        int count = reader.ReadInt32();
        if (count != trainer.Parameters.Count) throw Bad(path, $"it holds {count} parameters, this trainer has {trainer.Parameters.Count}");
        var values = new T[count][];
        for (int i = 0; i < count; i++)
        {
            var p = trainer.Parameters[i];
            string name = reader.ReadString();
            int length = reader.ReadInt32();
            if (name != p.Name || length != p.Length)
                throw Bad(path, $"parameter {i} is '{name}' of length {length}, this trainer's is '{p.Name}' of length {p.Length}");
            values[i] = new T[length];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values[i].AsSpan()));
        }

        int stateLength = reader.ReadInt32();
        if (stateLength < 0) throw Bad(path, "its optimizer state has a negative length");
        byte[] state = reader.ReadBytes(stateLength);
        if (state.Length != stateLength) throw new EndOfStreamException();

        bool hasModelState = version >= 2 && reader.ReadBoolean();
        byte[] modelState = [];
        if (version >= 2)
        {
            int modelLength = reader.ReadInt32();
            if (modelLength < 0) throw Bad(path, "its model state has a negative length");
            modelState = reader.ReadBytes(modelLength);
            if (modelState.Length != modelLength) throw new EndOfStreamException();
        }

        var target = trainer.Options.CheckpointState;
        if (hasModelState && target is null) throw Bad(path, "it holds model state (such as batch-norm running statistics) and this trainer has none to restore it into");
        if (!hasModelState && target is not null) throw Bad(path, "it holds no model state, and this trainer's model has some (such as batch-norm running statistics)");

        int epochs = reader.ReadInt32();
        if (epochs < 0) throw Bad(path, "its history has a negative length");
        var history = new List<EpochReport>(epochs);
        for (int e = 0; e < epochs; e++)
        {
            int epoch = reader.ReadInt32();
            double loss = reader.ReadDouble(), throughput = reader.ReadDouble();
            int metricCount = reader.ReadInt32();
            var metrics = new Dictionary<string, double>();
            for (int m = 0; m < metricCount; m++) metrics[reader.ReadString()] = reader.ReadDouble();
            history.Add(new EpochReport(epoch, loss, throughput, metrics));
        }

        // Everything parsed: the model state and the optimizer each validate theirs before changing anything; should
        // the optimizer refuse after the model state was restored, the model state goes back to what it was.
        if (target is not null)
        {
            using var previous = new MemoryStream();
            target.SaveState(previous);
            target.LoadState(new MemoryStream(modelState, writable: false));
            try
            {
                trainer.Optimizer.LoadState(new MemoryStream(state));
            }
            catch
            {
                target.LoadState(new MemoryStream(previous.ToArray(), writable: false));
                throw;
            }
        }
        else
        {
            trainer.Optimizer.LoadState(new MemoryStream(state));
        }

        for (int i = 0; i < count; i++) values[i].CopyTo(trainer.Parameters[i].Data, 0);
        trainer.Restore(steps, history);
    }

    private static InvalidDataException Bad(string path, string why) => new($"Checkpoint '{path}' cannot be restored: {why}.");
}
