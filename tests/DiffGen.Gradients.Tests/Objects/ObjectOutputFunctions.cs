using System;
using DiffGen.Gradients.Tests.Corpus;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>Objects passed to void [Differentiable] methods writing Span outputs, called from other [Differentiable] methods.</summary>
public static partial class ObjectOutputs
{
    [Differentiable]
    public static void Trajectory(Body body, double dt, Span<double> heights)
    {
        double v = body.Velocity, h = 0;
        for (int i = 0; i < heights.Length; i++)
        {
            v -= 9.81 * dt / body.Mass;
            h += v * dt;
            heights[i] = h + body.Action(dt);
        }
    }

    [Differentiable]
    public static double Landing(Body body, double dt, double drag)
    {
        var heights = new double[4];
        Trajectory(body, dt, heights);
        return heights[3] * drag + heights[0] * heights[1];
    }
}

/// <summary>A class passing itself to a void helper that writes its predictions.</summary>
public partial class Rod
{
    public double[] Segments = { 0.5, 1.25, -0.75 };
    public double Stiffness = 2.0;

    [Differentiable]
    public static void Bend(Rod rod, double load, Span<double> deflection)
    {
        double sum = 0;
        for (int i = 0; i < deflection.Length; i++)
        {
            sum += rod.Segments[i] * load / rod.Stiffness;
            deflection[i] = Math.Sin(sum);
        }
    }

    [Differentiable]
    public double Energy(double load)
    {
        var deflection = new double[3];
        Bend(this, load, deflection);
        return deflection[0] * deflection[0] + deflection[1] * deflection[2] + Stiffness * deflection[2];
    }
}
