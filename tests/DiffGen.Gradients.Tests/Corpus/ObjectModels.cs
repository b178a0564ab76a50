using System;
using DiffGen.Optimizers;

namespace DiffGen.Gradients.Tests.Corpus;

// Models written as C# developers write them: classes, structs and records with fields and
// auto-properties, and an instance [Differentiable] method reading that state.

/// <summary>A line fitted to data: two scalar fields, data that carries no derivative.</summary>
public partial class LineFit
{
    public double Slope;
    public double Intercept;

    [Differentiable]
    public double Loss([NoDerivative] double[] x, [NoDerivative] double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double residual = Slope * x[i] + Intercept - y[i];
            sum += residual * residual;
        }
        return sum / x.Length;
    }
}

/// <summary>A polynomial whose coefficients are an array auto-property; the point is differentiable too.</summary>
public partial class Polynomial
{
    public Polynomial(double[] coefficients) => Coefficients = coefficients;

    public double[] Coefficients { get; }

    [Differentiable]
    public double Evaluate(double x)
    {
        double value = 0;
        for (int i = Coefficients.Length - 1; i >= 0; i--) value = value * x + Coefficients[i];
        return value;
    }
}

/// <summary>A struct with scalar fields; its gradient returns a fresh tangent through out.</summary>
public partial struct Body
{
    public double Mass;
    public double Velocity;

    [Differentiable]
    public double Action(double dt) => 0.5 * Mass * Velocity * Velocity * dt - Mass * 9.81 * dt * dt;
}

/// <summary>A positional record: its properties are auto-properties with compiler-made backing fields.</summary>
public partial record Spring(double Stiffness, double RestLength)
{
    [Differentiable]
    public double Potential(double x)
    {
        double stretch = x - RestLength;
        return 0.5 * Stiffness * stretch * stretch;
    }
}

/// <summary>A readonly record struct: a point measuring its distance to another.</summary>
public readonly partial record struct Point2(double X, double Y)
{
    [Differentiable]
    public double DistanceTo(double x, double y) => Math.Sqrt((X - x) * (X - x) + (Y - y) * (Y - y));
}

/// <summary>A struct holding an array: its tangent holds an array of the same length.</summary>
public partial struct Signal
{
    public double[] Samples;
    public double Gain;
    [NoDerivative] public double Offset;

    [Differentiable]
    public double Energy()
    {
        double sum = 0;
        foreach (double s in Samples) sum += (Gain * s + Offset) * (Gain * s + Offset);
        return sum;
    }
}

/// <summary>A two-layer tanh network whose trainable state is all Parameter&lt;double&gt;: no shadow argument.</summary>
public partial class TinyMlp
{
    public TinyMlp(int inputs, int hidden, Random random)
    {
        Inputs = inputs;
        Hidden = hidden;
        W1 = new Parameter<double>(Fill(new double[hidden * inputs], random), "W1");
        B1 = new Parameter<double>(Fill(new double[hidden], random), "B1");
        W2 = new Parameter<double>(Fill(new double[hidden], random), "W2");
    }

    public int Inputs { get; }
    [NoDerivative] public int Hidden { get; }
    public Parameter<double> W1 { get; }
    public Parameter<double> B1 { get; }
    public Parameter<double> W2 { get; }

    [Differentiable]
    public double Loss(ReadOnlySpan<double> x, [NoDerivative] double[] targets, int count)
    {
        double loss = 0;
        for (int n = 0; n < count; n++)
        {
            double output = 0;
            for (int h = 0; h < Hidden; h++)
            {
                double pre = B1[h];
                for (int i = 0; i < Inputs; i++) pre += W1[h * Inputs + i] * x[n * Inputs + i];
                output += W2[h] * Math.Tanh(pre);
            }
            double error = output - targets[n];
            loss += error * error;
        }
        return loss / count;
    }

    private static double[] Fill(double[] values, Random random)
    {
        for (int i = 0; i < values.Length; i++) values[i] = random.NextDouble() - 0.5;
        return values;
    }
}

/// <summary>Parameter&lt;float&gt; state read through .Data and Length, and a relu: the float path of a model class.</summary>
public partial class FloatNeuron
{
    public Parameter<float> Weights { get; } = new(new float[] { 0.3f, -0.7f, 0.45f }, "Weights");
    public float Bias = 0.1f;

    [Differentiable]
    public float Output([NoDerivative] float[] x)
    {
        float pre = Bias;
        for (int i = 0; i < Weights.Length; i++) pre += Weights.Data[i] * x[i];
        return pre > 0 ? pre * pre : 0.5f * pre;
    }
}

/// <summary>Mixed state: a Parameter (gradient into .Grad) and a plain temperature (gradient into the Tangent).</summary>
public partial class TemperedSoftmax
{
    public Parameter<double> Logits { get; } = new(new[] { 0.2, -1.1, 0.7, 0.05 }, "Logits");
    public double Temperature = 1.3;

    [Differentiable]
    public double LogSumExp()
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < Logits.Length; i++) max = Math.Max(max, Logits[i] / Temperature);
        double sum = 0;
        for (int i = 0; i < Logits.Length; i++) sum += Math.Exp(Logits[i] / Temperature - max);
        return Temperature * (max + Math.Log(sum));
    }
}

/// <summary>State passed to a static [Differentiable] helper, and a branch on a differentiable value.</summary>
public partial class Regressor
{
    public double[] Weights = { 0.5, -0.25, 0.125 };
    public double Scale = 2.0;

    [Differentiable]
    public double Predict(ReadOnlySpan<double> features)
    {
        double dot = ObjectHelpers.Dot(Weights, features);
        if (dot > 0) return Scale * dot;
        return Scale * Math.Exp(dot) - Scale;
    }
}

public static partial class ObjectHelpers
{
    [Differentiable]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}

/// <summary>Instance methods calling each other on the same object (scalar, span and chained), in a loop.</summary>
public partial class TwoStage
{
    public double[] Weights = { 0.4, -0.9, 0.3 };
    public double Bias = 0.1;
    public double Gain = 1.5;

    [Differentiable]
    public double Unit(double x) => Math.Tanh(Gain * x + Bias);

    [Differentiable]
    public double Output(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < Weights.Length; i++) sum += Weights[i] * Unit(x[i]);
        return sum;
    }

    [Differentiable]
    public double Loss(ReadOnlySpan<double> x, [NoDerivative] double target)
    {
        double error = Output(x) - target;
        return error * error + 0.01 * this.Unit(Bias);
    }
}

/// <summary>Computed properties (an arrow body and a getter with one return) read by a [Differentiable] method.</summary>
public partial struct Pendulum
{
    public double Length;
    public double Mass;

    public double Period => 2 * Math.PI * Math.Sqrt(Length / 9.81);

    public double Inertia
    {
        get { return Mass * Length * Length; }
    }

    [Differentiable]
    public double Energy(double omega) => 0.5 * Inertia * omega * omega + Period;
}

/// <summary>Static methods taking objects of differentiable types: a struct (out tangent), a class (accumulated tangent).</summary>
public static partial class Physics
{
    [Differentiable]
    public static double Action(Body body, double dt) => body.Action(dt) + 0.1 * body.Mass * dt;

    [Differentiable]
    public static double Swing(Pendulum pendulum, double omega) => pendulum.Energy(omega) * pendulum.Period;

    [Differentiable]
    public static double Fit(LineFit model, [NoDerivative] double[] x, [NoDerivative] double[] y, double weight)
        => weight * model.Loss(x, y) + model.Slope * model.Slope;
}

/// <summary>A dense layer as an object: Parameter state and a [Differentiable] method writing a Span output.</summary>
public partial class DenseLayer
{
    public DenseLayer(int inputs, int outputs, Random random)
    {
        Inputs = inputs;
        Outputs = outputs;
        W = new Parameter<double>(Fill(new double[inputs * outputs], random), "W");
        B = new Parameter<double>(Fill(new double[outputs], random), "B");
    }

    public int Inputs { get; }
    public int Outputs { get; }
    public Parameter<double> W { get; }
    public Parameter<double> B { get; }

    [Differentiable]
    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int o = 0; o < Outputs; o++)
        {
            double sum = B[o];
            for (int i = 0; i < Inputs; i++) sum += W[o * Inputs + i] * x[i];
            y[o] = sum;
        }
    }

    private static double[] Fill(double[] values, Random random)
    {
        for (int i = 0; i < values.Length; i++) values[i] = random.NextDouble() - 0.5;
        return values;
    }
}

/// <summary>A network made of layer objects (nested differentiable members) and a plain scalar.</summary>
public partial class LayeredNet
{
    public LayeredNet(Random random)
    {
        Hidden = new DenseLayer(3, 4, random);
        Output = new DenseLayer(4, 2, random);
    }

    public DenseLayer Hidden { get; }
    public DenseLayer Output { get; }

    [Differentiable]
    public double Loss(ReadOnlySpan<double> x, [NoDerivative] double[] target)
    {
        double[] h = new double[Hidden.Outputs];
        Hidden.Forward(x, h);
        double[] a = new double[h.Length];
        for (int i = 0; i < h.Length; i++) a[i] = Math.Tanh(h[i]);
        double[] y = new double[Output.Outputs];
        Output.Forward(a, y);
        double loss = 0;
        for (int k = 0; k < y.Length; k++) loss += (y[k] - target[k]) * (y[k] - target[k]);
        return loss + 0.01 * Output.B[0] * Output.B[0];
    }
}

/// <summary>Objects and vectors passed on to static [Differentiable] methods.</summary>
public static partial class Composition
{
    [Differentiable]
    public static double TwoBodies(Body first, Body second, double dt) => Physics.Action(first, dt) * Physics.Action(second, 2 * dt) + first.Mass;

    [Differentiable]
    public static float Chain(System.Numerics.Vector3 a, System.Numerics.Vector3 b)
    {
        var middle = (a + b) * 0.5f;
        return VectorFunctions.Spring(a, middle, 0.3f) + VectorFunctions.Spring(middle - b, b, 0.1f);
    }
}

public partial class LineFit
{
    [Differentiable]
    public double Regularized([NoDerivative] double[] x, [NoDerivative] double[] y, double weight)
        => Physics.Fit(this, x, y, weight) + weight * Intercept * Intercept;
}

/// <summary>Vector members of a model class: their tangents are vectors in the class's Tangent.</summary>
public partial class Particle
{
    public System.Numerics.Vector3 Position = new(0.4f, 1.2f, -0.3f);
    public System.Numerics.Vector3 Velocity = new(1.1f, -0.6f, 0.8f);
    public float Mass = 1.5f;

    [Differentiable]
    public float Energy(float g) => 0.5f * Mass * Velocity.LengthSquared() + Mass * g * Position.Y;

    [Differentiable]
    public float Step(float dt)
    {
        System.Numerics.Vector3 next = Position + Velocity * dt;
        return System.Numerics.Vector3.Distance(next, System.Numerics.Vector3.Zero) + Energy(9.81f) * dt;
    }
}
