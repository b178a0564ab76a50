using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// Generated reverse-mode gradients against derivatives worked out by hand (independent of the
/// generator), to 1e-12 relative; and forward mode against reverse mode along random directions.
/// </summary>
public sealed class ClosedFormGradientTests
{
    private const double Relative = 1e-12;

    /// <summary>Hand-derived gradients, keyed by <see cref="GradientCase.Name"/>, with the points to test.</summary>
    private static readonly Dictionary<string, (Func<double[], double[]> Gradient, double[][] Points)> ClosedForms = new()
    {
        ["Cubic"] = (a => new[] { 9 * a[0] * a[0] - 4 * a[0] + 1 }, P(0.7, -1.3, 2.4)),
        ["Bivariate"] = (a =>
        {
            double x = a[0], y = a[1];
            return new[] { 2 * x * y + 3 * y * y * y, x * x + 9 * x * y * y - 1 };
        }, P2((0.5, -1.5), (2.0, 0.75), (-1.1, 1.3))),
        ["Rational"] = (a =>
        {
            double x = a[0];
            return new[] { (x * x - 6 * x - 1) / ((x - 3) * (x - 3)) };
        }, P(0.4, -1.7, 1.9)),
        ["RationalBivariate"] = (a =>
        {
            double x = a[0], y = a[1];
            double n = x * y + 1, d = x * x + y * y + 1;
            return new[] { (y * d - 2 * x * n) / (d * d), (x * d - 2 * y * n) / (d * d) };
        }, P2((0.3, -0.8), (1.5, 2.5))),
        ["SinTimesCos"] = (a => new[] { Math.Cos(a[0]) * Math.Cos(a[1]), -Math.Sin(a[0]) * Math.Sin(a[1]) }, P2((0.9, -0.4), (-2.1, 1.3))),
        ["TangentPlusX"] = (a => new[] { 1 / (Math.Cos(a[0]) * Math.Cos(a[0])) + 1 }, P(0.6, -1.1, 0.05)),
        ["ArcSinePlusArcCosine"] = (a => new[] { -1 / Math.Sqrt(1 - a[0] * a[0]) }, P(0.3, -0.65)),
        ["ArcTangentOfSquare"] = (a => new[] { 2 * a[0] / (1 + Math.Pow(a[0], 4)) }, P(0.8, -1.9)),
        ["ArcTangent2"] = (a =>
        {
            double y = a[0], x = a[1], r2 = x * x + y * y;
            return new[] { x / r2, -y / r2 };
        }, P2((0.7, 1.2), (-1.4, 0.5), (1.0, -2.0))),
        ["Hyperbolic"] = (a =>
        {
            double x = a[0];
            return new[] { Math.Cosh(x) + 2 * Math.Sinh(2 * x) - 1 / (Math.Cosh(x) * Math.Cosh(x)) };
        }, P(0.45, -0.9)),
        ["ExpTimesLog"] = (a => new[] { Math.Exp(a[0]) * (Math.Log(a[0]) + 1 / a[0]) }, P(0.5, 2.2)),
        ["LogWithBase"] = (a =>
        {
            double x = a[0], b = a[1], lb = Math.Log(b);
            return new[] { 1 / (x * lb), -Math.Log(x) / (b * lb * lb) };
        }, P2((2.5, 3.0), (0.7, 1.8))),
        ["Log2PlusLog10"] = (a => new[] { 1 / (a[0] * Math.Log(2)) + 3 / (a[0] * Math.Log(10)) }, P(1.7, 0.35)),
        ["SqrtPlusCbrt"] = (a => new[] { 0.5 / Math.Sqrt(a[0]) + 1 / (3 * Math.Pow(Math.Cbrt(a[0]), 2)) }, P(0.8, 3.3)),
        ["CbrtOfNegativeShift"] = (a => new[] { 1 / (3 * Math.Pow(Math.Cbrt(a[0] - 4), 2)) }, P(1.5, -2.0)),
        ["PowConstantExponent"] = (a => new[] { 3.5 * Math.Pow(a[0], 2.5) }, P(1.3, 0.4)),
        ["PowVariableExponent"] = (a =>
        {
            double x = a[0], y = a[1];
            return new[] { y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x) };
        }, P2((1.6, 2.3), (0.5, -1.2))),
        ["PowOfExpression"] = (a =>
        {
            double x = a[0], y = a[1], u = 1 + x * x, s = Math.Sin(y);
            return new[] { s * Math.Pow(u, s - 1) * 2 * x, Math.Pow(u, s) * Math.Log(u) * Math.Cos(y) };
        }, P2((0.9, 0.4), (-1.3, 2.0))),
        ["FusedMultiplyAddOfSine"] = (a => new[] { a[1], a[0], Math.Cos(a[2]) }, P3((1.5, -0.5, 0.3), (-0.7, 2.0, -1.1))),
        ["Gaussian(sigma 0.8)"] = (a =>
        {
            double sigma = 0.8, z = (a[0] - a[1]) / sigma, g = Math.Exp(-0.5 * z * z);
            return new[] { -z / sigma * g, z / sigma * g };
        }, P2((0.3, -0.2), (1.4, 0.9))),
        ["Sigmoid"] = (a =>
        {
            double s = 1 / (1 + Math.Exp(-a[0]));
            return new[] { s * (1 - s) };
        }, P(0.4, -2.5)),
        ["Softplus"] = (a => new[] { 1 / (1 + Math.Exp(-a[0])) }, P(0.4, -3.0)),
        ["LogSumExp"] = (a =>
        {
            double ex = Math.Exp(a[0]), ey = Math.Exp(a[1]);
            return new[] { ex / (ex + ey), ey / (ex + ey) };
        }, P2((0.2, 1.1), (-2.0, -0.5))),
        ["Rosenbrock"] = (a =>
        {
            double x = a[0], y = a[1];
            return new[] { -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x) };
        }, P2((-1.2, 1.0), (0.5, 0.3))),
        ["CompoundAssignments"] = (a =>
        {
            double x = a[0], y = a[1], q = 1 + y * y, n = (x + y) * x - 2 * y;
            return new[] { (2 * x + y) / q, (x - 2) / q - n * 2 * y / (q * q) };
        }, P2((0.7, 1.3), (-1.5, -0.4))),
        ["ParameterReassignment"] = (a =>
        {
            double x = a[0], y = a[1], u = x * x + y;
            double dfdu = (1 + Math.Cos(u)) * Math.Sin(u) + (u + Math.Sin(u)) * Math.Cos(u);
            return new[] { dfdu * 2 * x, dfdu };
        }, P2((0.6, 0.2), (-1.1, 0.7))),
        ["WithNoDerivativeParameter(c 1.5)"] = (a => new[] { 2 * 1.5 * a[0] + 1.5 * Math.Cos(1.5 * a[0]) }, P(0.8, -0.3)),
        ["WithIntParameter(k 3)"] = (a => new[] { 3 + 3 * Math.Cos(3 * a[0]) }, P(0.8, -0.3)),
        ["CircleWithConstants"] = (a => new[] { 2 * Math.PI * a[0] + Math.E }, P(1.25, 0.3)),
        ["NonsmoothRosenbrock"] = (a =>
        {
            double t1 = a[0], t2 = a[1], u = t2 - Math.Abs(t1);
            return new[] { -200 * u * Math.Sign(t1) - Math.Sign(1 - t1), 200 * u };
        }, P2((-1.0, 1.5), (0.5, 2.0), (2.0, 1.0), (-0.3, -0.7))),
        ["StepFunctionsMix"] = (a =>
        {
            double x = a[0];
            return new[] { Math.Sign(x) * 2 * x + Math.Floor(x) + Math.Truncate(x) };
        }, P(1.3, -2.2, 0.7, -0.3)),
        ["Piecewise"] = (a =>
        {
            double x = a[0];
            return new[] { x < -1 ? 4 * x : x < 1 ? Math.Cos(x) : Math.Exp(x - 1) };
        }, P(-1.8, 0.3, 2.1)),
        ["Huber(delta 1)"] = (a => new[] { Math.Abs(a[0]) <= 1 ? a[0] : Math.Sign(a[0]) * 1.0 }, P(0.4, -2.5, 3.0)),
        ["SmoothStep"] = (a => new[] { 6 * a[0] * (1 - a[0]) }, P(0.35, 0.8)),
        ["Horner(degree 7)"] = (a =>
        {
            double d = 0;
            for (int i = 1; i <= 7; i++) d += i * Math.Pow(a[0], i - 1) / (i + 1);
            return new[] { d };
        }, P(0.7, -1.2)),
        ["PowerSeriesWithRunningPower(n 6)"] = (a =>
        {
            double d = 0;
            for (int i = 1; i <= 6; i++) d += i * (i + 1) * Math.Pow(a[0], i - 1);
            return new[] { d };
        }, P(0.6, -1.1)),
        ["NewtonSqrt"] = (a => new[] { 0.5 / Math.Sqrt(a[0]) }, P(2.0, 0.7, 13.0)),
        ["ExpSeries"] = (a => new[] { Math.Exp(a[0]) }, P(0.8, -1.6)),
        ["ArcTangentSeries"] = (a => new[] { 1 / (1 + a[0] * a[0]) }, P(0.3, -0.55)),
        ["WhileWithContinue(n 10)"] = (a =>
        {
            double d = 0;
            for (int i = 1; i <= 10; i++)
            {
                if (i % 3 != 0) d += Math.Cos(i * a[0]);
            }
            return new[] { d };
        }, P(0.4, -1.3)),
        ["NestedLoops(n 4)"] = (a =>
        {
            double dx = 0, dy = 0;
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 4; j++)
                {
                    double c = Math.Cos(a[0] * i + a[1] * j);
                    dx += 0.1 * i * c;
                    dy += 0.1 * j * c;
                }
            }
            return new[] { dx, dy };
        }, P2((0.3, 0.7), (-0.5, 0.2))),
        ["IntegerPower(n 7)"] = (a => new[] { 7 * Math.Pow(a[0], 6) }, P(1.1, -0.8)),
        ["RepeatedSine(n 10)"] = (a =>
        {
            double x = a[0], d = 1;
            for (int i = 0; i < 10; i++)
            {
                d *= Math.Cos(x);
                x = Math.Sin(x);
            }
            return new[] { d };
        }, P(1.2, -0.7)),
        ["NewtonCbrtEarlyExit"] = (a => new[] { 1 / (3 * Math.Pow(Math.Cbrt(a[0]), 2)) }, P(2.0, 7.5, 0.6)),
        ["FixedPointOfScaledCosine"] = (a =>
        {
            double t = 0;
            for (int i = 0; i < 2000; i++) t = a[0] * Math.Cos(t);
            return new[] { Math.Cos(t) / (1 + a[0] * Math.Sin(t)) };
        }, P(0.5, 0.65)),
        ["SumOfSquares"] = (a => new[] { 2 * a[0], 2 * Math.Sin(a[1]) * Math.Cos(a[1]) }, P2((0.7, 1.2), (-1.5, -0.4))),
        ["ChainStart"] = (a =>
        {
            double x = a[0], v = 2 * x;
            double m = Math.Sin(v) + 0.5 * Math.Exp(v * v);
            double dm = Math.Cos(v) + v * Math.Exp(v * v);
            return new[] { 2 * x * dm + m };
        }, P(0.4, -0.6)),
        ["CallIntoGenericNested"] = (a =>
        {
            double x = a[0], q = 1 + Math.Abs(x);
            return new[] { 3 * x * x + 1 / (q * q) };
        }, P(0.8, -1.4)),
        ["CallInLoop(n 5)"] = (a =>
        {
            double d = 0;
            for (int i = 0; i < 5; i++) d += 2 * (a[0] - 0.1 * i);
            return new[] { d };
        }, P(0.8, -0.3)),
        ["StructPolynomial"] = (a =>
        {
            double x = a[0], y = a[1];
            return new[] { 3 * x * x * y - 2 * y * y, x * x * x - 4 * x * y + 4 };
        }, P2((0.5, 1.0), (-1.5, 0.25))),
        ["NestedHost.Inner.Bump"] = (a =>
        {
            double q = 1 + a[0] * a[0];
            return new[] { -2 * a[0] / (q * q) };
        }, P(0.4, -1.6)),
        ["InternalFunction"] = (a =>
        {
            double x = a[0], y = a[1], r = Math.Sqrt(1 + x * x * y * y), q = 1 + (x - y) * (x - y);
            return new[] { x * y * y / r - 1 / q, x * x * y / r + 1 / q };
        }, P2((0.3, 0.8), (1.7, -0.5))),
        ["WhileTrueWithBreak"] = (a =>
        {
            double s = a[0], d = 1;
            for (int i = 0; i < 12; i++)
            {
                d *= 0.8 + 0.1 * Math.Cos(s);
                s = s * 0.8 + Math.Sin(s) * 0.1;
            }
            return new[] { d };
        }, P(0.7, 2.3)),
        ["DoWhileWithContinue(n 9)"] = (a =>
        {
            double d = 0;
            for (int i = 1; i <= 9; i += 2) d -= Math.Sin(a[0] * i);
            return new[] { d };
        }, P(0.4, -1.1)),
        ["ReturnFromNestedLoops"] = (a =>
        {
            // s = A x + B y over the first 38 (i, j) pairs; the result is s^2.
            double sumI = 0, sumJ = 0;
            for (int k = 0; k <= 37; k++)
            {
                sumI += k / 10;
                sumJ += k % 10;
            }
            double ca = 0.01 * sumI, cb = 0.02 * sumJ, s = ca * a[0] + cb * a[1];
            return new[] { 2 * s * ca, 2 * s * cb };
        }, P2((0.6, -0.3), (-1.2, 0.8))),
        ["BreakInnerLoop(n 5)"] = (a =>
        {
            double d = 0;
            for (int i = 0; i < 5; i++)
            {
                for (int j = 0; j <= i; j++) d += Math.Cos(a[0] + j) * 0.1;
                d *= 0.9;
            }
            return new[] { d };
        }, P(0.3, -0.8)),
        ["StrideLoopWithPow(n 9)"] = (a =>
        {
            double x2 = a[0] * a[0];
            return new[] { 1 + x2 + x2 * x2 + x2 * x2 * x2 };
        }, P(0.6, -0.7)),
        ["SwapInLoop(n 5)"] = (a =>
        {
            // Tangents of (a, b) with respect to (a0, b0), propagated through (a, b) -> (b, a + b cos(a) / 2).
            double x = a[0], y = a[1];
            double xa = 1, xb = 0, ya = 0, yb = 1;
            for (int i = 0; i < 5; i++)
            {
                double ny = x + 0.5 * y * Math.Cos(x);
                double nya = xa * (1 - 0.5 * y * Math.Sin(x)) + ya * 0.5 * Math.Cos(x);
                double nyb = xb * (1 - 0.5 * y * Math.Sin(x)) + yb * 0.5 * Math.Cos(x);
                x = y; xa = ya; xb = yb;
                y = ny; ya = nya; yb = nyb;
            }
            return new[] { y * xa + x * ya, y * xb + x * yb };
        }, P2((0.6, -0.4), (1.1, 0.3))),
        ["SelfReferentialUpdates"] = (a =>
        {
            double x = a[0];
            double u1 = x * x + x, d1 = 2 * x + 1;
            double u2 = u1 + u1 * u1, d2 = (1 + 2 * u1) * d1;
            double u3 = u2 * u2, d3 = 2 * u2 * d2;
            double d4 = (1 - 1 / ((1 + u3) * (1 + u3))) * d3;
            return new[] { d4 };
        }, P(0.4, -0.7)),
        ["ConstVarAndDeclarators"] = (a => new[] { 2 * 2.5 * 2.5 * a[0], -2 * a[1] }, P2((0.4, 1.3), (-1.5, -0.2))),
        ["PowOfNegativeBase"] = (a => new[] { 3 * (a[0] - 2) * (a[0] - 2) + 2 * (a[0] - 2) }, P(0.5, -1.0)),
        ["BranchMaxLike"] = (a => a[0] > a[1] ? new[] { 2.0, -1.0 } : new[] { 1.0, 0.0 }, P2((0.9, 0.2), (-0.4, 0.6))),
        ["ReluMaxLike"] = (a => a[0] > a[1] ? new[] { 2.0, -1.0 } : new[] { 1.0, 0.0 }, P2((0.9, 0.2), (-0.4, 0.6))),
        ["CallLoopFromLoop(n 4)"] = (a =>
        {
            double s = a[0], d = 1;
            for (int i = 0; i < 4; i++)
            {
                d = Math.Cos(Math.Sin(s)) * Math.Cos(s) * d + 0.1;
                s = Math.Sin(Math.Sin(s)) + 0.1 * a[0];
            }
            return new[] { d };
        }, P(0.8, -1.3)),
        ["CallEarlyExitCallee"] = (a =>
        {
            double x = a[0], r = Math.Cbrt(x * x + 1), dr = 2 * x / (3 * r * r);
            return new[] { r > 1.5 ? dr * x + r : dr - 1 };
        }, P(0.8, 2.2, -1.9)),
        ["IntArithmeticMix(n 7)"] = (a => new[] { 6 * a[0] + 1 + Math.Exp(a[0]) }, P(0.6, -0.5)),
        ["IntArithmeticMix(n 4)"] = (a => new[] { 2.0 }, P(0.6, -0.5)),
        ["SignLikeTernary"] = (a => new[] { 2 * Math.Abs(a[0]) + 1 }, P(0.6, -1.4)),
        ["SequentialLoopsReuseCounterName(n 5)"] = (a =>
        {
            double x = a[0], s1 = 0, ds1 = 0;
            for (int i = 0; i < 5; i++)
            {
                s1 += Math.Sin(x * i);
                ds1 += i * Math.Cos(x * i);
            }
            double g = 1 + 0.1 * x;
            return new[] { ds1 * Math.Pow(g, 5) + s1 * 5 * 0.1 * Math.Pow(g, 4) };
        }, P(0.7, -0.4)),
        ["SameLocalNameInSiblingScopes"] = (a =>
        {
            double x = a[0], sines = 0;
            for (int k = 0; k < 3; k++) sines += Math.Sin(x + k);
            return new[] { 2 * ((x > 0 ? 2 * x : -3) - sines) };
        }, P(0.8, -0.6)),
        ["NamesAGeneratorMightUse"] = (a =>
        {
            double v = a[0], r = a[1], tape = v * r, seg = Math.Exp(-tape * tape);
            double dsegdv = seg * -2 * tape * r, dsegdr = seg * -2 * tape * v;
            double outer = 2 * seg * r * r + 1;
            return new[] { outer * dsegdv, outer * dsegdr + 2 * seg * seg * r };
        }, P2((0.5, 1.5), (-1.1, 0.4))),
        ["CallWithNamedArguments"] = (a =>
        {
            double x = a[0], y = a[1], xy = x * y, inner = 1.5 * xy * xy + Math.Cos(xy);
            return new[] { inner * y, inner * x + 3 * y + Math.Cos(y) };
        }, P2((0.9, 1.3), (-0.6, 0.2))),
        ["WithDefaultArgument"] = (a =>
        {
            double x = a[0], s = a[1], sech2 = 1 - Math.Tanh(x * s) * Math.Tanh(x * s);
            return new[] { s * sech2 + s, x * sech2 + x };
        }, P2((0.7, 2.0), (-0.7, 0.5))),
        ["CallWithDefaultArgument"] = (a =>
        {
            double x = a[0], y = a[1];
            double sech2Default = 1 - Math.Tanh(2 * x) * Math.Tanh(2 * x), sech2 = 1 - Math.Tanh(x * y) * Math.Tanh(x * y);
            return new[] { 2 * sech2Default + 2 + y * sech2 + y, x * sech2 + x };
        }, P2((0.4, 1.2), (-0.9, 0.6))),
        ["ConstFieldAndTau"] = (a => new[] { 0.6 * a[0] + Math.Cos(Math.Tau * a[0] * 0.1) * Math.Tau * 0.1 }, P(0.7, -1.6)),
        ["IntOnlyMathCalls(n 5)"] = (a => new[] { 5 + 10 * a[0] + 4 * Math.Cos(a[0]) }, P(0.7, -0.4)),
        ["IntOnlyMathCalls(n -3)"] = (a => new[] { 1 + 6 * a[0] }, P(0.7, -0.4)),
        ["ConstantBaseVariableExponent"] = (a =>
        {
            double x = a[0];
            return new[] { Math.Pow(2, x) * Math.Log(2) - 1 / (1 + x * x) + 2 / (4 + x * x) };
        }, P(0.7, -1.3)),
        ["IntLiteralArguments"] = (a =>
        {
            double x = a[0];
            return new[] { 1 / (x * Math.Log(2)) + (x < 1 ? 2 * x : 1) + (x < 2 ? 1 : 0) - 1 / (x * x) };
        }, P(1.7, 0.3, 2.3)),
        ["ForeverLoopAndUnaryOperators"] = (a =>
        {
            double x = a[0], s = x, d = 1;
            for (int i = 0; i < 7; i++)
            {
                d *= 0.5 - Math.Sin(s);
                s = s * 0.5 + Math.Cos(s);
            }
            return new[] { -(d * x + s) };
        }, P(0.6, -1.2)),
        ["UninitializedLocalInLoop(n 6)"] = (a =>
        {
            double x = a[0], d = 0;
            for (int i = 0; i < 6; i++)
            {
                d += i % 2 == 0 ? 2 * x * i * i : 2 * Math.Sin(x) * Math.Cos(x) / (i * i);
            }
            return new[] { d };
        }, P(0.5, -0.8)),
        ["GlobalSquarePlusSine"] = (a => new[] { 2 * a[0] + Math.Cos(a[0]) }, P(0.7, -1.2)),
        ["NestedNamespaceCosh"] = (a => new[] { Math.Sinh(a[0]) * a[0] + Math.Cosh(a[0]) }, P(0.7, -1.2)),
        ["RecordExp"] = (a => new[] { Math.Exp(0.5 * a[0]) * (1 + 0.5 * a[0]) }, P(0.7, -1.2)),
        ["RecordStructLog"] = (a => new[] { 2 * a[0] / (1 + a[0] * a[0]) }, P(0.7, -1.2)),
        ["ReadOnlyStructAtan"] = (a => new[] { 2 / (1 + 4 * a[0] * a[0]) - 1 }, P(0.7, -1.2)),
        ["SealedSqrt"] = (a => new[] { 2 * Math.Pow(a[0], 3) / Math.Sqrt(1 + Math.Pow(a[0], 4)) }, P(0.7, -1.2)),
        ["AbstractTanh"] = (a =>
        {
            double t = Math.Tanh(a[0]);
            return new[] { 2 * t * (1 - t * t) };
        }, P(0.7, -1.2)),
        ["InternalSinh"] = (a =>
        {
            double x = a[0], q = 1 + x * x;
            return new[] { (Math.Cosh(x) * q - Math.Sinh(x) * 2 * x) / (q * q) };
        }, P(0.7, -1.2)),
        ["ConstrainedCube"] = (a => new[] { 3 * a[0] * a[0] - 1 }, P(0.7, -1.2)),
        ["DeeplyNested"] = (a => new[] { -Math.Exp(-a[0]) * (Math.Cos(a[0]) + Math.Sin(a[0])) }, P(0.7, -1.2)),
        ["Overloads.Soft(double)"] = (a =>
        {
            double x = a[0], q = 1 + x * x;
            return new[] { (1 - x * x) / (q * q) };
        }, P(0.7, -1.2)),
        ["Overloads.Soft(double, double)"] = (a =>
        {
            double x = a[0], y = a[1], d = 1 + x * x + y * y;
            return new[] { y * (1 + y * y - x * x) / (d * d), x * (1 + x * x - y * y) / (d * d) };
        }, P2((0.7, 0.3), (-1.2, 0.9))),
        ["CallsOverloads"] = (a =>
        {
            double x = a[0], y = a[1], q = 1 + x * x, d = 1 + x * x + y * y;
            return new[] { (1 - x * x) / (q * q) + y * (1 + y * y - x * x) / (d * d), x * (1 + x * x - y * y) / (d * d) };
        }, P2((0.7, 0.3), (-1.2, 0.9))),
        ["DataParameterBecomesActive(c 1.5)"] = (a => new[] { 2 * 1.5 * 1.5 * a[0] }, P(0.7, -1.2)),
        ["IntParameterReassigned(n 3)"] = (a => new[] { 6 * Math.Pow(a[0], 5) }, P(1.1, -0.9)),
        ["ActiveOnOnePath"] = (a => new[] { a[0] > 0 ? 6 * a[0] + 1 : 1.0 }, P(0.8, -0.8)),
        ["ConstantResetInLoop(n 6)"] = (a => new[] { 3 * a[0] * a[0] }, P(1.2, -0.7)),
        ["ConstantEarlyReturn(n 0)"] = (a => new[] { 0.0 }, P(0.6, -1.0)),
        ["ConstantEarlyReturn(n 3)"] = (a => new[] { 3 * Math.Cos(a[0]) }, P(0.6, -1.0)),
        ["CompoundAssignmentsWithCalls"] = (a =>
        {
            double x = a[0], y = a[1], q = 1 + y * y, e = 0.5 * Math.Exp(y);
            return new[] { -2 * x * e / q + 3 * x * x, (2 - x * x) * (e / q - e * 2 * y / (q * q)) };
        }, P2((0.6, 1.4), (-1.3, 0.5))),
        ["ActiveBaseAndAliasedFma"] = (a =>
        {
            double b = a[0], lb = Math.Log(b);
            return new[] { -Math.Log(2) / (b * lb * lb) + 2 * b + 1 };
        }, P(1.7, 3.5)),
        ["AliasedArguments"] = (a =>
        {
            double x = a[0];
            return new[] { 3 * x * x + 12 * x * x * x - 1 + 2 * x };
        }, P(0.7, -1.4)),
        ["CounterReadAfterLoop(n 5)"] = (a => new[] { 5 * (1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0) }, P(0.4, -0.6)),
        ["LoopCalleeCalledTwice"] = (a =>
        {
            static double H(double x, int degree)
            {
                double v = 0;
                for (int i = 0; i <= degree; i++) v += Math.Pow(x, i) / (i + 1);
                return v;
            }
            static double DH(double x, int degree)
            {
                double v = 0;
                for (int i = 1; i <= degree; i++) v += i * Math.Pow(x, i - 1) / (i + 1);
                return v;
            }
            double x = a[0];
            return new[] { DH(x, 4) * H(2 * x, 3) + H(x, 4) * 2 * DH(2 * x, 3) };
        }, P(0.6, -1.1)),
        ["CallTwiceNested"] = (a =>
        {
            double x = a[0], u = x * x + x;
            return new[] { 2 * u * (2 * x + 1) };
        }, P(0.6, -1.1)),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in ClosedForms.Keys) data.Add(name);
            return data;
        }
    }

    [Fact]
    public void ClosedFormTable_Size_CoversAtLeast25Functions()
    {
        Assert.True(ClosedForms.Count >= 25, $"only {ClosedForms.Count} closed forms");
        foreach (var name in ClosedForms.Keys) Assert.NotNull(GradientCases.Get(name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReverseMode_AtChosenPoints_MatchesClosedForm(string name)
    {
        var c = GradientCases.Get(name);
        var (closedForm, points) = ClosedForms[name];
        foreach (var point in points)
        {
            double[] expected = closedForm(point);
            var (_, actual) = c.Gradient(point);
            Assert.Equal(c.Arity, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Numeric.AssertClose(expected[i], actual[i], Relative, 1e-15,
                    $"{name} d/dx{i} at {Numeric.Format(point)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardMode_AlongRandomDirections_MatchesClosedFormAndReverse(string name)
    {
        var c = GradientCases.Get(name);
        var (closedForm, points) = ClosedForms[name];
        var random = new Random(Numeric.StableSeed(name));
        foreach (var point in points)
        {
            double[] expected = closedForm(point);
            var (_, reverse) = c.Gradient(point);
            for (int k = 0; k < 5; k++)
            {
                double[] v = Numeric.RandomDirection(random, c.Arity);
                double viaReverse = 0, viaClosedForm = 0, scale = 0;
                for (int i = 0; i < v.Length; i++)
                {
                    viaReverse += reverse[i] * v[i];
                    viaClosedForm += expected[i] * v[i];
                    scale += Math.Abs(expected[i] * v[i]);
                }
                double tangent = c.Tangent(point, v).Tangent;
                string where = $"{name} at {Numeric.Format(point)} along {Numeric.Format(v)}";
                Numeric.AssertClose(viaReverse, tangent, Relative, Relative * scale + 1e-15, where + " (forward vs reverse)");
                Numeric.AssertClose(viaClosedForm, tangent, Relative, Relative * scale + 1e-15, where + " (forward vs closed form)");
            }
        }
    }

    private static double[][] P(params double[] xs) => xs.Select(x => new[] { x }).ToArray();

    private static double[][] P2(params (double, double)[] xs) => xs.Select(p => new[] { p.Item1, p.Item2 }).ToArray();

    private static double[][] P3(params (double, double, double)[] xs) => xs.Select(p => new[] { p.Item1, p.Item2, p.Item3 }).ToArray();
}
