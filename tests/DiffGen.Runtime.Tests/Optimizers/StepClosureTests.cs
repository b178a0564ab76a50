using System;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary><see cref="Optimizer{T}.Step(Func{double})"/>, the one entry point: the same trajectory as each optimizer's own step.</summary>
public class StepClosureTests
{
    /// <summary>For every element-wise optimizer, <c>Step(closure)</c> is the closure followed by <c>Step()</c>, bit for bit.</summary>
    [Theory]
    [MemberData(nameof(OptimizerCatalog.All), MemberType = typeof(OptimizerCatalog))]
    public void Elementwise_StepClosure_EqualsClosureThenStep(string name)
    {
        var viaClosure = OptimizerCatalog.RandomParameters<double>(3, 5, 17);
        var direct = OptimizerCatalog.RandomParameters<double>(3, 5, 17);
        Optimizer<double> closureOptimizer = OptimizerCatalog.Create(name, viaClosure).Optimizer;
        var directStep = OptimizerCatalog.Create(name, direct);
        for (int step = 0; step < 4; step++)
        {
            int calls = 0;
            double loss = closureOptimizer.Step(() =>
            {
                calls++;
                OptimizerCatalog.FillGradients(viaClosure, step);
                return step + 0.5;
            });
            OptimizerCatalog.FillGradients(direct, step);
            directStep.Step();
            Assert.Equal(1, calls);
            Assert.Equal(step + 0.5, loss);
        }

        for (int i = 0; i < direct.Length; i++) Assert.Equal(direct[i].Data, viaClosure[i].Data);
    }

    /// <summary>A non-finite loss from the closure leaves the parameters of an element-wise optimizer unchanged.</summary>
    [Fact]
    public void Elementwise_NonFiniteLoss_DoesNotStep()
    {
        var p = new Parameter<double>([1.0, -2.0], "w");
        Optimizer<double> sgd = new Sgd<double>([p], new SgdOptions { Lr = 0.1 });
        double loss = sgd.Step(() =>
        {
            p.Grad.AsSpan().Fill(1);
            return double.NaN;
        });
        Assert.True(double.IsNaN(loss));
        Assert.Equal([1.0, -2.0], p.Data);
    }

    /// <summary>Step-Tuned SGD through the base class evaluates twice and moves as its own two-gradient step does.</summary>
    [Fact]
    public void StepTuned_StepClosure_EqualsItsOwnStep()
    {
        static double Quadratic(Parameter<double> p, int step)
        {
            double loss = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double c = 0.3 * (i + 1) + 0.1 * step;
                p.Grad[i] = 2 * c * p.Data[i];
                loss += c * p.Data[i] * p.Data[i];
            }

            return loss;
        }

        var a = new Parameter<double>([1.0, -0.5, 2.0], "w");
        var b = new Parameter<double>([1.0, -0.5, 2.0], "w");
        Optimizer<double> viaBase = new StepTunedSgd<double>([a]);
        var own = new StepTunedSgd<double>([b]);
        for (int step = 0; step < 5; step++)
        {
            int calls = 0;
            double expectedLoss = 0;
            int s = step;
            double loss = viaBase.Step(() =>
            {
                calls++;
                return Quadratic(a, s);
            });
            own.Step(() =>
            {
                double value = Quadratic(b, s);
                if (expectedLoss == 0) expectedLoss = value;
            });
            Assert.Equal(2, calls);
            Assert.Equal(expectedLoss, loss);
        }

        Assert.Equal(b.Data, a.Data);
    }

    /// <summary>L-BFGS through the base class is its own closure step.</summary>
    [Fact]
    public void Lbfgs_StepThroughBase_Minimizes()
    {
        var p = new Parameter<double>([3.0, -4.0], "w");
        Optimizer<double> lbfgs = new Lbfgs<double>([p], new LbfgsOptions { Lr = 1, MaxIter = 20 });
        double first = lbfgs.Step(() =>
        {
            p.Grad[0] = 2 * p.Data[0];
            p.Grad[1] = 2 * p.Data[1];
            return p.Data.Sum(v => v * v);
        });
        Assert.Equal(25.0, first);
        Assert.All(p.Data, v => Assert.True(Math.Abs(v) < 1e-6, $"{v}"));
    }

    /// <summary><see cref="Optimizer{T}.Accept{TResult}"/> calls the visitor method of each kind of optimizer.</summary>
    [Fact]
    public void Accept_CallsTheVisitOfEachKind()
    {
        var p = new Parameter<double>([1.0], "w");
        var visitor = new KindName();
        Assert.Equal("elementwise Adam", new Adam<double>([p]).Accept(visitor));
        Assert.Equal("step-tuned", new StepTunedSgd<double>([p]).Accept(visitor));
        Assert.Equal("lbfgs", new Lbfgs<double>([p]).Accept(visitor));
        Assert.Equal("global-norm AdagradNorm", new AdagradNorm<double>([p]).Accept(visitor));
        Assert.Equal("global-norm AcceleGrad", new AcceleGrad<double>([p]).Accept(visitor));
    }

    private sealed class KindName : IOptimizerVisitor<double, string>
    {
        public string Visit<TOptions, TRule>(ElementwiseOptimizer<double, TOptions, TRule> optimizer)
            where TOptions : OptimizerOptions
            where TRule : struct, IElementRule => "elementwise " + optimizer.Name;

        public string Visit(StepTunedSgd<double> optimizer) => "step-tuned";

        public string Visit(Lbfgs<double> optimizer) => "lbfgs";

        public string Visit<TOptions, TMeasure, TUpdate>(GlobalNormOptimizer<double, TOptions, TMeasure, TUpdate> optimizer)
            where TOptions : OptimizerOptions
            where TMeasure : struct, IElementReductionRule
            where TUpdate : struct, IElementReductionRule => "global-norm " + optimizer.Name;
    }
}
