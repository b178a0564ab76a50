using System;
using DiffGen.RandomPrograms.Tests.Generation;
using DiffGen.RandomPrograms.Tests.Harness;
using Xunit;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// The harness puts an object's state at the end of the flat inputs and reads its Tangent back into
/// the same places, in every form (instance method of a class, static method taking a struct, generic
/// math): checked on f = x0·S0 + W[0]·W[1] (and a generic product) against the closed-form gradient.
/// </summary>
public class ObjectHarnessTests
{
    private const string Body = "x0 * {0}S0 + {0}W[0] * {0}W[1]";

    private static RandomFunction WithObject(ObjectForm form, bool isStruct)
    {
        string prefix = form == ObjectForm.Parameter ? "m." : "this.";
        string header = form == ObjectForm.Parameter ? "public static double F0(double x0, F0Model m)" : "public double F0(double x0)";
        string members = isStruct ? "    public double S0;\n    public double[] W;\n" : "    public double S0;\n    public double[] W = Array.Empty<double>();\n";
        return new RandomFunction("F0", $"    [Differentiable]\n    {header} => {string.Format(Body, prefix)};\n",
            Scalars: 1, Arrays: 0, ArrayLength: 2, HasData: false, HasCount: false, IsSmooth: true, Used: Construct.None,
            Callees: Array.Empty<string>(), CallDepth: 0,
            Object: new ObjectShape("F0Model", form, isStruct, IsRecord: false, Scalars: 1, HasArray: true, members));
    }

    [Theory]
    [InlineData(ObjectForm.Instance, false)]
    [InlineData(ObjectForm.Instance, true)]
    [InlineData(ObjectForm.Parameter, false)]
    [InlineData(ObjectForm.Parameter, true)]
    public void ObjectState_IsFlattenedAfterTheParameters(ObjectForm form, bool isStruct)
    {
        // p = (x0, S0, W[0], W[1]); the gradient is (S0, x0, W[1], W[0]).
        var f = Compile(WithObject(form, isStruct));
        double[] p = { 2, 3, 5, 7 };
        AssertDerivatives(f, p, new double[] { 3, 2, 7, 5 }, 2 * 3 + 5 * 7);
    }

    [Fact]
    public void GenericFunction_IsCheckedAtDouble()
    {
        var f = Compile(new RandomFunction("F0",
            "    [Differentiable]\n    public static T F0<T>(T x0, T[] a0) where T : IFloatingPointIeee754<T> => x0 * a0[1] + T.CreateChecked(0.5);\n",
            Scalars: 1, Arrays: 1, ArrayLength: 2, HasData: false, HasCount: false, IsSmooth: true, Used: Construct.None,
            Callees: Array.Empty<string>(), CallDepth: 0, Generic: true));
        AssertDerivatives(f, new double[] { 2, 3, 5 }, new double[] { 5, 0, 2 }, 10.5);
    }

    private static CompiledFunction Compile(RandomFunction function)
    {
        using var compiler = BatchCompiler.Compile(new[] { function });
        Assert.Empty(compiler.Failures);
        return Assert.Single(compiler.Compiled);
    }

    private static void AssertDerivatives(CompiledFunction f, double[] p, double[] gradient, double value)
    {
        Assert.Equal(value, f.Value((double[])p.Clone(), 0));
        var g = new double[p.Length];
        Assert.Equal(value, f.Gradient((double[])p.Clone(), 0, g));
        Assert.Equal(gradient, g);
        var pulled = new double[p.Length];
        Array.Fill(pulled, 1.0);
        f.Pullback((double[])p.Clone(), 0, 2.0, pulled);
        Assert.Equal(Array.ConvertAll(gradient, d => 1 + 2 * d), pulled);
        for (int k = 0; k < p.Length; k++)
        {
            var u = new double[p.Length];
            u[k] = 1;
            Assert.Equal(gradient[k], f.Tangent((double[])p.Clone(), 0, u, new double[1]));
        }
    }
}
