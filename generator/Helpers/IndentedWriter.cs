using System;
using System.Text;

namespace DiffGen.Generator.Helpers;

/// <summary>Writes C# source text line by line with brace-driven indentation.</summary>
public sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length == 0) { _text.Append('\n'); return; }
        _text.Append(' ', _depth * 4).Append(line).Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> then an opening brace, and indents until the returned scope is disposed.</summary>
    public Scope Block(string header)
    {
        Line(header);
        return Block();
    }

    /// <summary>Writes an opening brace and indents until the returned scope is disposed.</summary>
    public Scope Block()
    {
        Line("{");
        _depth++;
        return new Scope(this, "}");
    }

    /// <summary>Like <see cref="Block(string)"/> but closes with <paramref name="closing"/> (for example "};").</summary>
    public Scope Block(string header, string closing)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Scope(this, closing);
    }

    /// <summary>Writes a label one level out, as C# style puts labels.</summary>
    public void Label(string label)
    {
        _depth--;
        Line(label + ":");
        _depth++;
    }

    /// <summary>Writes text produced by another writer, indented to the current level.</summary>
    public void Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            _text.Append(' ', _depth * 4).Append(line).Append('\n');
        }
    }

    public override string ToString() => _text.ToString();

    public readonly struct Scope : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _closing;

        public Scope(IndentedWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line(_closing);
        }
    }
}
