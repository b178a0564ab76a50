using System.Numerics;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>System.Numerics vectors as C# developers use them in physics and geometry code.</summary>
public static partial class VectorFunctions
{
    [Differentiable]
    public static float Spring(Vector3 a, Vector3 b, float rest)
    {
        float stretch = Vector3.Distance(a, b) - rest;
        return 0.5f * stretch * stretch;
    }

    [Differentiable]
    public static float Torque(Vector3 r, Vector3 f)
    {
        Vector3 t = Vector3.Cross(r, f);
        return t.LengthSquared() + t.Z;
    }

    [Differentiable]
    public static float Blend(Vector2 p, Vector2 q, float s)
    {
        var m = Vector2.Lerp(p, q, s);
        m += 2f * p;
        m.X *= s;
        return Vector2.Dot(m, Vector2.Normalize(q)) + (p - q).Y;
    }

    [Differentiable]
    public static float Homogeneous(Vector4 v, float w)
    {
        var n = new Vector4(v.X, v.Y, v.Z, w) / (1f + v.W * v.W);
        return n.Length() - Vector4.Max(n, Vector4.Zero).X + Vector4.Dot(-n, Vector4.UnitY);
    }
}
