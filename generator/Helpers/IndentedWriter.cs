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

    /// <summary>The current end of the text, where <see cref="Insert"/> can later add a line.</summary>
    public Position Mark() => new(_text.Length, _depth);

    /// <summary>
    /// Inserts <paramref name="line"/> at <paramref name="at"/>, indented as text written there was.
    /// Positions marked after <paramref name="at"/> move: insert at later positions first.
    /// </summary>
    public void Insert(Position at, string line) => _text.Insert(at.Offset, new string(' ', at.Depth * 4) + line + "\n");

    public override string ToString() => _text.ToString();

    /// <summary>A place in the text (see <see cref="Mark"/>).</summary>
    public readonly record struct Position(int Offset, int Depth);

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
