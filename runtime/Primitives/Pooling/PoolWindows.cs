namespace DiffGen;

/// <summary>
/// The windows of every output pixel of a 2-D pooling, plane by plane in row-major order (the order of the
/// output): the one loop that every pooling kernel walks. A struct enumerator, so <c>foreach</c> allocates nothing.
/// </summary>
internal struct PoolWindows
{
    private readonly PoolGeometry _g;
    private int _plane, _oh, _ow, _output, _rowLo, _rowHi;

    /// <summary>Starts before the first window of <paramref name="g"/>.</summary>
    public PoolWindows(in PoolGeometry g)
    {
        _g = g;
        _ow = -1;
        _output = -1;
        (_rowLo, _rowHi) = g.Rows(0);
    }

    /// <summary>The window the enumerator stands on.</summary>
    public readonly PoolWindow Current
    {
        get
        {
            (int columnLo, int columnHi) = _g.Columns(_ow);
            return new PoolWindow(_output, _plane * _g.InPlane, _rowLo, _rowHi, columnLo, columnHi);
        }
    }

    /// <summary>Itself, for <c>foreach</c>.</summary>
    public readonly PoolWindows GetEnumerator() => this;

    /// <summary>Steps to the next window; false after the last.</summary>
    public bool MoveNext()
    {
        _output++;
        if (++_ow == _g.OutWidth)
        {
            _ow = 0;
            if (++_oh == _g.OutHeight)
            {
                _oh = 0;
                _plane++;
            }

            (_rowLo, _rowHi) = _g.Rows(_oh);
        }

        return _plane < _g.Planes;
    }
}
