using System;
using DiffGen;

// Containers of every shape a user might put [Differentiable] methods in: the global namespace,
// block-scoped nested namespaces, records, record structs, readonly structs, sealed and abstract
// classes, internal classes, constrained generic classes and three-level nesting.

/// <summary>A container in the global namespace.</summary>
public static partial class GlobalNamespaceFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7)]
    public static double GlobalSquarePlusSine(double x)
    {
        return x * x + Math.Sin(x);
    }
}

namespace DiffGen.Gradients.Tests.Corpus.Containers
{
    namespace Deeper
    {
        /// <summary>A container in a nested block-scoped namespace.</summary>
        public static partial class NestedNamespaceFunctions
        {
            [Differentiable]
            [CheckGradientAt(0.7)]
            public static double NestedNamespaceCosh(double x)
            {
                return Math.Cosh(x) * x;
            }
        }
    }

    /// <summary>A record class container.</summary>
    public partial record RecordContainer(double Unused)
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        public static double RecordExp(double x)
        {
            return Math.Exp(0.5 * x) * x;
        }
    }

    /// <summary>A record struct container.</summary>
    public partial record struct RecordStructContainer(double Unused)
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        public static double RecordStructLog(double x)
        {
            return Math.Log(1 + x * x);
        }
    }

    /// <summary>A readonly struct container.</summary>
    public readonly partial struct ReadOnlyStructContainer
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        public static double ReadOnlyStructAtan(double x)
        {
            return Math.Atan(2 * x) - x;
        }
    }

    /// <summary>A sealed, non-static class container.</summary>
    public sealed partial class SealedContainer
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        public static double SealedSqrt(double x)
        {
            return Math.Sqrt(1 + x * x * x * x);
        }
    }

    /// <summary>An abstract class container.</summary>
    public abstract partial class AbstractContainer
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        public static double AbstractTanh(double x)
        {
            return Math.Tanh(x) * Math.Tanh(x);
        }
    }

    /// <summary>An internal class container.</summary>
    internal static partial class InternalContainer
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        internal static double InternalSinh(double x)
        {
            return Math.Sinh(x) / (1 + x * x);
        }
    }

    /// <summary>A generic class with constraints.</summary>
    /// <typeparam name="T">A constrained, unused type parameter.</typeparam>
    public partial class Constrained<T> where T : class, new()
    {
        /// <summary>The nested class.</summary>
        public static partial class Inner
        {
            [Differentiable]
            public static double ConstrainedCube(double x)
            {
                return x * x * x - x;
            }
        }
    }

    /// <summary>Three levels of nesting.</summary>
    public static partial class Level1
    {
        /// <summary>Second level.</summary>
        public static partial class Level2
        {
            /// <summary>Third level.</summary>
            public partial struct Level3
            {
                [Differentiable]
                [CheckGradientAt(0.7)]
                public static double DeeplyNested(double x)
                {
                    return Math.Exp(-x) * Math.Cos(x);
                }
            }
        }
    }

    /// <summary>Overloads by precision and by arity, and a caller of each.</summary>
    public static partial class Overloads
    {
        [Differentiable]
        [CheckGradientAt(0.7)]
        public static double Soft(double x)
        {
            return x / (1 + x * x);
        }

        [Differentiable]
        public static float Soft(float x)
        {
            return x / (1f + x * x);
        }

        [Differentiable]
        [CheckGradientAt(0.7, 0.3)]
        public static double Soft(double x, double y)
        {
            return x * y / (1 + x * x + y * y);
        }

        [Differentiable]
        [CheckGradientAt(0.7, 0.3)]
        public static double CallsOverloads(double x, double y)
        {
            return Soft(x) + Soft(x, y);
        }

        [Differentiable]
        public static float CallsFloatOverload(float x)
        {
            return Soft(x) * x;
        }
    }
}
