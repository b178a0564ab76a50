using System;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class ElementwiseOptimizerTests
{
    /// <summary>StepClipped (norm pass + coefficient applied inside the update) equals ClipByGlobalNorm then Step bitwise,
    /// and leaves the gradient buffers untouched.</summary>
    [Theory]
    [MemberData(nameof(OptimizerCatalog.All), MemberType = typeof(OptimizerCatalog))]
    public void StepClipped_EqualsClipThenStep_Bitwise(string name)
    {
        var a = OptimizerCatalog.RandomParameters<float>(8, 300, 17);
        var b = OptimizerCatalog.RandomParameters<float>(8, 300, 17);
        var oa = OptimizerCatalog.Create(name, a);
        var ob = OptimizerCatalog.Create(name, b);
        for (int k = 0; k < 4; k++)
        {
            OptimizerCatalog.FillGradients(a, k);
            OptimizerCatalog.FillGradients(b, k);
            var before = a.Select(p => p.Grad.ToArray()).ToArray();
            Assert.True(oa.StepClipped(2.0));
            double norm = GradientClipping.ClipByGlobalNorm(b, 2.0);
            Assert.True(ob.Step());
            Assert.Equal(norm, oa.LastGradientNorm());
            Assert.True(norm > 2.0);
            for (int i = 0; i < a.Length; i++)
            {
                Assert.Equal(b[i].Data, a[i].Data);
                Assert.Equal(before[i], a[i].Grad);
            }
        }
    }

    [Fact]
    public void StepClipped_SmallGradient_IsPlainStep()
    {
        var a = new Parameter<double>([1.0, 2.0]);
        var b = new Parameter<double>([1.0, 2.0]);
        a.Grad[0] = b.Grad[0] = 0.3;
        new Adam<double>([a]).StepClipped(10.0);
        new Adam<double>([b]).Step();
        Assert.Equal(b.Data, a.Data);
    }

    [Fact]
    public void StepClipped_NonFiniteGradient_SkipPolicy_Skips()
    {
        var a = new Parameter<double>([1.0, 2.0]);
        var o = new Sgd<double>([a], new SgdOptions { Lr = 0.1 }) { NonFiniteGradients = NonFiniteGradientPolicy.Skip };
        a.Grad[1] = double.PositiveInfinity;
        Assert.False(o.StepClipped(1.0));
        Assert.Equal([1.0, 2.0], a.Data);
        Assert.Equal(1, o.SkippedSteps);
    }

    [Fact]
    public void StepClipped_NegativeMaxNorm_Throws_NamingIt() =>
        Assert.Equal("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd<double>([new Parameter<double>([1.0])]).StepClipped(-1)).ParamName);
}
