using System;
using System.Linq;
using System.Numerics;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>
/// Vector2/3/4 parameters get a vector of the same type as their derivative. Checked against the
/// closed form where there is one, central differences in float (loose: float rounding), and forward
/// vs reverse mode (tight: the same float arithmetic in another order).
/// </summary>
public class VectorTests
{
    private static void AssertClose(double expected, double actual, double tolerance)
        => Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static float Difference(Func<float, float> f, float at, float step = 1e-2f) => (f(at + step) - f(at - step)) / (2 * step);

    [Fact]
    public void Spring_MatchesTheClosedForm()
    {
        var a = new Vector3(0.3f, -1.2f, 0.8f);
        var b = new Vector3(-0.5f, 0.4f, 1.1f);
        float value = VectorFunctions.SpringGradient(a, b, 0.7f, out Vector3 da, out Vector3 db, out float drest);
        float distance = Vector3.Distance(a, b);
        Assert.Equal(0.5f * (distance - 0.7f) * (distance - 0.7f), value, 5);
        var expected = (distance - 0.7f) * (a - b) / distance;
        AssertClose(expected.X, da.X, 1e-5);
        AssertClose(expected.Y, da.Y, 1e-5);
        AssertClose(expected.Z, da.Z, 1e-5);
        AssertClose(-expected.Z, db.Z, 1e-5);
        AssertClose(-(distance - 0.7f), drest, 1e-5);

        var (_, tangent) = VectorFunctions.SpringTangent(a, b, 0.7f, new Vector3(0.2f, 0.1f, -0.3f), new Vector3(-0.4f, 0.5f, 0.6f), 0.9f);
        double dot = Vector3.Dot(da, new Vector3(0.2f, 0.1f, -0.3f)) + Vector3.Dot(db, new Vector3(-0.4f, 0.5f, 0.6f)) + 0.9 * drest;
        AssertClose(dot, tangent, 1e-5);
    }

    [Fact]
    public void Torque_CrossProduct_MatchesDifferencesAndForwardMode()
    {
        var r = new Vector3(0.9f, -0.4f, 0.3f);
        var f = new Vector3(0.2f, 1.1f, -0.7f);
        VectorFunctions.TorqueGradient(r, f, out Vector3 dr, out Vector3 df);
        AssertClose(Difference(h => VectorFunctions.Torque(new Vector3(h, r.Y, r.Z), f), r.X), dr.X, 2e-3);
        AssertClose(Difference(h => VectorFunctions.Torque(r, new Vector3(f.X, f.Y, h)), f.Z), df.Z, 2e-3);
        var (_, tangent) = VectorFunctions.TorqueTangent(r, f, Vector3.UnitY, -Vector3.UnitX);
        AssertClose(dr.Y - df.X, tangent, 1e-5);
    }

    [Theory]
    [InlineData(0.4f)]
    [InlineData(-0.6f)]
    public void Vector2Locals_CompoundAssignments_Normalize_MatchDifferences(float s)
    {
        var p = new Vector2(0.5f, -0.8f);
        var q = new Vector2(1.2f, 0.3f);
        VectorFunctions.BlendGradient(p, q, s, out Vector2 dp, out Vector2 dq, out float ds);
        AssertClose(Difference(h => VectorFunctions.Blend(new Vector2(h, p.Y), q, s), p.X), dp.X, 2e-3);
        AssertClose(Difference(h => VectorFunctions.Blend(p, new Vector2(q.X, h), s), q.Y), dq.Y, 2e-3);
        AssertClose(Difference(h => VectorFunctions.Blend(p, q, h), s), ds, 2e-3);
        var (_, tangent) = VectorFunctions.BlendTangent(p, q, s, new Vector2(0.3f, -0.2f), new Vector2(0.1f, 0.5f), 0.7f);
        AssertClose(Vector2.Dot(dp, new Vector2(0.3f, -0.2f)) + Vector2.Dot(dq, new Vector2(0.1f, 0.5f)) + 0.7 * ds, tangent, 1e-5);
    }

    [Fact]
    public void Vector4_ConstructionDivisionAndMax_MatchDifferences()
    {
        var v = new Vector4(0.7f, -0.3f, 0.5f, 0.4f);
        VectorFunctions.HomogeneousGradient(v, 0.9f, out Vector4 dv, out float dw);
        AssertClose(Difference(h => VectorFunctions.Homogeneous(new Vector4(v.X, v.Y, v.Z, h), 0.9f), v.W), dv.W, 2e-3);
        AssertClose(Difference(h => VectorFunctions.Homogeneous(new Vector4(h, v.Y, v.Z, v.W), 0.9f), v.X), dv.X, 2e-3);
        AssertClose(Difference(h => VectorFunctions.Homogeneous(v, h), 0.9f), dw, 2e-3);
    }
}
