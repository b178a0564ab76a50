using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class OptimizerStateSerializerTests
{
    private static byte[] Save<T>(Optimizer<T> o) where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        var ms = new MemoryStream();
        o.SaveState(ms);
        return ms.ToArray();
    }

    /// <summary>Train 5 steps, checkpoint, train 5 more; a fresh optimizer restored from the checkpoint on a copy of the
    /// parameters reaches bitwise the same parameters and state.</summary>
    [Theory]
    [MemberData(nameof(OptimizerCatalog.All), MemberType = typeof(OptimizerCatalog))]
    public void Resume_FromCheckpoint_IsBitIdentical(string name)
    {
        var ps = OptimizerCatalog.RandomParameters<float>(3, 37, 9);
        var o = OptimizerCatalog.Create(name, ps);
        for (int k = 0; k < 5; k++) { OptimizerCatalog.FillGradients(ps, k); o.Step(); }
        byte[] checkpoint = Save(o.Optimizer);
        var copy = ps.Select(p => new Parameter<float>(p.Data.ToArray(), p.Name)).ToArray();
        for (int k = 5; k < 10; k++) { OptimizerCatalog.FillGradients(ps, k); o.Step(); }

        var r = OptimizerCatalog.Create(name, copy);
        r.Optimizer.LoadState(new MemoryStream(checkpoint));
        for (int k = 5; k < 10; k++) { OptimizerCatalog.FillGradients(copy, k); r.Step(); }
        for (int i = 0; i < ps.Length; i++)
        {
            Assert.Equal(ps[i].Data, copy[i].Data);
            Assert.Equal(Save(o.Optimizer), Save(r.Optimizer));
        }
    }

    private static (Adam<double> Optimizer, Parameter<double> P, byte[] Before) Trained()
    {
        var p = new Parameter<double>([1.0, 2.0, 3.0], "w");
        var o = new Adam<double>([p], new AdamOptions { Lr = 0.1, Amsgrad = true });
        p.Grad[0] = 1; p.Grad[2] = -2;
        o.Step();
        return (o, p, Save(o));
    }

    private static void AssertRejected(byte[] file, string message)
    {
        var (o, _, before) = Trained();
        var ex = Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(file)));
        Assert.Contains(message, ex.Message);
        Assert.Equal(before, Save(o));
    }

    [Fact]
    public void Load_TruncatedFile_IsRejected_OptimizerUnchanged()
    {
        // Another optimizer's checkpoint (different state) cut at every length must never be accepted.
        var (other, p2, _) = Trained();
        p2.Grad[1] = 5;
        other.Step();
        byte[] full = Save(other);
        for (int n = 0; n < full.Length; n++)
        {
            var (o, _, before) = Trained();
            Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(full, 0, n)));
            Assert.Equal(before, Save(o));
        }
    }

    [Fact]
    public void Load_TruncatedHeader_SaysTruncated() => AssertRejected(Trained().Before[..5], "truncated");

    [Fact]
    public void Load_WrongVersion_IsRejected_OptimizerUnchanged()
    {
        var file = Trained().Before;
        file[4] = 2;
        AssertRejected(file, "Unsupported optimizer state version 2; this build reads version 1");
    }

    [Fact]
    public void Load_CorruptByte_IsRejectedByChecksum()
    {
        var file = Trained().Before;
        file[^20] ^= 0x40;
        AssertRejected(file, "checksum");
    }

    [Fact]
    public void Load_OtherOptimizer_IsRejected()
    {
        var p = new Parameter<double>([1.0, 2.0, 3.0], "w");
        var sgd = new Sgd<double>([p]);
        sgd.Step();
        AssertRejected(Save(sgd), "written by optimizer 'SGD', not 'Adam'");
    }

    [Fact]
    public void Load_OtherParameterLength_IsRejected()
    {
        var p = new Parameter<double>([1.0, 2.0], "w");
        var o = new Adam<double>([p], new AdamOptions { Amsgrad = true });
        o.Step();
        AssertRejected(Save(o), "has length 3, the state was saved for length 2");
    }

    [Fact]
    public void Load_OtherElementType_IsRejected()
    {
        var p = new Parameter<float>([1f, 2f, 3f], "w");
        var o = new Adam<float>([p], new AdamOptions { Amsgrad = true });
        o.Step();
        AssertRejected(Save(o), "4-byte elements");
    }

    [Fact]
    public void Load_NotAStateFile_IsRejected() => AssertRejected("hello, world"u8.ToArray(), "bad magic");
}
