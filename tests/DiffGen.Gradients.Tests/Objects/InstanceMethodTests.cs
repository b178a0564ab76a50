using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>
/// Instance [Differentiable] methods of classes, structs and records: the gradient with respect to the
/// object's state (in its generated Tangent, or in Parameter.Grad) against central differences taken by
/// perturbing the state through reflection, and forward mode against reverse mode (&lt;grad, u&gt; = tangent).
/// </summary>
public class InstanceMethodTests
{
    private const double Step = 1e-6;

    /// <summary>Central differences of <paramref name="value"/> in every element of the object's state.</summary>
    private static double[] StateDifferences(object box, Func<object, double> value)
    {
        var probe = new StateProbe(box.GetType());
        var state = probe.Read(box);
        var differences = new double[state.Length];
        for (int k = 0; k < state.Length; k++)
        {
            probe.Write(box, k, state[k] + Step);
            double plus = value(box);
            probe.Write(box, k, state[k] - Step);
            double minus = value(box);
            probe.Write(box, k, state[k]);
            differences[k] = (plus - minus) / (2 * Step);
        }
        return differences;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * (1 + Math.Abs(expected[k])), $"element {k}: expected {expected[k]}, got {actual[k]}");
    }

    private static double[] Direction(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    private static double DotOf(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static void AssertRelative(double expected, double actual, double tolerance = 1e-10)
        => Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected}, got {actual}");

    [Fact]
    public void ClassWithScalarFields_GradientInTangent_MatchesDifferencesAndClosedForm()
    {
        var model = new LineFit { Slope = 0.8, Intercept = -0.3 };
        double[] x = { 0.5, 1.5, -2.0, 3.25 }, y = { 1.0, 0.2, -1.1, 2.0 };
        var gradient = new LineFit.Tangent(model);
        double value = model.LossGradient(x, y, gradient);
        Assert.Equal(model.Loss(x, y), value);

        double slope = 0, intercept = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double residual = model.Slope * x[i] + model.Intercept - y[i];
            slope += 2 * residual * x[i] / x.Length;
            intercept += 2 * residual / x.Length;
        }
        AssertRelative(slope, gradient.Slope, 1e-12);
        AssertRelative(intercept, gradient.Intercept, 1e-12);
        AssertClose(StateDifferences(model, m => ((LineFit)m).Loss(x, y)), new[] { gradient.Slope, gradient.Intercept });

        var direction = new LineFit.Tangent(model) { Slope = 0.3, Intercept = -1.2 };
        var (tangentValue, tangent) = model.LossTangent(x, y, direction);
        Assert.Equal(value, tangentValue);
        AssertRelative(DotOf(new[] { gradient.Slope, gradient.Intercept }, new[] { 0.3, -1.2 }), tangent);
    }

    [Fact]
    public void ClassTangent_IsAccumulated_AndPullbackScalesBySeed()
    {
        var model = new LineFit { Slope = 1.1, Intercept = 0.4 };
        double[] x = { 1.0, 2.0 }, y = { 0.5, -0.5 };
        var once = new LineFit.Tangent(model);
        model.LossGradient(x, y, once);
        var twice = new LineFit.Tangent(model);
        model.LossGradient(x, y, twice);
        model.LossGradient(x, y, twice);
        Assert.Equal(2 * once.Slope, twice.Slope, 12);
        var pulled = new LineFit.Tangent(model);
        model.LossPullback(x, y, -3.0, pulled);
        Assert.Equal(-3 * once.Intercept, pulled.Intercept, 12);
    }

    [Fact]
    public void ArrayAutoProperty_AndDifferentiableArgument_MatchDifferences()
    {
        var model = new Polynomial(new[] { 0.5, -1.25, 0.75, 0.2 });
        double x = 0.9;
        var gradient = new Polynomial.Tangent(model);
        model.EvaluateGradient(x, out double dx, gradient);
        Assert.Equal(model.Coefficients.Length, gradient.Coefficients.Length);
        AssertClose(StateDifferences(model, m => ((Polynomial)m).Evaluate(x)), gradient.Coefficients);
        AssertRelative((model.Evaluate(x + Step) - model.Evaluate(x - Step)) / (2 * Step), dx, 1e-7);

        var u = Direction(4, 1);
        var direction = new Polynomial.Tangent(model);
        u.CopyTo(direction.Coefficients, 0);
        var (_, tangent) = model.EvaluateTangent(x, 0.7, direction);
        AssertRelative(DotOf(gradient.Coefficients, u) + 0.7 * dx, tangent);
    }

    [Fact]
    public void Struct_GradientReturnsAFreshTangentThroughOut()
    {
        var body = new Body { Mass = 2.5, Velocity = -1.4 };
        double dt = 0.3;
        double value = body.ActionGradient(dt, out double ddt, out Body.Tangent gradient);
        Assert.Equal(body.Action(dt), value);
        AssertRelative(0.5 * body.Velocity * body.Velocity * dt - 9.81 * dt * dt, gradient.Mass, 1e-12);
        AssertRelative(body.Mass * body.Velocity * dt, gradient.Velocity, 1e-12);
        AssertRelative(0.5 * body.Mass * body.Velocity * body.Velocity - 2 * body.Mass * 9.81 * dt, ddt, 1e-12);
        object box = body;
        AssertClose(StateDifferences(box, b => ((Body)b).Action(dt)), new[] { gradient.Mass, gradient.Velocity });

        var (_, tangent) = body.ActionTangent(dt, -0.5, new Body.Tangent(0.2, 0.9));
        AssertRelative(0.2 * gradient.Mass + 0.9 * gradient.Velocity - 0.5 * ddt, tangent);
    }

    [Fact]
    public void PositionalRecord_AndReadonlyRecordStruct_MatchDifferences()
    {
        var spring = new Spring(3.0, 1.2);
        var springGradient = new Spring.Tangent(spring);
        spring.PotentialGradient(1.9, out double dx, springGradient);
        AssertClose(StateDifferences(spring, s => ((Spring)s).Potential(1.9)), new[] { springGradient.Stiffness, springGradient.RestLength });
        AssertRelative(3.0 * (1.9 - 1.2), dx, 1e-12);

        var point = new Point2(0.4, -1.3);
        point.DistanceToGradient(2.0, 0.5, out double px, out double py, out Point2.Tangent pointGradient);
        object box = point;
        AssertClose(StateDifferences(box, p => ((Point2)p).DistanceTo(2.0, 0.5)), new[] { pointGradient.X, pointGradient.Y });
        AssertRelative(-pointGradient.X, px, 1e-12);
        AssertRelative(-pointGradient.Y, py, 1e-12);
    }

    [Fact]
    public void StructWithArray_TangentHasTheArraysLength_NoDerivativeMemberLeftOut()
    {
        var signal = new Signal { Samples = new[] { 0.3, -0.8, 1.1, 0.05, -0.4 }, Gain = 1.7, Offset = 0.25 };
        signal.EnergyGradient(out Signal.Tangent gradient);
        Assert.Equal(5, gradient.Samples.Length);
        Assert.Null(typeof(Signal.Tangent).GetField("Offset"));
        object box = signal;
        var probe = new StateProbe(typeof(Signal));
        AssertClose(StateDifferences(box, s => ((Signal)s).Energy()), probe.ReadDerivative(signal, gradient, parameterGrads: false));
    }

    [Fact]
    public void ParameterModel_NeedsNoShadow_AccumulatesIntoGrad_AndListsItsParameters()
    {
        var mlp = new TinyMlp(inputs: 3, hidden: 4, new Random(7));
        var x = Direction(3 * 5, 2);
        var targets = Direction(5, 3);
        var dx = new double[x.Length];
        double value = mlp.LossGradient(x, targets, 5, dx);
        Assert.Equal(mlp.Loss(x, targets, 5), value);

        Assert.Equal(new[] { mlp.W1, mlp.B1, mlp.W2 }, mlp.TrainableParameters());
        var probe = new StateProbe(typeof(TinyMlp));
        var gradient = probe.ReadDerivative(mlp, null, parameterGrads: true);
        AssertClose(StateDifferences(mlp, m => ((TinyMlp)m).Loss(x, targets, 5)), gradient);

        // backward() twice adds twice; ZeroGrad starts over.
        mlp.LossGradient(x, targets, 5, new double[x.Length]);
        AssertClose(gradient.Select(g => 2 * g).ToArray(), probe.ReadDerivative(mlp, null, parameterGrads: true), 1e-12);

        // The Tangent form (one per data-parallel worker) gets what the Grad form added once.
        var perWorker = new TinyMlp.Tangent(mlp);
        mlp.LossGradient(x, targets, 5, new double[x.Length], perWorker);
        AssertClose(gradient, probe.ReadDerivative(mlp, perWorker, parameterGrads: false), 1e-12);

        // Forward mode takes the parameters' direction in the Tangent.
        var u = Direction(gradient.Length, 4);
        var direction = new TinyMlp.Tangent(mlp);
        probe.WriteDirection(direction, u);
        var tx = Direction(x.Length, 5);
        var (_, tangent) = mlp.LossTangent(x, targets, 5, tx, direction);
        AssertRelative(DotOf(gradient, u) + DotOf(dx, tx), tangent);
    }

    [Fact]
    public void FloatParameterModel_ReadsData_GradientsInGradAndTangent()
    {
        var neuron = new FloatNeuron();
        float[] x = { 0.9f, -0.4f, 1.3f };
        var gradient = new FloatNeuron.Tangent(neuron);
        neuron.OutputGradient(x, gradient);
        var probe = new StateProbe(typeof(FloatNeuron));
        var differences = StateDifferencesInDouble(neuron, x);
        AssertClose(differences, probe.ReadDerivative(neuron, gradient, parameterGrads: false), 1e-5);
    }

    // A float model's differences, taken on a double copy of the same arithmetic.
    private static double[] StateDifferencesInDouble(FloatNeuron neuron, float[] x)
    {
        double F(double[] w, double b)
        {
            double pre = b;
            for (int i = 0; i < w.Length; i++) pre += w[i] * x[i];
            return pre > 0 ? pre * pre : 0.5 * pre;
        }
        var w = neuron.Weights.Data.Select(v => (double)v).ToArray();
        var result = new double[w.Length + 1];
        for (int k = 0; k <= w.Length; k++)
        {
            double[] plus = (double[])w.Clone(), minus = (double[])w.Clone();
            double bPlus = neuron.Bias, bMinus = neuron.Bias;
            if (k < w.Length) { plus[k] += Step; minus[k] -= Step; } else { bPlus += Step; bMinus -= Step; }
            result[k] = (F(plus, bPlus) - F(minus, bMinus)) / (2 * Step);
        }
        return result;
    }

    [Fact]
    public void MixedState_WholeDerivativeInTheTangent_GradUntouched()
    {
        var model = new TemperedSoftmax();
        var gradient = new TemperedSoftmax.Tangent(model);
        model.LogSumExpGradient(gradient);
        var probe = new StateProbe(typeof(TemperedSoftmax));
        AssertClose(StateDifferences(model, m => ((TemperedSoftmax)m).LogSumExp()), probe.ReadDerivative(model, gradient, parameterGrads: false));
        // With a Tangent argument, the Parameter's gradient goes there, not into its Grad.
        Assert.All(model.Logits.Grad, g => Assert.Equal(0.0, g));
    }

    [Theory]
    [InlineData(1.0, 0.5, 2.0)]
    [InlineData(-1.0, 0.5, -2.0)]
    public void StatePassedToAStaticHelper_BothBranches_MatchDifferences(double f0, double f1, double f2)
    {
        var model = new Regressor();
        double[] features = { f0, f1, f2 };
        var gradient = new Regressor.Tangent(model);
        var dfeatures = new double[3];
        model.PredictGradient(features, dfeatures, gradient);
        var probe = new StateProbe(typeof(Regressor));
        var reverse = probe.ReadDerivative(model, gradient, parameterGrads: false);
        AssertClose(StateDifferences(model, m => ((Regressor)m).Predict(features)), reverse);

        var u = Direction(reverse.Length, 6);
        var direction = new Regressor.Tangent(model);
        probe.WriteDirection(direction, u);
        var tf = Direction(3, 8);
        var (_, tangent) = model.PredictTangent(features, tf, direction);
        AssertRelative(DotOf(reverse, u) + DotOf(dfeatures, tf), tangent);
    }

    [Fact]
    public void TangentAlgebra_AddsScalesAndDots()
    {
        var model = new Polynomial(new[] { 1.0, 2.0 });
        var a = new Polynomial.Tangent(new[] { 1.0, -2.0 });
        var b = new Polynomial.Tangent(new[] { 0.5, 4.0 });
        Assert.Equal(new[] { 1.5, 2.0 }, (a + b).Coefficients);
        Assert.Equal(new[] { -2.0, 4.0 }, (-2.0 * a).Coefficients);
        Assert.Equal(1.0 * 0.5 + -2.0 * 4.0, a.Dot(b));
        Assert.Equal(new[] { 0.0, 0.0 }, new Polynomial.Tangent(model).Coefficients);
        Assert.Throws<ArgumentException>(() => a + new Polynomial.Tangent(new[] { 1.0 }));
    }

    [Fact]
    public void TangentOfAnotherShape_Throws_NamingIt()
    {
        var model = new Polynomial(new[] { 1.0, 2.0, 3.0 });
        var wrong = new Polynomial.Tangent(new double[2]);
        var error = Assert.Throws<ArgumentException>(() => model.EvaluateGradient(0.5, out _, wrong));
        Assert.Contains("Coefficients", error.Message);
    }

    [Theory]
    [InlineData(0.3, -0.6, 1.2, 0.5)]
    [InlineData(-1.1, 0.2, 0.7, -0.4)]
    public void InstanceMethodsCallingEachOther_MatchDifferences_AndForwardMode(double x0, double x1, double x2, double target)
    {
        var model = new TwoStage();
        double[] x = { x0, x1, x2 };
        var gradient = new TwoStage.Tangent(model);
        var dx = new double[3];
        double value = model.LossGradient(x, target, dx, gradient);
        Assert.Equal(model.Loss(x, target), value, 14);
        var probe = new StateProbe(typeof(TwoStage));
        var reverse = probe.ReadDerivative(model, gradient, parameterGrads: false);
        AssertClose(StateDifferences(model, m => ((TwoStage)m).Loss(x, target)), reverse);
        for (int i = 0; i < 3; i++)
        {
            double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
            plus[i] += Step;
            minus[i] -= Step;
            AssertRelative((model.Loss(plus, target) - model.Loss(minus, target)) / (2 * Step), dx[i], 1e-7);
        }

        var u = Direction(reverse.Length, 9);
        var direction = new TwoStage.Tangent(model);
        probe.WriteDirection(direction, u);
        var tx = Direction(3, 10);
        var (_, tangent) = model.LossTangent(x, target, tx, direction);
        AssertRelative(DotOf(reverse, u) + DotOf(dx, tx), tangent);
    }

    [Fact]
    public void ComputedProperties_AreDifferentiatedThroughTheirBodies()
    {
        var pendulum = new Pendulum { Length = 1.3, Mass = 0.8 };
        double omega = 2.1;
        pendulum.EnergyGradient(omega, out double domega, out Pendulum.Tangent gradient);
        object box = pendulum;
        AssertClose(StateDifferences(box, p => ((Pendulum)p).Energy(omega)), new[] { gradient.Length, gradient.Mass });
        AssertRelative(pendulum.Inertia * omega, domega, 1e-12);
        // Closed form: d/dLength of (0.5 m L^2 w^2 + 2 pi sqrt(L / g)).
        AssertRelative(pendulum.Mass * pendulum.Length * omega * omega + Math.PI / Math.Sqrt(9.81 * pendulum.Length), gradient.Length, 1e-12);
    }

    [Fact]
    public void StructParameter_GetsAnOutTangent_InParameterOrder()
    {
        var body = new Body { Mass = 1.7, Velocity = 0.6 };
        double value = Physics.ActionGradient(body, 0.25, out Body.Tangent dbody, out double ddt);
        Assert.Equal(Physics.Action(body, 0.25), value);
        object box = body;
        AssertClose(StateDifferences(box, b => Physics.Action((Body)b, 0.25)), new[] { dbody.Mass, dbody.Velocity });
        AssertRelative((Physics.Action(body, 0.25 + Step) - Physics.Action(body, 0.25 - Step)) / (2 * Step), ddt, 1e-7);

        var (_, tangent) = Physics.ActionTangent(body, 0.25, new Body.Tangent(-0.3, 0.8), 0.5);
        AssertRelative(-0.3 * dbody.Mass + 0.8 * dbody.Velocity + 0.5 * ddt, tangent);
    }

    [Fact]
    public void ParameterObjects_MethodCallsAndComputedProperties_MatchDifferences()
    {
        var pendulum = new Pendulum { Length = 0.9, Mass = 1.4 };
        Physics.SwingGradient(pendulum, 1.7, out Pendulum.Tangent dp, out double domega);
        object box = pendulum;
        AssertClose(StateDifferences(box, p => Physics.Swing((Pendulum)p, 1.7)), new[] { dp.Length, dp.Mass });
        AssertRelative((Physics.Swing(pendulum, 1.7 + Step) - Physics.Swing(pendulum, 1.7 - Step)) / (2 * Step), domega, 1e-7);
    }

    [Fact]
    public void ClassParameter_TangentIsAccumulated()
    {
        var model = new LineFit { Slope = -0.4, Intercept = 0.9 };
        double[] x = { 0.1, 0.7, 1.9 }, y = { 0.3, -0.2, 1.0 };
        var dmodel = new LineFit.Tangent(model);
        Physics.FitGradient(model, x, y, 1.5, dmodel, out double dweight);
        AssertClose(StateDifferences(model, m => Physics.Fit((LineFit)m, x, y, 1.5)), new[] { dmodel.Slope, dmodel.Intercept });
        AssertRelative(model.Loss(x, y), dweight, 1e-12);
        double once = dmodel.Slope;
        Physics.FitGradient(model, x, y, 1.5, dmodel, out _);
        Assert.Equal(2 * once, dmodel.Slope, 12);
        Assert.Throws<ArgumentNullException>(() => Physics.FitGradient(model, x, y, 1.5, null!, out _));
    }

    [Fact]
    public void NestedLayerObjects_GradientThroughTheirMethods_MatchesDifferences()
    {
        var net = new LayeredNet(new Random(11));
        var x = new[] { 0.4, -1.2, 0.9 };
        var target = new[] { 0.3, -0.5 };
        var probe = new StateProbe(typeof(LayeredNet));
        Assert.Equal(new[] { "Hidden.W", "Hidden.B", "Output.W", "Output.B" }, probe.Names);

        var gradient = new LayeredNet.Tangent(net);
        var dx = new double[3];
        double value = net.LossGradient(x, target, dx, gradient);
        Assert.Equal(net.Loss(x, target), value, 14);
        var reverse = probe.ReadDerivative(net, gradient, parameterGrads: false);
        AssertClose(StateDifferences(net, n => ((LayeredNet)n).Loss(x, target)), reverse);

        // The .Grad form reaches the nested layers' parameters; TrainableParameters lists them in order.
        net.LossGradient(x, target, new double[3]);
        AssertClose(reverse, probe.ReadDerivative(net, null, parameterGrads: true), 1e-12);
        Assert.Equal(new[] { net.Hidden.W, net.Hidden.B, net.Output.W, net.Output.B }, net.TrainableParameters());

        var u = Direction(reverse.Length, 12);
        var direction = new LayeredNet.Tangent(net);
        probe.WriteDirection(direction, u);
        var tx = Direction(3, 13);
        var (_, tangent) = net.LossTangent(x, target, tx, direction);
        AssertRelative(DotOf(reverse, u) + DotOf(dx, tx), tangent);
        AssertRelative(direction.Dot(direction), DotOf(u, u));
    }

    [Fact]
    public void ObjectsPassedOnToStaticMethods_MatchDifferences()
    {
        var first = new Body { Mass = 1.3, Velocity = 0.7 };
        var second = new Body { Mass = 0.6, Velocity = -1.1 };
        Composition.TwoBodiesGradient(first, second, 0.2, out Body.Tangent d1, out Body.Tangent d2, out double ddt);
        object box1 = first, box2 = second;
        AssertClose(StateDifferences(box1, b => Composition.TwoBodies((Body)b, second, 0.2)), new[] { d1.Mass, d1.Velocity });
        AssertClose(StateDifferences(box2, b => Composition.TwoBodies(first, (Body)b, 0.2)), new[] { d2.Mass, d2.Velocity });
        AssertRelative((Composition.TwoBodies(first, second, 0.2 + Step) - Composition.TwoBodies(first, second, 0.2 - Step)) / (2 * Step), ddt, 1e-7);

        var model = new LineFit { Slope = 0.9, Intercept = -0.4 };
        double[] x = { 0.2, 1.4, -0.7 }, y = { 0.5, 0.1, -0.3 };
        var gradient = new LineFit.Tangent(model);
        model.RegularizedGradient(x, y, 1.7, out double dweight, gradient);
        AssertClose(StateDifferences(model, m => ((LineFit)m).Regularized(x, y, 1.7)), new[] { gradient.Slope, gradient.Intercept });
        AssertRelative((model.Regularized(x, y, 1.7 + Step) - model.Regularized(x, y, 1.7 - Step)) / (2 * Step), dweight, 1e-7);
    }

    [Fact]
    public void VectorsPassedOnToStaticMethods_MatchForwardModeAndDifferences()
    {
        var a = new System.Numerics.Vector3(0.4f, -0.9f, 1.2f);
        var b = new System.Numerics.Vector3(-0.3f, 0.5f, 0.2f);
        Composition.ChainGradient(a, b, out var da, out var db);
        float h = 1e-2f;
        float Fx(float v) => Composition.Chain(new System.Numerics.Vector3(v, a.Y, a.Z), b);
        AssertRelative((Fx(a.X + h) - Fx(a.X - h)) / (2 * h), da.X, 3e-3);
        var (_, tangent) = Composition.ChainTangent(a, b, new System.Numerics.Vector3(0.3f, 0.2f, -0.4f), new System.Numerics.Vector3(-0.1f, 0.6f, 0.5f));
        double dot = System.Numerics.Vector3.Dot(da, new System.Numerics.Vector3(0.3f, 0.2f, -0.4f)) + System.Numerics.Vector3.Dot(db, new System.Numerics.Vector3(-0.1f, 0.6f, 0.5f));
        AssertRelative(dot, tangent, 1e-5);
    }

    [Fact]
    public void VectorMembers_TangentHoldsVectors_MatchesFloatDifferencesAndForwardMode()
    {
        var particle = new Particle();
        var gradient = new Particle.Tangent(particle);
        particle.StepGradient(0.3f, out float ddt, gradient);
        var probe = new StateProbe(typeof(Particle));
        Assert.Equal(new[] { "Position.X", "Position.Y", "Position.Z", "Velocity.X", "Velocity.Y", "Velocity.Z", "Mass" }, probe.Names);
        var reverse = probe.ReadDerivative(particle, gradient, parameterGrads: false);
        var state = probe.Read(particle);
        const double h = 1e-2;
        for (int k = 0; k < state.Length; k++)
        {
            probe.Write(particle, k, state[k] + h);
            double plus = particle.Step(0.3f);
            probe.Write(particle, k, state[k] - h);
            double minus = particle.Step(0.3f);
            probe.Write(particle, k, state[k]);
            AssertRelative((plus - minus) / (2 * h), reverse[k], 3e-3);
        }

        var direction = new Particle.Tangent(particle)
        {
            Position = new System.Numerics.Vector3(0.2f, -0.5f, 0.1f),
            Velocity = new System.Numerics.Vector3(0.3f, 0.4f, -0.6f),
            Mass = 0.7f,
        };
        var (_, tangent) = particle.StepTangent(0.3f, 0.9f, direction);
        double dot = System.Numerics.Vector3.Dot(gradient.Position, direction.Position) + System.Numerics.Vector3.Dot(gradient.Velocity, direction.Velocity)
                     + (double)gradient.Mass * direction.Mass + 0.9 * ddt;
        AssertRelative(dot, tangent, 1e-5);
        AssertRelative((double)System.Numerics.Vector3.Dot(direction.Position, direction.Position) + System.Numerics.Vector3.Dot(direction.Velocity, direction.Velocity) + 0.49, direction.Dot(direction), 1e-6);
    }
}
