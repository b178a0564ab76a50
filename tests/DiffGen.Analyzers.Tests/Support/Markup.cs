using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DiffGen.Analyzers.Tests.Support;

/// <summary>Reads the <c>{|DGnnnn:span|}</c> markup of the analyzer tests: the plain source and the marked spans.</summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<(string Id, TextSpan Span)> Marks) Parse(string marked)
    {
        var source = new StringBuilder();
        var marks = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < marked.Length; i++)
        {
            if (marked[i] == '{' && i + 1 < marked.Length && marked[i + 1] == '|')
            {
                int colon = marked.IndexOf(':', i);
                open.Push((marked.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                marks.Add((id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(marked[i]);
            }
        }
        return (source.ToString(), marks);
    }
}
