using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Generator.Rules;

/// <summary>What a formula reads: which arguments, and whether the result. Reverse mode records exactly those values.</summary>
public static class FormulaReads
{
    /// <summary>The argument indices <paramref name="formula"/> reads, in ascending order, and whether it reads the result.</summary>
    public static (IReadOnlyList<int> Arguments, bool Result) Of(Formula formula)
    {
        var arguments = new SortedSet<int>();
        bool result = false;
        void Visit(Formula f)
        {
            switch (f)
            {
                case ArgumentFormula a: arguments.Add(a.Index); break;
                case ResultFormula: result = true; break;
                case NegateFormula n: Visit(n.Operand); break;
                case BinaryFormula b: Visit(b.Left); Visit(b.Right); break;
                case ConditionalFormula c: Visit(c.Condition); Visit(c.WhenTrue); Visit(c.WhenFalse); break;
                case MathFormula m: foreach (var argument in m.Arguments) Visit(argument); break;
                case NonsmoothHelperFormula h: foreach (var argument in h.Arguments) Visit(argument); break;
            }
        }
        Visit(formula);
        return (arguments.ToList(), result);
    }
}
