using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>Calls between [Differentiable] methods: same type, another type, chains, nested and generic containers.</summary>
public static partial class CallFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.9)]
    public static double Square(double x)
    {
        return x * x;
    }

    [Differentiable]
    [CheckGradientAt(0.7, 1.2)]
    [CheckGradientAt(-1.5, -0.4)]
    public static double SumOfSquares(double x, double y)
    {
        return Square(x) + Square(Math.Sin(y));
    }

    /// <summary>The start of the chain ChainStart -> CallFunctionsSecond.ChainMiddle -> ChainEnd.</summary>
    [Differentiable]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(-0.6)]
    public static double ChainStart(double x)
    {
        return CallFunctionsSecond.ChainMiddle(2 * x) * x;
    }

    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(-1.2)]
    public static double ChainEnd(double u)
    {
        return Math.Exp(u) * 0.5;
    }

    /// <summary>Calls into nested types of a generic partial class under two instantiations.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-1.4)]
    public static double CallIntoGenericNested(double x)
    {
        return Outer<int>.Inner.Cube(x) + Outer<string>.Inner.SoftSign(x);
    }

    [Differentiable]
    [CheckGradientAt(0.8, 5)]
    [CheckGradientAt(-0.3, 9)]
    public static double CallInLoop(double x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += Square(x - 0.1 * i);
        }
        return s;
    }

    /// <summary>w x^k + sin(x): a callee with an int and a [NoDerivative] parameter.</summary>
    [Differentiable]
    [CheckGradientAt(0.9, 3, 0.5)]
    [CheckGradientAt(-1.2, 2, 2.0)]
    public static double WeightedPower(double x, int k, [NoDerivative] double w)
    {
        return w * Math.Pow(x, k) + Math.Sin(x);
    }

    [Differentiable]
    [CheckGradientAt(0.9, 1.3)]
    [CheckGradientAt(-0.6, 0.2)]
    public static double CallWithIntAndDataArguments(double x, double y)
    {
        return WeightedPower(x * y, 3, 0.5) + WeightedPower(y, 2, 1.5);
    }

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.1)]
    public static double CallTwiceNested(double x)
    {
        return Square(Square(x) + x);
    }

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.1)]
    public static double CallPrivateHelper(double x)
    {
        return PrivateBump(x) * 3 + x;
    }

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.1)]
    private static double PrivateBump(double x)
    {
        return Math.Exp(-x * x);
    }

    [Differentiable]
    [CheckGradientAt(0.3, 0.8)]
    [CheckGradientAt(1.7, -0.5)]
    internal static double InternalFunction(double x, double y)
    {
        return Math.Sqrt(1 + x * x * y * y) - Math.Atan(x - y);
    }

    [Differentiable]
    [CheckGradientAt(0.9)]
    [CheckGradientAt(-0.9)]
    public static double CallInBranches(double x)
    {
        if (x > 0)
        {
            return Square(Math.Log(1 + x));
        }
        return ChainEnd(x) - Square(x);
    }

    [Differentiable]
    [CheckGradientAt(0.5, 1.0)]
    [CheckGradientAt(-0.7, 0.3)]
    public static double CallStructAndNested(double x, double y)
    {
        return StructFunctions.StructPolynomial(x, y) * NestedHost.Inner.Bump(x + y);
    }
}

/// <summary>The second type of the call chain.</summary>
public static partial class CallFunctionsSecond
{
    /// <summary>sin(v) + ChainEnd(v^2).</summary>
    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-0.9)]
    public static double ChainMiddle(double v)
    {
        return Math.Sin(v) + CallFunctions.ChainEnd(v * v);
    }
}

/// <summary>A generic containing class with a nested static class of [Differentiable] methods.</summary>
/// <typeparam name="T">Unused by the methods; exercises generic containers.</typeparam>
public partial class Outer<T>
{
    /// <summary>The nested class.</summary>
    public static partial class Inner
    {
        // No [CheckGradientAt] in a generic type (DG0010): RegisteredGradientChecksTests calls CubeGradientCheck.
        [Differentiable]
        public static double Cube(double x)
        {
            return x * x * x;
        }

        /// <summary>x / (1 + |x|).</summary>
        [Differentiable]
        public static double SoftSign(double x)
        {
            return x / (1 + Math.Abs(x));
        }
    }
}

/// <summary>A struct container.</summary>
public partial struct StructFunctions
{
    [Differentiable]
    [CheckGradientAt(0.5, 1.0)]
    [CheckGradientAt(-1.5, 0.25)]
    public static double StructPolynomial(double x, double y)
    {
        return x * x * x * y - 2 * x * y * y + 4 * y;
    }
}

/// <summary>A class with a nested [Differentiable] container.</summary>
public static partial class NestedHost
{
    /// <summary>The nested container.</summary>
    public static partial class Inner
    {
        [Differentiable]
        [CheckGradientAt(0.4)]
        [CheckGradientAt(-1.6)]
        public static double Bump(double x)
        {
            return 1 / (1 + x * x);
        }
    }
}
