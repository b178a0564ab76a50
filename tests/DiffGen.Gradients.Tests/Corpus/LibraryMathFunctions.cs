using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// The generic-math statics of <c>double</c> and <c>float</c>: the functions <c>Math</c> lacks (ExpM1, LogP1,
/// Hypot, SinPi, ...) and the usual ones spelled <c>double.Sin</c>, <c>double.Exp</c>; and Math's inverse
/// hyperbolic functions. Each is one registry entry (generator/Rules/PrimitiveRegistry.cs).
/// </summary>
public static partial class LibraryMathFunctions
{
    [Differentiable]
    public static double ExpM1TimesX(double x) => double.ExpM1(x) * x;

    [Differentiable]
    public static double LogP1OfSquare(double x) => double.LogP1(x * x) + x;

    [Differentiable]
    public static double Exp2PlusExp10(double x) => double.Exp2(x) + 0.1 * double.Exp10(x);

    [Differentiable]
    public static double ExpM1Bases(double x) => double.Exp2M1(x) - double.Exp10M1(0.5 * x);

    [Differentiable]
    public static double LogP1Bases(double x) => double.Log2P1(x) * double.Log10P1(x) + x;

    [Differentiable]
    public static double HypotTimesX(double x, double y) => double.Hypot(x, y) * x;

    [Differentiable]
    public static double PiTrigonometry(double x) => double.SinPi(x) + double.CosPi(2 * x) * x;

    [Differentiable]
    public static double TanPiOfX(double x) => double.TanPi(x);

    [Differentiable]
    public static double InversePiTrigonometry(double x) => double.AsinPi(x) + double.AcosPi(x * x) + double.AtanPi(3 * x);

    [Differentiable]
    public static double Atan2PiOf(double y, double x) => double.Atan2Pi(y, x);

    [Differentiable]
    public static double InverseHyperbolic(double x) => Math.Asinh(x) + Math.Atanh(x / 2) + Math.Acosh(1.1 + x * x);

    [Differentiable]
    public static double InverseHyperbolicSpelledOnDouble(double x) => double.Asinh(2 * x) * double.Atanh(0.3 * x) + double.Acosh(2.6 + x);

    /// <summary>Existing primitives spelled as statics of double: the same entries as their Math twins.</summary>
    [Differentiable]
    public static double UsualFunctionsOnDouble(double x, double y)
        => double.Sin(x) * double.Exp(y) + double.Sqrt(x * x + 1) + double.Pow(y * y + 1, x) + double.Log(y * y + 1, 3) + double.Tanh(x - y);

    [Differentiable]
    public static double ScaleBOf(double x, int n) => Math.ScaleB(x * x, n) + double.ScaleB(x, -n);

    [Differentiable]
    public static double ScaleBCube(double x) => ScaleBOf(x, 3) * x;

    [Differentiable]
    public static double RootNOf(double x, int n) => double.RootN(x * x + 0.5, n) + double.RootN(x, 3);

    [Differentiable]
    public static double RootNMix(double x) => RootNOf(x, 4) + RootNOf(x, -2);

    [Differentiable]
    public static double CopySignOf(double x, double y) => Math.CopySign(x * x - 0.25, y) + double.CopySign(x, y - 0.5) * y;

    [Differentiable]
    public static double MagnitudeSelect(double a, double b) => Math.MaxMagnitude(a, b) * 2 + double.MinMagnitude(a * b, b - a);

    /// <summary>At a tie a = b each partial of MaxMagnitude takes the assembly's share (1/2 by default).</summary>
    [Differentiable]
    public static double MaxMagnitudeOf(double a, double b) => Math.MaxMagnitude(a, b);

    [Differentiable]
    public static double MinMagnitudeOf(double a, double b) => Math.MinMagnitude(a, b);

    /// <summary>CopySign(x, y): abs's kink at x = 0 (AbsAtZero), a jump in y at 0.</summary>
    [Differentiable]
    public static double CopySignPlain(double x, double y) => Math.CopySign(x, y);

    /// <summary>The same functions in float, through MathF's and float's statics.</summary>
    [Differentiable]
    public static float FloatSignsAndRoots(float x, float y)
        => MathF.CopySign(x, y) * MathF.MaxMagnitude(x, y) + float.MinMagnitude(x, 2 * y) + float.RootN(x * x + 1, 3) + MathF.ScaleB(y, 2);

    /// <summary>The same in float, through MathF's and float's statics.</summary>
    [Differentiable]
    public static float FloatLibrary(float x, float y)
        => float.ExpM1(x) * float.Hypot(x, y) + MathF.Asinh(y) + float.LogP1(x * x) + float.SinPi(y) + float.Sin(x) * float.Exp(y);
}
