using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DiffGen.Benchmarks.BuildTime;

/// <summary>
/// Source text of a project with <c>methods</c> [Differentiable] methods, ten per partial class and file,
/// in five shapes that cover what the front end and the emitters do (straight-line transcendental
/// code, loops over arrays, branches with nonsmooth primitives, calls of other [Differentiable]
/// methods, a recurrence in a while loop), plus one ordinary method per class for unrelated edits.
/// </summary>
public static class SyntheticProject
{
    public const int MethodsPerFile = 10;

    public static List<(string Path, string Text)> Files(int methods, int editedConstant = 3)
    {
        var files = new List<(string, string)>();
        for (int file = 0; file * MethodsPerFile < methods; file++)
            files.Add(($"Model{file}.cs", File(file, System.Math.Min(MethodsPerFile, methods - file * MethodsPerFile), file == 0 ? editedConstant : 3)));
        return files;
    }

    /// <summary>File <paramref name="file"/>; <paramref name="constant"/> appears in its first method only (the edit site).</summary>
    public static string File(int file, int count, int constant)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using DiffGen;");
        text.AppendLine("namespace Synthetic;");
        text.AppendLine($"public static partial class Model{file}");
        text.AppendLine("{");
        text.AppendLine("    public static int Count(int n) => n * 2 + 1;");
        for (int k = 0; k < count; k++)
        {
            string i = (file * MethodsPerFile + k).ToString(CultureInfo.InvariantCulture);
            string c = (k == 0 ? constant : 3).ToString(CultureInfo.InvariantCulture);
            text.AppendLine("    [Differentiable]");
            text.AppendLine((k % 5) switch
            {
                0 => $"    public static double F{i}(double x, double y) => Math.Sin(x * y) + Math.Exp(-x * x) * y + Math.Log(1 + y * y) * {c};",
                1 => $$"""
                        public static double F{{i}}(double[] w, [NoDerivative] double[] x)
                        {
                            double s = 0;
                            for (int j = 0; j < w.Length; j++) s += Math.Tanh(w[j] * x[j]) * {{c}};
                            return s / w.Length;
                        }
                    """,
                2 => $$"""
                        public static double F{{i}}(double x, double y)
                        {
                            double a = DiffMath.Relu(x - y) * {{c}};
                            if (x > 0) a = a + Math.Max(x, y) * x;
                            else a = a - Math.Abs(y) * Math.Sqrt(1 + x * x);
                            return a;
                        }
                    """,
                3 => $"    public static double F{i}(double x, double y) => Helper{i}(x * {c}, y) + Helper{i}(y, x);\n    [Differentiable]\n    static double Helper{i}(double u, double v) => u * Math.Cos(v) + v * v;",
                _ => $$"""
                        public static double F{{i}}(double x, double y, int n)
                        {
                            double s = x;
                            int k = 0;
                            while (k < n)
                            {
                                s = s * Math.Cos(y) + x / {{c}};
                                k++;
                            }
                            return s;
                        }
                    """,
            });
        }
        text.AppendLine("}");
        return text.ToString();
    }
}
